import ArgumentParser
import KeywardSystem

/// The `keyward` command: keeps AWS credentials short-lived, least-privileged and out of plaintext.
///
/// This file only registers the subcommands; each lives in `Commands/` and does its work through the
/// library modules.
@main
struct Keyward: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keyward",
        abstract: "Keep AWS credentials short-lived, least-privileged and out of plaintext.",
        version: KeywardVersion.current,
        subcommands: [
            AddCommand.self,
            ListCommand.self,
            RemoveCommand.self,
            RotateCommand.self,
            WhoamiCommand.self,
            ExecCommand.self,
            ExportCommand.self,
            LoginCommand.self,
            ClearCommand.self,
            AssumeCommand.self,
            RolesCommand.self,
            SamlCommand.self,
            ImportCommand.self,
            DoctorCommand.self,
            ServeCommand.self,
            PolicyCommand.self,
        ]
    )

    static func main() async {
        // Before anything holds a secret: no core file may ever contain one.
        ProcessHardening.disableCoreDumps()
        await CredentialFastPath.answerIfCached(CommandLine.arguments)
        do {
            var arguments = GlobalOptionPlacement.arranged(Array(CommandLine.arguments.dropFirst()))
            if arguments.first == ExecCommand._commandName {
                arguments = [arguments[0]] + ExecCommand.insertingTerminator(Array(arguments.dropFirst()))
            }
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            ErrorPresenter.exit(with: error)
        }
    }
}

/// The version printed by `keyward --version`.
enum KeywardVersion {
    static let current = "0.1.0"
}

import ArgumentParser
import Foundation
import KeywardAWS
import KeywardConfig
import KeywardCredentials
import KeywardSystem

/// `keyward rotate PROFILE`: replaces the profile's stored key with a new one and deletes the old one
/// (see `KeyRotation` for the order of the steps and what each failure leaves behind). When the profile
/// has `mfa_serial`, the IAM calls are signed with a 15-minute MFA session, as a user under seed 002's
/// MFA-enforcing policy must.
/// Region and endpoints come from `CredentialResolver.endpoints(forProfile:)`, as for every command.
struct RotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Create a new access key for the profile's IAM user, store it, and delete the old one.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The profile whose stored key is rotated.")
    var profile: String

    @Option(name: .customLong("mfa-token"), help: "The current code of the profile's MFA device (mfa_serial).")
    var mfaToken: String?

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        let credentialResolver = try context.credentialResolver(mfaToken: nil, options: CredentialOptions())
        // A profile that exists only in the vault gets the environment's settings alone.
        let endpoints = try credentialResolver.endpoints(forProfile: profile)
        let resolver = credentialResolver.profiles
        let settings = resolver.hasProfile(named: profile) ? try resolver.profile(named: profile) : nil
        var mfa: (serial: String, code: String)?
        if let serial = settings?.mfaSerial {
            let source = MFACodeSource(
                token: mfaToken, terminal: TerminalPrompt(), processEnvironment: context.environment.variables)
            mfa = (serial, try source.code(serial: serial, profile: profile, mfaProcess: settings?.mfaProcess))
        } else if mfaToken != nil {
            throw CredentialsError.mfaTokenWithoutSerial(profile: profile)
        }
        let vault = try context.keyVault()
        var rotation = KeyRotation(
            profile: profile, vault: vault,
            service: AWSAccessKeyService(
                sts: credentialResolver.client(for: try endpoints.sts()),
                iam: credentialResolver.client(for: try endpoints.iam())),
            progress: { [output = context.output] line in output.notice(line) })
        rotation.mfa = mfa
        // Without a usable session cache there is nothing to drop; the rotation itself must not fail for it.
        rotation.sessions = try? context.sessionCache(sharing: vault)
        let outcome = try await rotation.run()
        let masked = { (id: String) in AccessKeyID(id).masked }
        let deleted = outcome.oldKeyWasAlreadyGone ? "was already deleted" : "deleted"
        let dropped = outcome.droppedSessions
        let sessions =
            dropped == 0 ? "" : ", \(dropped) cached session\(dropped == 1 ? "" : "s") of the old key dropped"
        context.output.line(
            "Rotated profile \(profile) (user \(outcome.user)): new key \(masked(outcome.newKeyID)) stored in "
                + "\(vault.store.kind) (\(vault.store.kind.persistence)), "
                + "old key \(masked(outcome.oldKeyID)) \(deleted)\(sessions)")
    }
}

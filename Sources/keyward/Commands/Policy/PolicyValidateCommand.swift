import ArgumentParser
import Foundation
import KeywardPolicy

/// `keyward policy validate`: Access Analyzer-style findings for policy files; exits 1 on any error.
struct PolicyValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check policy files for errors, security warnings, warnings and suggestions.",
        discussion: "Prints one finding per line (none for a clean file); exits 1 when any finding is an ERROR."
    )

    @OptionGroup var global: DebugOption

    @Argument(help: "Policy files.")
    var files: [String]

    @Option(help: "How the policies are attached: \(PolicyKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: PolicyKind = .identity

    @Option(help: "Output: text or jsonl.")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl
    }

    func run() async throws {
        var errors = 0
        var filesWithErrors = 0
        var output = ""
        for file in files {
            let findings = PolicyValidator.validate(try PolicyFiles.read(file), source: file, kind: kind)
            output +=
                format == .text
                ? FindingRenderer.text(findings, source: file) : FindingRenderer.jsonLines(findings, source: file)
            let count = findings.filter { $0.severity == .error }.count
            errors += count
            if count > 0 { filesWithErrors += 1 }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if errors > 0 { throw PolicyError.validationFailed(errorCount: errors, fileCount: filesWithErrors) }
    }
}

extension PolicyKind: ExpressibleByArgument {}

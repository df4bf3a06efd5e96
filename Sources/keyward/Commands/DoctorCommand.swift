import ArgumentParser
import Foundation
import KeywardConfig
import KeywardCredentials
import KeywardVault

/// `keyward doctor [--json]`: inspects the AWS config files, the environment, the Keyward home and the
/// vault file (see `Doctor`) and prints each finding with its severity, id, location and fix. Exits 1 when a
/// finding is high, else 0. Never prints a secret.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor",
        abstract: "Find plaintext keys, missing MFA, broken profiles and loose file modes.",
        discussion: """
            Exit status: 0 when no finding is high, 1 otherwise.

            --json prints one document:
              {"findings": [{"id", "severity", "location", "message", "fix"}],
               "summary": {"high": n, "medium": n, "low": n}}

            Finding ids (stable) and their severity:
              long-lived-key-in-credentials-file   high
              long-lived-key-in-config-file        high
              long-lived-key-in-import-backup      high
              long-lived-key-in-environment        high
              session-key-in-environment           low
              secret-key-in-environment            medium
              source-profile-without-mfa           medium
              role-without-mfa                     medium
              source-profile-loop                  high
              source-profile-missing               medium
              profile-error                        medium
              duration-over-role-limit             medium
              duration-over-chaining-limit         medium
              credentials-file-permissions         high
              config-file-permissions              low
              keyward-home-permissions             medium
              vault-file-permissions               medium
              weak-vault-kdf                       medium
              legacy-keyring-key                   medium
              unreadable-file                      medium
            """)

    @OptionGroup var global: GlobalOptions

    @Flag(help: "Print one JSON document instead of text.")
    var json = false

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        var doctor = Doctor(
            environment: context.environment, paths: ConfigPaths(environment: context.environment),
            keywardHome: try context.keywardHome)
        doctor.legacyKeyringProfiles = { LegacyKeyctlKeys().profiles() }
        let report = doctor.inspect()
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.output.line(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            context.output.write(Self.text(report))
        }
        if report.hasHighFindings { throw ExitCode(1) }
    }

    /// The findings as text: a line with severity, id and location, the message and the fix indented below,
    /// then a summary line.
    static func text(_ report: DoctorReport) -> String {
        var text = ""
        for finding in report.findings {
            let severity = finding.severity.rawValue.uppercased()
            text += severity + String(repeating: " ", count: 7 - severity.count)
            text += "\(finding.id.rawValue)  \(finding.location)\n"
            text += "       \(finding.message)\n       fix: \(finding.fix)\n"
        }
        let summary = report.summary
        let count = report.findings.count
        text +=
            count == 0
            ? "no findings\n"
            : "\(count) finding\(count == 1 ? "" : "s"): \(summary.high) high, \(summary.medium) medium, "
                + "\(summary.low) low\n"
        return text
    }
}

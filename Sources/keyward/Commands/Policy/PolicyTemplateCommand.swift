import ArgumentParser
import Foundation
import KeywardPolicy

/// `keyward policy template NAME`: print one of the seeds' policies, ready to attach.
struct PolicyTemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Print a ready-to-attach policy.",
        discussion: PolicyTemplate.allCases.map { "\($0.rawValue): \($0.summary)" }.joined(separator: "\n")
    )

    @OptionGroup var global: DebugOption

    @Argument(help: "Template name: \(PolicyTemplate.allCases.map(\.rawValue).joined(separator: ", ")).")
    var name: String

    @Option(help: "The 12-digit account ID.")
    var account: String?
    @Option(name: .customLong("role"), help: "A role name or ARN the user may assume (repeatable; assume-only).")
    var roles: [String] = []
    @Option(name: .customLong("tag-key"), help: "The tag key compared between caller and instance (abac-team).")
    var tagKey: String = "team"
    @Flag(name: .customLong("require-mfa"), help: "Require MFA to assume the roles (assume-only).")
    var requireMFA = false
    @Option(name: .customLong("max-mfa-age"), help: "Longest accepted MFA age in seconds (pseudo-sudo).")
    var maxMFAAge: Int?

    func run() async throws {
        let template = try PolicyTemplate.named(name)
        let text = try template.render(
            PolicyTemplate.Options(
                accountID: account, roleNames: roles, tagKey: tagKey, requireMFA: requireMFA,
                maxMFAAgeSeconds: maxMFAAge))
        FileHandle.standardOutput.write(Data(text.utf8))
    }
}

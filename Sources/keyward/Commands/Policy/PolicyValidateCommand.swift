import ArgumentParser
import Foundation
import KeywardCatalog
import KeywardPolicy

/// `keyward policy validate`: Access Analyzer's policy checks offline (grammar, and with the service catalogue:
/// actions, services, condition keys, ARNs), plus Keyward's security checks; exit status for CI.
struct PolicyValidateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check policy files for errors, security warnings, warnings and suggestions.",
        discussion: """
            Prints one finding per line (none for a clean file). Exits 1 when a finding is at or above \
            --fail-on (default: error). --format json prints one {"findings": [...]} document shaped like \
            Access Analyzer's ValidatePolicy (columns and offsets zero-based); sarif prints SARIF 2.1.0 for \
            GitHub code scanning.
            """
    )

    @OptionGroup var global: DebugOption

    @Argument(help: "Policy files.")
    var files: [String] = []

    @Option(help: "How the policies are attached: \(PolicyKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: PolicyKind = .identity

    @Option(
        name: .customLong("resource-type"),
        help:
            "The resource a resource policy is attached to: \(ResourcePolicyType.allCases.map(\.rawValue).joined(separator: ", "))."
    )
    var resourceType: ResourcePolicyType?

    @Option(
        name: .customLong("authorization-details"),
        help: "An account's `aws iam get-account-authorization-details` JSON: every policy checked as what it is.")
    var authorizationDetails: String?

    @Option(help: "Output: text, jsonl, json or sarif.")
    var format: Format = .text

    @Option(
        name: .customLong("fail-on"),
        help: "Exit 1 at findings of this type or worse: error, security-warning, warning, suggestion.")
    var failOn: FailOn = .error

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, jsonl, json, sarif
    }

    enum FailOn: String, ExpressibleByArgument, CaseIterable {
        case error
        case securityWarning = "security-warning"
        case warning, suggestion

        var severity: ValidationFinding.Severity {
            switch self {
            case .error: return .error
            case .securityWarning: return .securityWarning
            case .warning: return .warning
            case .suggestion: return .suggestion
            }
        }
    }

    func validate() throws {
        if files.isEmpty, authorizationDetails == nil {
            throw ValidationError("give policy files or --authorization-details FILE")
        }
    }

    func run() async throws {
        let catalog = try ServiceCatalog.embedded()
        let options = ValidationOptions(kind: kind, resourceType: resourceType, catalog: catalog)
        var groups: [FindingGroup] = []
        for file in files {
            let bytes = try PolicyFiles.read(file)
            groups.append(
                FindingGroup(
                    file: file, bytes: bytes, findings: PolicyValidator.validate(bytes, source: file, options: options))
            )
        }
        if let authorizationDetails {
            let bytes = try PolicyFiles.read(authorizationDetails)
            groups += try AccountPolicies.validate(bytes, file: authorizationDetails, catalog: catalog)
        }
        let output: String
        switch format {
        case .text:
            output = groups.map { FindingRenderer.text($0.findings, source: $0.file, subject: $0.subject) }.joined()
        case .jsonl:
            output = groups.map { FindingRenderer.jsonLines($0.findings, source: $0.file) }.joined()
        case .json:
            output = FindingRenderer.json(groups)
        case .sarif:
            output = FindingRenderer.sarif(groups, version: KeywardVersion.current)
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        let failing = groups.map { group in group.findings.filter { $0.severity <= failOn.severity }.count }
        let count = failing.reduce(0, +)
        let fileCount = Set(zip(groups, failing).filter { $0.1 > 0 }.map(\.0.file)).count
        guard count > 0 else { return }
        if failOn == .error { throw PolicyError.validationFailed(errorCount: count, fileCount: fileCount) }
        throw PolicyError.findingsAtOrAbove(severity: failOn.severity.rawValue, count: count, fileCount: fileCount)
    }
}

extension PolicyKind: ExpressibleByArgument {}
extension ResourcePolicyType: ExpressibleByArgument {}

import ArgumentParser
import Foundation
import KeywardAnalysis
import KeywardCatalog
import KeywardPolicy

/// `keyward policy access`: Access Analyzer's external-access findings for one resource-based policy.
struct PolicyAccessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Who outside the zone of trust the resource policy lets in: external-access findings.",
        discussion: """
            One finding per caller outside the zone (anyone, another account, a service, a federated \
            identity) and granting statements: actions, resources, conditions, isPublic, and a request \
            proving it. Callers of --account and --trusted-account are trusted, so are requests bound by \
            aws:PrincipalOrgID (or aws:PrincipalOrgPaths) to --org, services bound by aws:SourceAccount, \
            aws:SourceArn or aws:SourceOwner to a trusted account (or aws:SourceOrgID to --org), and requests \
            through a fixed aws:SourceVpc or aws:SourceVpce. Exits 0 with no finding, 1 with findings or \
            UNKNOWN, 2 when the policy cannot be read. 
            """ + PolicyCheckSupport.unknownHelp)

    @OptionGroup var global: DebugOption

    @Argument(help: "The resource-based policy file.")
    var file: String
    @Option(
        name: .customLong("resource-type"),
        help: "The resource: \(AnalysedResourceType.allCases.map(\.rawValue).joined(separator: ", ")).")
    var resourceType: AnalysedResourceType
    @Option(help: "The 12-digit account that owns the resource.")
    var account: String
    @Option(help: "The organization trusted (o-...).")
    var org: String?
    @Option(name: .customLong("trusted-account"), help: "A further trusted account (repeatable).")
    var trustedAccounts: [String] = []
    @Flag(
        help:
            "Print {\"findings\":[{\"principal\":...,\"action\":...,\"resource\":...,\"condition\":...,\"isPublic\":...}]}."
    )
    var json = false

    func validate() throws {
        for value in [account] + trustedAccounts where !(value.count == 12 && value.allSatisfy(\.isNumber)) {
            throw ValidationError("\"\(value)\" is not a 12-digit account ID.")
        }
        if let org, !org.hasPrefix("o-") { throw ValidationError("--org takes an organization ID, o-...") }
    }

    func run() async throws {
        try PolicyCheckSupport.run {
            let document = try PolicyCheckSupport.document(file, kind: resourceType.policyKind)
            let analyzer = ExternalAccessAnalyzer(catalog: try ServiceCatalog.embedded())
            let zone = ZoneOfTrust(account: account, trustedAccounts: Set(trustedAccounts), organization: org)
            let report = analyzer.findings(for: document, zone: zone)
            let output = json ? ExternalAccessAnalyzer.json(report) + "\n" : ExternalAccessAnalyzer.text(report)
            CommandOutput.process.write(output)
            if let unknown = report.unknown { return (false, "UNKNOWN: \(unknown)") }
            let count = report.findings.count
            return (count == 0, count == 1 ? "1 external-access finding" : "\(count) external-access findings")
        }
    }
}

import ArgumentParser
import KeywardAnalysis
import KeywardCatalog
import KeywardPolicy

/// `keyward policy check-no-public-access`: Access Analyzer's CheckNoPublicAccess, offline.
struct PolicyCheckNoPublicAccessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-no-public-access",
        abstract: "PASS when no anonymous caller, and no caller of an account the policy does not name, is allowed.",
        discussion: """
            A condition that binds the caller to fixed values of aws:PrincipalOrgID, aws:PrincipalAccount, \
            aws:PrincipalArn, aws:SourceAccount, aws:SourceArn, aws:SourceOwner, aws:SourceVpc, aws:SourceVpce, \
            aws:SourceIp (a /8 or narrower) or aws:userid makes access non-public. Exits 0 on PASS, 1 on FAIL \
            or UNKNOWN, 2 when the policy cannot be read. 
            """ + PolicyCheckSupport.unknownHelp)

    @OptionGroup var global: DebugOption

    @Argument(help: "The resource-based policy file.")
    var file: String
    @Option(
        name: .customLong("resource-type"),
        help: "The resource: \(AnalysedResourceType.allCases.map(\.rawValue).joined(separator: ", ")).")
    var resourceType: AnalysedResourceType
    @Flag(help: "Print {\"result\":...,\"counterexample\":{...},\"reason\":...,\"statements\":[...]}.")
    var json = false

    func run() async throws {
        try PolicyCheckSupport.run {
            let document = try PolicyCheckSupport.document(file, kind: resourceType.policyKind)
            let checks = AccessChecks(catalog: try ServiceCatalog.embedded())
            return PolicyCheckSupport.report(checks.checkNoPublicAccess(document), json: json)
        }
    }
}

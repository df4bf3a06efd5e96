import ArgumentParser
import KeywardAnalysis
import KeywardCatalog
import KeywardPolicy

/// `keyward policy check-no-new-access`: Access Analyzer's CheckNoNewAccess, offline, with a counterexample.
struct PolicyCheckNoNewAccessCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-no-new-access",
        abstract: "PASS when every request the new policy allows, the existing one allows too.",
        discussion: "Exits 0 on PASS, 1 on FAIL or UNKNOWN, 2 when a policy cannot be read. "
            + PolicyCheckSupport.unknownHelp)

    @OptionGroup var global: DebugOption

    @Option(help: "The existing (reference) policy file.")
    var existing: String
    @Option(name: .customLong("new"), help: "The changed policy file.")
    var newPolicy: String
    @Option(help: "How the policies are attached: identity or resource (trust and key policies are resource).")
    var kind: PolicyKind = .identity
    @Flag(help: "Print {\"result\":...,\"counterexample\":{...},\"reason\":...,\"statements\":[...]}.")
    var json = false

    func run() async throws {
        try PolicyCheckSupport.run {
            let old = try PolicyCheckSupport.document(existing, kind: kind)
            let new = try PolicyCheckSupport.document(newPolicy, kind: kind)
            let checks = AccessChecks(catalog: try ServiceCatalog.embedded())
            return PolicyCheckSupport.report(checks.checkNoNewAccess(existing: old, new: new), json: json)
        }
    }
}

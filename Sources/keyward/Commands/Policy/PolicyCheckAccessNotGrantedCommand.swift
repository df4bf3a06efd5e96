import ArgumentParser
import KeywardAnalysis
import KeywardCatalog
import KeywardPolicy

/// `keyward policy check-access-not-granted`: Access Analyzer's CheckAccessNotGranted, offline.
struct PolicyCheckAccessNotGrantedCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-access-not-granted",
        abstract: "PASS when the policy allows no request for the actions (on the resources).",
        discussion: "Exits 0 on PASS, 1 on FAIL or UNKNOWN, 2 when the policy cannot be read. "
            + PolicyCheckSupport.unknownHelp)

    @OptionGroup var global: DebugOption

    @Argument(help: "The policy file.")
    var file: String
    @Option(name: .customLong("action"), help: "An action or action pattern (repeatable; default any).")
    var actions: [String] = []
    @Option(name: .customLong("resource"), help: "A resource ARN or pattern (repeatable; default any).")
    var resources: [String] = []
    @Option(help: "How the policy is attached: identity or resource (trust and key policies are resource).")
    var kind: PolicyKind = .identity
    @Flag(help: "Print {\"result\":...,\"counterexample\":{...},\"reason\":...,\"statements\":[...]}.")
    var json = false

    func validate() throws {
        if actions.isEmpty, resources.isEmpty { throw ValidationError("Give at least one --action or --resource.") }
    }

    func run() async throws {
        try PolicyCheckSupport.run {
            let document = try PolicyCheckSupport.document(file, kind: kind)
            let checks = AccessChecks(catalog: try ServiceCatalog.embedded())
            let result = try checks.checkAccessNotGranted(document, actions: actions, resources: resources)
            return PolicyCheckSupport.report(result, json: json)
        }
    }
}

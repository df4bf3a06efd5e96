import ArgumentParser
import Foundation
import KeywardPolicy

/// `keyward policy simulate`: decide one request (explained) or a JSONL batch against local policy files.
struct PolicySimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Decide requests against policies as IAM would, and explain why.",
        discussion: """
            One request: --action A [--resource ARN] [--principal ARN] [--context KEY=VALUE ...] prints the \
            decision, the deciding statements and every statement's outcome; it exits 0 when allowed, 1 when \
            denied, 2 on an error. A batch: --requests FILE.jsonl (or - for stdin) --output jsonl prints one \
            JSON answer per request line and exits 0 (2 when a line could not be read).
            """
    )

    @OptionGroup var global: DebugOption

    @Option(name: .customLong("policy"), help: "An identity-based policy file (repeatable).")
    var policies: [String] = []
    @Option(
        name: .customLong("resource-policy"),
        help: "The resource's resource-based policy file (a trust or KMS key policy is recognised by its content).")
    var resourcePolicy: String?
    @Option(name: .customLong("trust-policy"), help: "A role trust policy file (must allow explicitly).")
    var trustPolicy: String?
    @Option(name: .customLong("key-policy"), help: "A KMS key policy file (must allow explicitly).")
    var keyPolicy: String?
    @Option(name: .customLong("boundary"), help: "The caller's permissions boundary file.")
    var boundary: String?
    @Option(name: .customLong("session-policy"), help: "A session policy file (repeatable).")
    var sessionPolicies: [String] = []
    @Option(
        name: .customLong("scp"),
        help: "SCPs of one organization level, root first (repeatable; a file may hold an array).")
    var scps: [String] = []
    @Option(
        name: .customLong("rcp"),
        help: "RCPs of one organization level, root first (repeatable; a file may hold an array).")
    var rcps: [String] = []

    @Option(help: "The action, e.g. s3:GetObject.")
    var action: String?
    @Option(help: "The resource ARN (default *).")
    var resource: String = "*"
    @Option(help: "The caller: user, role or session ARN, account ID, service principal.")
    var principal: String?
    @Option(
        name: .customLong("resource-account"),
        help: "The resource's account (default: the ARN's account field, else the caller's).")
    var resourceAccount: String?
    @Option(name: .customLong("context"), help: "A condition key value, KEY=VALUE (repeat a key for several values).")
    var context: [String] = []

    @Option(name: .customLong("requests"), help: "A JSONL file of requests (- for stdin).")
    var requests: String?
    @Option(help: "Output: text or json for one request, jsonl for a batch.")
    var output: OutputFormat?
    @Option(help: "Threads answering a batch (default: the number of cores).")
    var jobs: Int?

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, jsonl
    }

    func validate() throws {
        if requests == nil, action == nil {
            throw ValidationError("Give --action for one request or --requests for a batch.")
        }
        if requests != nil, action != nil { throw ValidationError("--action and --requests cannot be combined.") }
        if requests != nil, let output, output != .jsonl { throw ValidationError("A batch writes --output jsonl.") }
        if requests == nil, output == .jsonl { throw ValidationError("--output jsonl is for --requests batches.") }
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1.") }
        if [resourcePolicy, trustPolicy, keyPolicy].compactMap({ $0 }).count > 1 {
            throw ValidationError("Give only one of --resource-policy, --trust-policy, --key-policy.")
        }
    }

    func run() async throws {
        try await PolicyExitStatus.run { try answer() }
    }

    /// Prints the answer; returns the decision of a single request, `nil` for a batch.
    private func answer() throws -> Decision? {
        // No policies at all is a question with an answer (an implicit deny), not a usage error.
        let set = try loadPolicies()
        if let requests {
            var input = try FileDescriptorInput.open(path: requests)
            defer { input.close() }
            var stdout = FileDescriptorOutput(descriptor: 1, name: "stdout")
            let workers = jobs ?? ProcessInfo.processInfo.activeProcessorCount
            let simulator = BatchSimulator(policies: set, source: requests, workers: workers)
            let summary = try simulator.run(input: &input, output: &stdout)
            if let first = summary.firstRejectedLine {
                throw PolicyError.batchLinesRejected(source: requests, count: summary.rejected, firstLine: first)
            }
            return nil
        }
        // Without --resource-account, the resource's account is its ARN's (see EvaluationRequest).
        let request = EvaluationRequest(
            action: action ?? "", resource: resource, principal: principal, resourceAccount: resourceAccount,
            context: try ContextArguments.parse(context))
        let explanation = set.explain(request)
        let text =
            output == .json
            ? ExplanationRenderer.json(explanation, policies: set)
            : ExplanationRenderer.render(explanation, policies: set)
        FileHandle.standardOutput.write(Data(text.utf8))
        return explanation.decision
    }

    private func loadPolicies() throws -> PolicySet {
        var resource: CompiledPolicy?
        if let resourcePolicy { resource = try PolicyFiles.loadResourcePolicy(resourcePolicy) }
        if let trustPolicy { resource = try PolicyFiles.load(trustPolicy, kind: .trust) }
        if let keyPolicy { resource = try PolicyFiles.load(keyPolicy, kind: .keyPolicy) }
        return PolicySet(
            identity: try policies.map { try PolicyFiles.load($0, kind: .identity) },
            resource: resource,
            boundary: try boundary.map { try PolicyFiles.load($0, kind: .boundary) },
            session: try sessionPolicies.map { try PolicyFiles.load($0, kind: .session) },
            scpLevels: try scps.map { try PolicyFiles.loadLevel($0, kind: .scp) },
            rcpLevels: try rcps.map { try PolicyFiles.loadLevel($0, kind: .rcp) })
    }
}

import Foundation
import KeywardPolicy

// keyward-policy-bench: the in-process benchmark of issue 8.
//   keyward-policy-bench [--evaluations N]           evaluate N requests against the 20-statement policy
//   keyward-policy-bench --write-fixtures DIR [--requests N]   write policy.json and requests.jsonl for scripts/bench-policy

var arguments = CommandLine.arguments.dropFirst()
var evaluations = 1_000_000
var fixtureDirectory: String?
var fixtureCount = 200_000
while let argument = arguments.popFirst() {
    switch argument {
    case "--evaluations": evaluations = Int(arguments.popFirst() ?? "") ?? evaluations
    case "--write-fixtures": fixtureDirectory = arguments.popFirst()
    case "--requests": fixtureCount = Int(arguments.popFirst() ?? "") ?? fixtureCount
    case "--batch":
        // In-process batch over a JSONL file, answers discarded: for profiling the batch path.
        let path = arguments.popFirst() ?? "requests.jsonl"
        let set = PolicySet(identity: [try CompiledPolicy(BenchWorkload.policy, source: "bench.json", kind: .identity)])
        var input = try FileDescriptorInput.open(path: path)
        var output = FileDescriptorOutput(descriptor: open("/dev/null", O_WRONLY), name: "/dev/null")
        let start = ContinuousClock.now
        let summary = try BatchSimulator(policies: set, source: path).run(input: &input, output: &output)
        let elapsed = ContinuousClock.now - start
        print("batch in-process: \(summary.requests) requests in \(elapsed)")
        exit(0)
    case "--profile-build":
        let generated = BenchWorkload.requests(count: 2000)
        for request in generated { _ = request.evaluationRequest }
        exit(0)
    default:
        FileHandle.standardError.write(Data("unknown argument \(argument)\n".utf8))
        exit(64)
    }
}

if let directory = fixtureDirectory {
    try BenchWorkload.policy.write(toFile: directory + "/policy.json", atomically: true, encoding: .utf8)
    var text = ""
    text.reserveCapacity(fixtureCount * 400)
    for request in BenchWorkload.requests(count: fixtureCount) {
        text += request.jsonLine
        text += "\n"
    }
    try text.write(toFile: directory + "/requests.jsonl", atomically: true, encoding: .utf8)
    print("wrote \(directory)/policy.json and \(fixtureCount) requests to \(directory)/requests.jsonl")
    exit(0)
}

let policy = try CompiledPolicy(BenchWorkload.policy, source: "bench.json", kind: .identity)
let set = PolicySet(identity: [policy])
let distinct = 4096
let generated = BenchWorkload.requests(count: distinct)
let clock = ContinuousClock()

// 1. Request construction (lowercasing, ARN split, typed context values) for the distinct requests.
var built: [EvaluationRequest] = []
built.reserveCapacity(distinct)
for request in generated { built.append(request.evaluationRequest) }
let inputs = generated.map { request in
    (request.action, request.resource, request.principal, Dictionary(request.context, uniquingKeysWith: { $1 }))
}
let buildRounds = 5
var sink = 0
let buildTime =
    clock.measure {
        for _ in 0..<buildRounds {
            for (action, resource, principal, context) in inputs {
                let request = EvaluationRequest(
                    action: action, resource: resource, principal: principal, context: context)
                sink &+= request.principalKind == .user ? 1 : 0
            }
        }
    } / buildRounds

// 2. Decisions against the compiled policy: the hot path the target is about.
var counts = [DecisionKind: Int]()
var allowed = 0
var explicitDeny = 0
// Warm up.
for request in built { _ = set.decide(request) }
let decideTime = clock.measure {
    var index = 0
    for _ in 0..<evaluations {
        switch set.decide(built[index]).kind {
        case .allowed: allowed += 1
        case .explicitDeny: explicitDeny += 1
        case .implicitDeny: break
        }
        index += 1
        if index == distinct { index = 0 }
    }
}
counts[.allowed] = allowed
counts[.explicitDeny] = explicitDeny
counts[.implicitDeny] = evaluations - allowed - explicitDeny

func seconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
}

let decideSeconds = seconds(decideTime)
let buildSeconds = seconds(buildTime)
let perBuild = buildSeconds / Double(distinct)
print(
    "policy: 20 statements (\(policy.document.statements.filter { !$0.conditions.isEmpty }.count) with conditions), \(distinct) distinct requests"
)
print(
    String(
        format: "decide:          %d evaluations in %.3f s = %.2f M evaluations/s (%.0f ns each)",
        evaluations, decideSeconds, Double(evaluations) / decideSeconds / 1e6, decideSeconds / Double(evaluations) * 1e9
    ))
print(String(format: "build request:   %.0f ns each (lowercasing, ARN split, typed context)", perBuild * 1e9))
print(
    String(
        format: "build + decide:  %.2f M requests/s",
        1 / (perBuild + decideSeconds / Double(evaluations)) / 1e6))
print("(checksum \(sink))")
print(
    "decisions: allowed \(counts[.allowed] ?? 0), explicitDeny \(counts[.explicitDeny] ?? 0), implicitDeny \(counts[.implicitDeny] ?? 0)"
)

import Foundation
import KeywardAnalysis
import KeywardCatalog
import KeywardPolicy
import KeywardTestSupport

// `swift run -c release keyward-access-bench [ROUNDS]` (scripts/bench-access): the time of each access
// check on the property test's inputs (real policies and their mutations), as p50/p90/max per check.
// Not a test: speed belongs here, never in an assertion.

let rounds = CommandLine.arguments.dropFirst().first.flatMap(Int.init) ?? 5
let catalog = try ServiceCatalog.embedded()
let checks = AccessChecks(catalog: catalog)
let analyzer = ExternalAccessAnalyzer(catalog: catalog)

var documents: [PolicyDocument] = []
var pairs: [(PolicyDocument, PolicyDocument)] = []
for base in PolicyMutations.bases {
    let document = try PolicyDocument.parse(base.json, source: base.name, kind: base.kind)
    documents.append(document)
    for mutation in PolicyMutations.Mutation.allCases {
        guard let mutated = PolicyMutations.mutate(document, mutation) else { continue }
        documents.append(mutated)
        pairs.append((document, mutated))
        pairs.append((mutated, document))
    }
}

// Policies of the size people write, up to 50 statements: the corpus's identity and bucket statements
// repeated on distinct resources, and their mutations.
func enlarged(_ document: PolicyDocument, to count: Int) -> PolicyDocument {
    var result = document
    result.source = document.source + "x\(count)"
    result.statements = (0..<count).map { index in
        var statement = document.statements[index % document.statements.count]
        statement.path = "Statement[\(index)]"
        statement.index = index
        if let resources = statement.resources {
            statement.resources = MatchList(
                resources.patterns.map { $0 == "*" ? $0 : $0 + "/\(index)" }, negated: resources.negated)
        }
        return statement
    }
    return result
}
var large: [(PolicyDocument, PolicyDocument)] = []
for base in PolicyMutations.bases where ["s3-prefix", "ec2-window", "bucket"].contains(base.name) {
    let document = enlarged(try PolicyDocument.parse(base.json, source: base.name, kind: base.kind), to: 50)
    for mutation in PolicyMutations.Mutation.allCases {
        guard let mutated = PolicyMutations.mutate(document, mutation) else { continue }
        large.append((document, mutated))
        large.append((mutated, document))
    }
}

func measure(_ body: () -> Void) -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
}

func report(_ name: String, _ times: [Double], count: Int) {
    let sorted = times.sorted()
    func at(_ fraction: Double) -> Double { sorted[min(sorted.count - 1, Int(Double(sorted.count) * fraction))] }
    let padded = name.padding(toLength: 34, withPad: " ", startingAt: 0)
    print(
        padded
            + String(
                format: "%4d checks  p50 %7.2f ms  p90 %7.2f ms  max %7.2f ms", count, at(0.5), at(0.9),
                sorted.last ?? 0))
}

var noNew: [Double] = []
var notGranted: [Double] = []
var noPublic: [Double] = []
var access: [Double] = []
for _ in 0..<rounds {
    for (old, new) in pairs { noNew.append(measure { _ = checks.checkNoNewAccess(existing: old, new: new) }) }
    for document in documents {
        let actions = document.statements.flatMap(\.actions.patterns).prefix(2).map { $0 }
        notGranted.append(measure { _ = try? checks.checkAccessNotGranted(document, actions: Array(actions)) })
        guard document.kind.isResourceBased else { continue }
        noPublic.append(measure { _ = checks.checkNoPublicAccess(document) })
        access.append(
            measure { _ = analyzer.findings(for: document, zone: ZoneOfTrust(account: "123456789012")) })
    }
}
var largeNoNew: [Double] = []
var largeVerdicts: [String: Int] = [:]
for _ in 0..<rounds {
    for (old, new) in large {
        largeNoNew.append(
            measure { largeVerdicts[checks.checkNoNewAccess(existing: old, new: new).result.rawValue, default: 0] += 1 }
        )
    }
}
print("keyward access checks, \(rounds) rounds over \(documents.count) policies, \(pairs.count) pairs")
report("check-no-new-access", noNew, count: noNew.count)
report("check-access-not-granted", notGranted, count: notGranted.count)
report("check-no-public-access", noPublic, count: noPublic.count)
report("access (findings)", access, count: access.count)
report("check-no-new-access, 50 statements", largeNoNew, count: largeNoNew.count)
print(
    "  50-statement answers: \(largeVerdicts.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))"
)

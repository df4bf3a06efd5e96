import KeywardPolicy
import KeywardTestSupport
import Testing

/// Properties of the decision logic over many generated policies and requests.
@Suite struct PolicyPropertyTests {
    static let seeds: [UInt64] = Array(1...40)

    static func decide(
        _ policies: [[String]], _ request: (action: String, resource: String, context: [String: [String]])
    ) throws
        -> DecisionKind
    {
        let set = PolicySet(identity: try policies.map { try CompiledPolicy(PolicyGenerator.policy($0)) })
        return set.decide(
            EvaluationRequest(
                action: request.action, resource: request.resource, principal: PolicyTesting.alice,
                context: request.context)
        ).kind
    }

    @Test(arguments: seeds)
    func decisionsDoNotDependOnStatementOrder(_ seed: UInt64) throws {
        var generator = PolicyGenerator(random: SeededRandom(seed: seed))
        let policies = [generator.statements(6), generator.statements(4)]
        for _ in 0..<25 {
            let request = generator.request()
            let expected = try Self.decide(policies, request)
            var shuffled = policies.map { $0.shuffled(using: &generator.random) }
            shuffled.shuffle(using: &generator.random)
            #expect(try Self.decide(shuffled, request) == expected, "seed \(seed) \(request)")
            let merged = [policies.flatMap { $0 }.shuffled(using: &generator.random)]
            #expect(try Self.decide(merged, request) == expected, "seed \(seed) merged")
        }
    }

    @Test(arguments: seeds)
    func addingADenyNeverTurnsADenyIntoAnAllow(_ seed: UInt64) throws {
        var generator = PolicyGenerator(random: SeededRandom(seed: seed &* 7919))
        let base = generator.statements(5)
        for _ in 0..<25 {
            let request = generator.request()
            let before = try Self.decide([base], request)
            let withDeny = base + [generator.statement(effect: "Deny")]
            let after = try Self.decide([withDeny], request)
            if before != .allowed { #expect(after != .allowed, "seed \(seed)") }
            if before == .explicitDeny { #expect(after == .explicitDeny, "seed \(seed)") }
            let withAllow = base + [generator.statement(effect: "Allow")]
            if before == .allowed { #expect(try Self.decide([withAllow], request) == .allowed, "seed \(seed)") }
        }
    }

    @Test(arguments: seeds.prefix(15))
    func explainDecideAndBatchAgree(_ seed: UInt64) throws {
        var generator = PolicyGenerator(random: SeededRandom(seed: seed &+ 1000))
        let policy = try CompiledPolicy(PolicyGenerator.policy(generator.statements(8)), source: "p.json")
        let set = PolicySet(
            identity: [policy],
            boundary: generator.random.chance(30)
                ? try CompiledPolicy(P.policy(P.allow("\"s3:*\"")), kind: .boundary) : nil)
        var lines: [String] = []
        var expected: [DecisionKind] = []
        for _ in 0..<30 {
            let (action, resource, context) = generator.request()
            let request = EvaluationRequest(
                action: action, resource: resource, principal: PolicyTesting.alice, context: context)
            let decision = set.decide(request)
            expected.append(decision.kind)
            #expect(set.explain(request).decision == decision)
            let pairs = context.map { key, values in
                "\"\(key)\":"
                    + (values.count == 1 && generator.random.chance(50)
                        ? "\"\(values[0])\"" : "[" + values.map { "\"\($0)\"" }.joined(separator: ",") + "]")
            }
            lines.append(
                "{\"action\":\"\(action)\",\"resource\":\"\(resource)\",\"principal\":\"\(PolicyTesting.alice)\",\"context\":{\(pairs.joined(separator: ","))}}"
            )
        }
        var input = BytesInput(Array(lines.joined(separator: "\n").utf8))
        var output = BytesOutput()
        _ = try BatchSimulator(policies: set, source: "r.jsonl").run(input: &input, output: &output)
        let answers = String(decoding: output.bytes, as: UTF8.self).split(separator: "\n")
        #expect(answers.count == expected.count)
        for (answer, kind) in zip(answers, expected) {
            #expect(answer.hasPrefix("{\"decision\":\"\(kind.rawValue)\""), "seed \(seed): \(answer)")
        }
    }
}

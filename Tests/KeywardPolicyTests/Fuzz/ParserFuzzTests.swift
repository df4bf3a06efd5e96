import KeywardPolicy
import KeywardTestSupport
import Testing

/// Random and mutated input never crashes or hangs the parser, validator, compiler or batch reader.
/// Counts are bounded and inputs short, so each run is quick and reproducible (fixed seeds).
@Suite struct ParserFuzzTests {
    static let corpus: [String] = [
        P.policy(
            P.allow(
                "\"s3:Get*\"", "\"arn:aws:s3:::b/${aws:username}/*\"",
                condition: "{\"IpAddress\":{\"aws:SourceIp\":[\"10.0.0.0/8\",\"2001:db8::/32\"]}}")),
        P.policy(
            P.deny(
                condition:
                    "{\"ForAllValues:StringLike\":{\"aws:TagKeys\":[\"a*\",\"${aws:PrincipalTag/x, 'd'}\"]},\"DateLessThan\":{\"aws:CurrentTime\":\"2030-01-01T00:00:00Z\"}}"
            )),
        "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":[\"111122223333\"]},\"NotAction\":\"iam:*\",\"NotResource\":\"arn:aws:s3:::x\"}}",
        SeedPolicyCases.seed002Block, SeedPolicyCases.seed003,
        EvaluationLogicCases.trust("arn:aws:iam::111122223333:root"),
    ]

    static let requestCorpus = [
        #"{"action":"s3:GetObject","resource":"arn:aws:s3:::b/alice/x","principal":"arn:aws:iam::111122223333:user/alice","context":{"aws:SourceIp":"10.1.1.1","aws:TagKeys":["a1","b"],"aws:CurrentTime":"2026-01-01T00:00:00Z"},"id":"x\u00e9"}"#,
        #"{"action":"iam:ListUsers","principal":"arn:aws:sts::111122223333:assumed-role/R/s","principalType":"assumedRole","resourceAccount":"444455556666"}"#,
    ]

    static let alphabet = Array("{}[]\":,\\ ntrufalse0123456789.-eE*?${}/arn:aws".utf8)

    /// Deletes, duplicates, replaces or inserts bytes.
    static func mutate(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        var result = bytes
        for _ in 0..<(1 + Int(random.next() % 4)) {
            guard !result.isEmpty else { break }
            let position = Int(random.next() % UInt64(result.count))
            switch random.next() % 5 {
            case 0: result.remove(at: position)
            case 1: result.insert(random.pick(alphabet), at: position)
            case 2: result[position] = random.pick(alphabet)
            case 3:
                let end = min(result.count, position + Int(random.next() % 12))
                result.insert(contentsOf: result[position..<end], at: position)
            default: result[position] = UInt8(truncatingIfNeeded: random.next())
            }
        }
        return result
    }

    /// Everything a policy text can go through.
    static func exercise(_ bytes: [UInt8]) {
        _ = PolicyValidator.validate(bytes, source: "fuzz.json", kind: .resource)
        for kind in [PolicyKind.identity, .trust] {
            guard let document = try? PolicyDocument.parse(bytes, source: "fuzz.json", kind: kind) else { continue }
            let set = PolicySet(
                identity: kind == .identity ? [CompiledPolicy(document)] : [],
                resource: kind == .trust ? CompiledPolicy(document) : nil)
            for (action, resource, context) in [
                ("s3:GetObject", "arn:aws:s3:::b/alice/x", ["aws:SourceIp": ["10.1.1.1"], "aws:TagKeys": ["a1"]]),
                ("sts:AssumeRole", "*", ["aws:MultiFactorAuthPresent": ["true"], "aws:PrincipalTag/x": ["*"]]),
            ] {
                let request = EvaluationRequest(
                    action: action, resource: resource, principal: PolicyTesting.alice, context: context)
                _ = set.decide(request)
                _ = ExplanationRenderer.render(set.explain(request), policies: set)
            }
        }
    }

    @Test func randomBytes() {
        var random = SeededRandom(seed: 42)
        for _ in 0..<1500 {
            let length = Int(random.next() % 200)
            let bytes = (0..<length).map { _ in
                random.chance(70) ? random.pick(Self.alphabet) : UInt8(truncatingIfNeeded: random.next())
            }
            Self.exercise(bytes)
        }
    }

    @Test(arguments: 0..<ParserFuzzTests.corpus.count)
    func mutatedPolicies(_ index: Int) {
        var random = SeededRandom(seed: UInt64(index) &+ 7)
        let original = Array(Self.corpus[index].utf8)
        for _ in 0..<500 { Self.exercise(Self.mutate(original, &random)) }
    }

    @Test func deepAndLongInputs() {
        Self.exercise(Array(String(repeating: "[", count: 5000).utf8))
        Self.exercise(Array(("{\"Statement\":[" + String(repeating: "{},", count: 2000) + "{}]}").utf8))
        let stars = String(repeating: "*a", count: 300)
        Self.exercise(Array(P.policy(P.allow("\"\(stars)\"", "\"arn:aws:s3:::\(stars)\"")).utf8))
    }

    @Test func mutatedRequestLines() throws {
        let set = PolicySet(identity: try Self.corpus.prefix(2).map { try CompiledPolicy($0) })
        var random = SeededRandom(seed: 99)
        var lines: [[UInt8]] = []
        for _ in 0..<2000 {
            lines.append(Self.mutate(Array(random.pick(Self.requestCorpus).utf8), &random))
        }
        for _ in 0..<200 {
            lines.append((0..<Int(random.next() % 80)).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        }
        let input = lines.joined(separator: [0x0A])
        var reader = BytesInput(Array(input), chunk: 4096)
        var output = BytesOutput()
        let summary = try BatchSimulator(policies: set, source: "fuzz.jsonl", workers: 2).run(
            input: &reader, output: &output)
        let answers = output.bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast()
        #expect(answers.count == summary.requests)
        #expect(summary.requests == summary.allowed + summary.explicitDeny + summary.implicitDeny + summary.rejected)
    }
}

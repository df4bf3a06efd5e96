import Foundation
import KeywardPolicy
import KeywardTestSupport
import Testing

@testable import KeywardAnalysis

/// Issue 15's proof: on pairs of real policies and their mutations, every FAIL's counterexample replays
/// (allowed by the new policy, not by the existing one), and every PASS survives 10,000 random requests
/// (in all) drawn from the policies' literals: none is allowed by the new policy and denied by the old.
@Suite struct AccessPropertyTests {
    static let totalRandomRequests = 10_000

    struct Pair {
        var existing: PolicyDocument
        var new: PolicyDocument
    }

    static func pairs() throws -> [Pair] {
        var pairs: [Pair] = []
        for base in PolicyMutations.bases {
            let document = try AnalysisTesting.document(base.json, base.name + ".json", kind: base.kind)
            for mutation in PolicyMutations.Mutation.allCases {
                guard let mutated = PolicyMutations.mutate(document, mutation) else { continue }
                pairs.append(Pair(existing: document, new: mutated))
                pairs.append(Pair(existing: mutated, new: document))
            }
        }
        return pairs
    }

    @Test func failsReplayAndPassesSurviveRandomRequests() throws {
        let pairs = try Self.pairs()
        var passes: [Pair] = []
        var verdicts: [CheckResult.Verdict: Int] = [:]
        for pair in pairs {
            let result = try AnalysisTesting.expectNoNewAccess(
                existing: pair.existing, new: pair.new,
                AnalysisTesting.checks.checkNoNewAccess(existing: pair.existing, new: pair.new).result)
            verdicts[result.result, default: 0] += 1
            #expect(result.result != .unknown, "\(pair.new.source): \(result.reason)")
            if result.result == .pass { passes.append(pair) }
        }
        // The mutations both widen and narrow: both answers occur.
        #expect(verdicts[.fail, default: 0] >= 10)
        #expect(verdicts[.pass, default: 0] >= 10)
        var random = SeededRandom(seed: 15)
        let perPass = Self.totalRandomRequests / max(passes.count, 1) + 1
        var tried = 0
        for pair in passes {
            let setting = AnalysisSetting(for: pair.new, others: [pair.existing])
            let newSet = AnalysisTesting.set(pair.new, setting: setting)
            let oldSet = AnalysisTesting.set(pair.existing, setting: setting)
            var literals = RequestLiterals([pair.existing, pair.new])
            for _ in 0..<perPass {
                let request = literals.request(&random, resourceAccount: setting.resourceAccount)
                tried += 1
                let newAllows = newSet.decide(request).kind == .allowed
                let oldAllows = oldSet.decide(request).kind == .allowed
                #expect(
                    !newAllows || oldAllows,
                    "\(pair.new.source) vs \(pair.existing.source): \(request.action) \(request.resource) \(request.principal ?? "-") \(request.context)"
                )
            }
        }
        #expect(tried >= Self.totalRandomRequests)
    }
}

/// Random requests built from a pair's own literals: their actions, resources, principals and condition
/// values, as written and slightly changed (a character added, wildcards filled, numbers moved by one).
struct RequestLiterals {
    var actions: [String] = ["s3:GetObject", "sts:AssumeRole", "iam:PassRole", "ec2:RunInstances"]
    var resources: [String] = ["*", "arn:aws:s3:::shared/x", "arn:aws:iam::123456789012:role/OpsSudo"]
    var principals: [String] = ["*", "arn:aws:iam::444455556666:user/x", "lambda.amazonaws.com"]
    var keys: [String: [String]] = [:]

    init(_ documents: [PolicyDocument]) {
        for statement in documents.flatMap(\.statements) {
            actions += statement.actions.patterns.flatMap(RequestLiterals.variants)
            resources += (statement.resources?.patterns ?? []).flatMap(RequestLiterals.variants)
            if let element = statement.principals {
                principals += element.aws + element.service + element.federated
                for arn in element.aws where arn.hasSuffix(":root") {
                    principals.append(arn.replacingOccurrences(of: ":root", with: ":user/someone"))
                }
            }
            for clause in statement.conditions {
                keys[clause.key, default: RequestLiterals.common] += clause.values.flatMap(RequestLiterals.variants)
            }
        }
    }

    static let common = [
        "true", "false", "x", "2026-12-01T00:00:00Z", "2027-06-01T00:00:00Z", "203.0.113.7", "203.0.112.7",
        "2001:db8::1", "10.0.0.1", "eu-west-1", "o-a1b2c3d4e5", "123456789012", "vpce-1a2b3c4d",
    ]

    static func variants(_ text: String) -> [String] {
        var result = [text, text + "x", String(text.dropLast())]
        result.append(text.replacingOccurrences(of: "*", with: "").replacingOccurrences(of: "?", with: "q"))
        result.append(text.replacingOccurrences(of: "*", with: "abc"))
        if let number = Double(text) { result += [String(number - 1), String(number + 1), String(number + 0.5)] }
        if let slash = text.lastIndex(of: "/"), IPAddressRange(text) != nil {
            let network = String(text[..<slash])
            result += [network, String(network.dropLast()) + "9"]
        }
        return result
    }

    mutating func request(_ random: inout SeededRandom, resourceAccount: String?) -> EvaluationRequest {
        var context: [String: [String]] = [:]
        for (key, values) in keys where random.chance(70) {
            context[key] = random.chance(85) ? [random.pick(values)] : [random.pick(values), random.pick(values)]
        }
        let principal: String? = resourceAccount == nil ? nil : random.pick(principals)
        return EvaluationRequest(
            action: random.pick(actions), resource: random.pick(resources), principal: principal,
            resourceAccount: resourceAccount, context: context)
    }
}

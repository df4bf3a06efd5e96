import KeywardPolicy
import Testing

@Suite struct BatchSimulatorTests {
    static func run(
        _ input: String, workers: Int = 1, chunk: Int = 1 << 16, policies: PolicySet? = nil
    ) throws -> (String, BatchSummary) {
        let set =
            try policies
            ?? PolicySet(identity: [
                CompiledPolicy(
                    P.policy(
                        "{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\",\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}",
                        P.deny("\"s3:GetObject\"", "\"arn:aws:s3:::secret/*\"")), source: "p.json")
            ])
        var input = BytesInput(Array(input.utf8), chunk: chunk)
        var output = BytesOutput()
        let summary = try BatchSimulator(policies: set, source: "r.jsonl", workers: workers).run(
            input: &input, output: &output)
        return (String(decoding: output.bytes, as: UTF8.self), summary)
    }

    static let allowLine =
        #"{"decision":"allowed","reason":"identityAllowed","statements":[{"policy":"p.json","statement":"Statement[0]","sid":"Read","effect":"Allow"}]}"#

    @Test func answersEachLineInOrder() throws {
        let (output, summary) = try Self.run(
            """
            {"action": "s3:GetObject", "resource": "arn:aws:s3:::public/a"}
            {"action": "s3:GetObject", "resource": "arn:aws:s3:::secret/a", "id": 7}
            {"action": "s3:PutObject"}
            {"action": "s3:GetObject", "context": {"aws:MultiFactorAuthPresent": false}}

            """)
        #expect(
            output == """
                \(Self.allowLine)
                {"id":7,"decision":"explicitDeny","reason":"explicitDenyStatement","statements":[{"policy":"p.json","statement":"Statement[1]","effect":"Deny"}]}
                {"decision":"implicitDeny","reason":"noAllow","statements":[]}
                {"decision":"implicitDeny","reason":"noAllow","statements":[]}

                """)
        #expect(
            summary
                == BatchSummary(
                    requests: 4, rejected: 0, firstRejectedLine: nil, allowed: 1, explicitDeny: 1, implicitDeny: 2))
    }

    @Test func rejectsBadLinesAndGoesOn() throws {
        let (output, summary) = try Self.run(
            """
            {"action": "s3:GetObject"}
            {"action" "s3:GetObject"}
            {"resource": "*"}
            {"action": "s3:GetObject", "colour": "red"}
            {"action": "s3:GetObject", "context": {"k:x": {"nested": 1}}}
            {"action": "s3:GetObject"}
            """)
        #expect(
            output == """
                \(Self.allowLine)
                {"error":"r.jsonl:2:11: expected ':'"}
                {"error":"r.jsonl:3:1: missing \\"action\\""}
                {"error":"r.jsonl:4:28: unknown field \\"colour\\"; expected action, resource, principal, principalType, resourceAccount, context or id"}
                {"error":"r.jsonl:5:47: a context value must be a string, number, boolean or array of them"}
                \(Self.allowLine)

                """)
        #expect(summary.rejected == 4)
        #expect(summary.firstRejectedLine == 2)
        #expect(
            PolicyError.batchLinesRejected(source: "r.jsonl", count: 4, firstLine: 2).description
                == "r.jsonl: 4 lines could not be read (first at line 2); each got an error answer")
    }

    @Test func skipsBlankLinesAndAcceptsCRLF() throws {
        let (output, summary) = try Self.run("\n  \n{\"action\":\"s3:GetObject\"}\r\n\n")
        #expect(output == Self.allowLine + "\n")
        #expect(summary.requests == 1)
    }

    @Test func readsEscapesAndMultivaluedContext() throws {
        let set = PolicySet(identity: [
            try CompiledPolicy(
                P.allowIf("{\"ForAllValues:StringEquals\":{\"aws:TagKeys\":[\"a\\\"b\",\"é\"]}}"), source: "p.json")
        ])
        let (output, _) = try Self.run(
            #"{"action":"ec2:CreateTags","context":{"AWS:TagKeys":["a\"b","\u00e9"],"ignored:key":["x",1,true,null]}}"#
                + "\n"
                + #"{"action":"ec2:CreateTags","context":{"aws:tagkeys":["a\"b","other"]}}"#, policies: set)
        #expect(
            output
                == #"{"decision":"allowed","reason":"identityAllowed","statements":[{"policy":"p.json","statement":"Statement[0]","effect":"Allow"}]}"#
                + "\n" + #"{"decision":"implicitDeny","reason":"noAllow","statements":[]}"# + "\n")
    }

    @Test func chunkBoundariesAndWorkersDoNotChangeAnswers() throws {
        var lines: [String] = []
        for index in 0..<500 {
            let resource = index % 3 == 0 ? "arn:aws:s3:::secret/\(index)" : "arn:aws:s3:::pub/\(index)"
            let mfa = index % 5 == 0 ? "false" : "true"
            lines.append(
                "{\"id\":\(index),\"action\":\"s3:GetObject\",\"resource\":\"\(resource)\",\"context\":{\"aws:MultiFactorAuthPresent\":\"\(mfa)\"}}"
            )
            if index % 97 == 0 { lines.append("{broken") }
        }
        let input = lines.joined(separator: "\n")
        let (reference, referenceSummary) = try Self.run(input)
        for (workers, chunk) in [(1, 7), (2, 1 << 16), (4, 333), (3, 1)] {
            let (output, summary) = try Self.run(input, workers: workers, chunk: chunk)
            #expect(output == reference, "workers \(workers), chunk \(chunk)")
            #expect(summary == referenceSummary)
        }
        #expect(referenceSummary.requests == 506)
        #expect(referenceSummary.rejected == 6)
        #expect(referenceSummary.firstRejectedLine == 2)
        #expect(reference.split(separator: "\n").count == 506)
    }

    /// Inputs of several rounds (a round is a MiB per worker): answers stay in order and line numbers run on
    /// across rounds, while reading, answering and writing overlap.
    @Test func manyRoundsKeepOrderAndLineNumbers() throws {
        var block: [String] = []
        for index in 0..<500 {
            let resource = index % 3 == 0 ? "arn:aws:s3:::secret/\(index)" : "arn:aws:s3:::pub/\(index)"
            block.append(
                "{\"id\":\(index),\"action\":\"s3:GetObject\",\"resource\":\"\(resource)\",\"context\":{\"aws:MultiFactorAuthPresent\":\"\(index % 5 == 0)\",\"pad\":\"\(String(repeating: "x", count: 200))\"}}"
            )
            if index % 97 == 0 { block.append("{broken") }
        }
        let (oneBlock, _) = try Self.run(block.joined(separator: "\n") + "\n")
        let blocks = 60  // about 16 MB: eight rounds or more for every worker count below
        var expected = ""
        for number in 0..<blocks {
            for line in oneBlock.split(separator: "\n") {
                guard line.hasPrefix("{\"error\":\"r.jsonl:") else {
                    expected += line + "\n"
                    continue
                }
                let rest = line.dropFirst("{\"error\":\"r.jsonl:".count)
                let digits = rest.prefix { $0.isNumber }
                let lineNumber = (Int(digits) ?? 0) + number * block.count
                expected += "{\"error\":\"r.jsonl:\(lineNumber)" + rest.dropFirst(digits.count) + "\n"
            }
        }
        let input = Array(repeating: block.joined(separator: "\n"), count: blocks).joined(separator: "\n")
        #expect(input.utf8.count > 8 << 20)
        for (workers, chunk) in [(1, 1 << 16), (2, 65_537), (3, 1 << 20)] {
            let (output, summary) = try Self.run(input, workers: workers, chunk: chunk)
            #expect(output == expected, "workers \(workers), chunk \(chunk)")
            #expect(summary.requests == blocks * block.count)
            #expect(summary.rejected == blocks * 6)
            #expect(summary.firstRejectedLine == 2)
        }
    }

    @Test func requestLinesDecideLikeTheSwiftAPI() throws {
        let policy = try CompiledPolicy(
            P.policy(
                P.allow("\"s3:*\"", "\"arn:aws:s3:::home/${aws:username}/*\""),
                P.deny(
                    "\"*\"",
                    condition:
                        "{\"NotIpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"},\"DateGreaterThan\":{\"aws:CurrentTime\":\"2030-01-01\"}}"
                )),
            source: "p.json")
        let set = PolicySet(identity: [policy])
        let cases: [(String, EvaluationRequest)] = [
            (
                #"{"action":"s3:GetObject","resource":"arn:aws:s3:::home/alice/x","principal":"arn:aws:iam::111122223333:user/alice"}"#,
                EvaluationRequest(
                    action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/x", principal: PolicyTesting.alice)
            ),
            (
                #"{"action":"s3:GetObject","resource":"arn:aws:s3:::home/alice/x","principal":"arn:aws:iam::111122223333:user/alice","context":{"aws:SourceIp":"192.0.2.1","aws:CurrentTime":"2031-01-01T00:00:00Z"}}"#,
                EvaluationRequest(
                    action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/x", principal: PolicyTesting.alice,
                    context: ["aws:SourceIp": ["192.0.2.1"], "aws:CurrentTime": ["2031-01-01T00:00:00Z"]])
            ),
            (
                #"{"action":"s3:GetObject","resource":"arn:aws:s3:::home/alice/x","principal":"arn:aws:iam::111122223333:user/alice","context":{"aws:SourceIp":"10.1.1.1","aws:CurrentTime":"2031-01-01T00:00:00Z"}}"#,
                EvaluationRequest(
                    action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/x", principal: PolicyTesting.alice,
                    context: ["aws:SourceIp": ["10.1.1.1"], "aws:CurrentTime": ["2031-01-01T00:00:00Z"]])
            ),
        ]
        for (line, request) in cases {
            let (output, _) = try Self.run(line, policies: set)
            #expect(output.contains("\"decision\":\"\(set.decide(request).kind.rawValue)\""), "\(line)")
        }
    }
}

import KeywardPolicy
import Testing

@Suite struct PolicyParsingTests {
    @Test func readsEveryElementForm() throws {
        let document = try PolicyDocument.parse(
            """
            {"Version": "2012-10-17", "Id": "doc", "Statement": [
              {"Sid": "One", "Effect": "Allow", "Principal": {"AWS": ["111122223333"], "Service": "ec2.amazonaws.com"},
               "NotAction": "s3:Delete*", "Resource": ["arn:aws:s3:::a", "arn:aws:s3:::b"],
               "Condition": {"ForAnyValue:StringLikeIfExists": {"aws:TagKeys": ["a*", 5, true]}}}
            ]}
            """, source: "p.json", kind: .resource)
        #expect(document.id == "doc")
        #expect(document.version == .v2012_10_17)
        let statement = try #require(document.statements.first)
        #expect(statement.sid == "One")
        #expect(statement.actions == MatchList(["s3:Delete*"], negated: true))
        #expect(statement.resources == MatchList(["arn:aws:s3:::a", "arn:aws:s3:::b"]))
        #expect(statement.principals == PrincipalElement(aws: ["111122223333"], service: ["ec2.amazonaws.com"]))
        #expect(
            statement.conditions == [
                ConditionClause(
                    path: "Statement[0].Condition.ForAnyValue:StringLikeIfExists.aws:TagKeys",
                    conditionOperator: ConditionOperator(.stringLike, ifExists: true, setOperator: .forAnyValue),
                    key: "aws:TagKeys", values: ["a*", "5", "true"])
            ])
    }

    @Test(arguments: [
        (
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"a:b":"c"}}}]}"#,
            #"policy.json: Statement[2].Condition: unknown operator "StringEqualz""#
        ),
        (
            #"{"Version":"2012-10-17","Statement":[{"Action":"s3:*","Resource":"*"}]}"#,
            "policy.json: Statement[0]: no Effect"
        ),
        (
            #"{"Version":"2012-10-17","Statement":[{"Effect":"allow","Action":"s3:*","Resource":"*"}]}"#,
            #"policy.json: Statement[0].Effect: invalid effect "allow"; use "Allow" or "Deny""#
        ),
        (
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","NotAction":"s3:Get*","Resource":"*"}]}"#,
            "policy.json: Statement[0]: Action and NotAction together"
        ),
        (
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Actions":"s3:*","Resource":"*"}]}"#,
            #"policy.json: Statement[0]: unknown element "Actions""#
        ),
        (
            #"{"Version":"2012-10-18","Statement":[]}"#,
            #"policy.json: Version: invalid version "2012-10-18"; use "2012-10-17""#
        ),
        (#"{"Version":"2012-10-17"}"#, "policy.json: no Statement element"),
        (
            #"{"Version":"2012-10-17","Statement":"x"}"#,
            "policy.json: Statement: Statement must be an object or an array, found string"
        ),
        (
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":5,"Resource":"*"}]}"#,
            "policy.json: Statement[0].Action: expected a string or an array of strings, found number"
        ),
        (
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"NullIfExists":{"a:b":"true"}}}]}"#,
            "policy.json: Statement[0].Condition.NullIfExists: Null cannot be combined with IfExists"
        ),
        ("[1]", "policy.json: a policy must be a JSON object, found array"),
    ])
    func refusesPoliciesItCannotEvaluate(_ json: String, _ message: String) {
        #expect(throws: PolicyError.self) { try PolicyDocument.parse(json, source: "policy.json", kind: .identity) }
        do {
            _ = try PolicyDocument.parse(json, source: "policy.json", kind: .identity)
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func invalidJSONNamesLineAndColumn() {
        #expect(
            throws: PolicyError.invalidJSON(
                source: "p.json", location: SourceLocation(line: 2, column: 14), reason: "expected ':'")
        ) {
            try PolicyDocument.parse(
                "{\"Version\": \"2012-10-17\",\n \"Statement\" [] }", source: "p.json", kind: .identity)
        }
        let error = PolicyError.invalidJSON(
            source: "p.json", location: SourceLocation(line: 2, column: 12), reason: "expected ':'")
        #expect(error.description == "p.json:2:12: invalid JSON: expected ':'")
    }

    @Test func parsesLevelArrays() throws {
        let json = "[" + P.policy(P.allow()) + "," + P.policy(P.deny("\"ec2:*\"")) + "]"
        let documents = try PolicyDocument.parseLevel(Array(json.utf8), source: "scps.json", kind: .scp)
        #expect(documents.map(\.source) == ["scps.json[0]", "scps.json[1]"])
        #expect(throws: PolicyError.invalidPolicy(source: "scps.json[1]", path: "Statement[0]", reason: "no Effect")) {
            try PolicyDocument.parseLevel(
                Array(
                    "[\(P.policy(P.allow())), {\"Version\":\"2012-10-17\",\"Statement\":[{\"Action\":\"*\",\"Resource\":\"*\"}]}]"
                        .utf8), source: "scps.json", kind: .scp)
        }
    }

    @Test func conditionOperatorNames() {
        #expect(
            ConditionOperator(parsing: "ForAllValues:StringNotEqualsIgnoreCaseIfExists")
                == ConditionOperator(.stringNotEqualsIgnoreCase, ifExists: true, setOperator: .forAllValues))
        #expect(ConditionOperator(parsing: "stringequals") == nil)
        #expect(ConditionOperator(parsing: "ForSomeValues:StringEquals") == nil)
        #expect(ConditionOperator(parsing: "IpAddressIfExists")?.description == "IpAddressIfExists")
        #expect(ConditionOperator.Base.allCases.count == 27)
    }
}

@Suite struct ResourceKindInferenceTests {
    @Test func recognisesTrustAndKeyPolicies() throws {
        let trust = try PolicyDocument.parse(
            EvaluationLogicCases.trust(PolicyTesting.alice), source: "t", kind: .resource)
        #expect(trust.inferredResourceKind == .trust)
        let key = try PolicyDocument.parse(EvaluationLogicCases.keyPolicy("111122223333"), source: "k", kind: .resource)
        #expect(key.inferredResourceKind == .keyPolicy)
        let bucket = try PolicyDocument.parse(
            EvaluationLogicCases.bucketAllow(PolicyTesting.alice), source: "b", kind: .resource)
        #expect(bucket.inferredResourceKind == .resource)
    }
}

import KeywardPolicy
import Testing

@Suite struct PolicyValidatorTests {
    struct Expected: Equatable, CustomStringConvertible {
        var severity: ValidationFinding.Severity
        var code: IssueCode
        var path: String
        var line: Int?

        var description: String { "\(severity.rawValue) \(code.rawValue) \(path) \(line.map(String.init) ?? "-")" }
    }

    static func findings(_ json: String, kind: PolicyKind = .identity) -> [Expected] {
        PolicyValidator.validate(json, source: "p.json", kind: kind).map {
            Expected(severity: $0.severity, code: $0.issueCode, path: $0.path, line: $0.location?.line)
        }
    }

    /// A one-statement policy allowing s3:* when `condition` holds.
    static func s3If(_ condition: String) -> String {
        P.policy(P.allow("\"s3:*\"", condition: condition))
    }

    @Test func cleanPolicyHasNoFindings() {
        #expect(Self.findings(P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::bucket/*\""))) == [])
    }

    @Test func reportsGrammarErrorsWithPathsAndLines() {
        let json = """
            {
              "Version": "2012-10-17",
              "Statement": [
                {"Sid": "A b", "Effect": "Allow", "Action": "s3GetObject", "Resource": "arn:aws:S3:::x"},
                {"Sid": "Dup", "Effect": "Deny", "Action": "s3:*", "Resource": "bucket"},
                {"Sid": "Dup", "Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b",
                 "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "soon"}, "StringEquals": {"aws:Nonsense": "x", "team": "y"}}},
                {"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::b", "Principal": "*"}
              ]
            }
            """
        #expect(
            Self.findings(json) == [
                Expected(severity: .error, code: .unsupportedSid, path: "Statement[0].Sid", line: 4),
                Expected(severity: .error, code: .invalidAction, path: "Statement[0].Action", line: 4),
                Expected(severity: .error, code: .invalidARNServiceCase, path: "Statement[0].Resource", line: 4),
                Expected(severity: .error, code: .invalidARNPrefix, path: "Statement[1].Resource", line: 5),
                Expected(
                    severity: .error, code: .invalidGlobalConditionKey,
                    path: "Statement[2].Condition.StringEquals.aws:Nonsense", line: 7),
                Expected(
                    severity: .error, code: .invalidConditionKeyFormat,
                    path: "Statement[2].Condition.StringEquals.team", line: 7),
                Expected(severity: .error, code: .unsupportedPrincipal, path: "Statement[3]", line: 8),
                // "General Warning – Type mismatch number" and "– Unique Sids recommended" (an identity policy).
                Expected(
                    severity: .warning, code: .typeMismatchNumber,
                    path: "Statement[2].Condition.NumericLessThan.aws:MultiFactorAuthAge", line: 7),
                Expected(severity: .warning, code: .uniqueSidsRecommended, path: "Statement[2].Sid", line: 6),
            ])
    }

    @Test func messagesAreOneLineFacts() {
        let findings = PolicyValidator.validate(
            Self.s3If("{\"StringEqualz\":{\"a:b\":\"c\"}}"), source: "p.json", kind: .identity)
        #expect(findings.map(\.description) == [#"Statement[0].Condition: unknown operator "StringEqualz""#])
        #expect(
            FindingRenderer.text(findings, source: "p.json")
                == "p.json:1:100: ERROR INVALID_CONDITION_OPERATOR Statement[0].Condition: unknown operator \"StringEqualz\"\n"
        )
        #expect(
            FindingRenderer.jsonLines(findings, source: "p.json")
                == #"{"file":"p.json","severity":"ERROR","issueCode":"INVALID_CONDITION_OPERATOR","path":"Statement[0].Condition","line":1,"column":100,"message":"unknown operator \"StringEqualz\""}"#
                + "\n")
    }

    @Test func jsonSyntaxErrorIsAFinding() {
        #expect(
            Self.findings("{\"Version\": }") == [Expected(severity: .error, code: .jsonSyntaxError, path: "", line: 1)])
    }

    @Test func warnsAboutTheMFATrap() {
        let trap = P.policy(P.deny("\"*\"", condition: "{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"false\"}}"))
        #expect(
            Self.findings(trap) == [
                Expected(
                    severity: .warning, code: .mfaBoolWithoutIfExists,
                    path: "Statement[0].Condition.Bool.aws:MultiFactorAuthPresent", line: 1)
            ])
        let fixed = P.policy(
            P.deny("\"*\"", condition: "{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}"))
        #expect(Self.findings(fixed) == [])
    }

    @Test func securityWarnings() {
        let passRole = P.policy(P.allow("\"iam:PassRole\""))
        #expect(
            Self.findings(passRole) == [
                Expected(
                    severity: .securityWarning, code: .passRoleWithStarInResource, path: "Statement[0].Resource",
                    line: 1)
            ])
        let notPrincipal = P.policy(
            "{\"Effect\":\"Allow\",\"NotPrincipal\":{\"AWS\":\"111122223333\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}")
        #expect(
            Self.findings(notPrincipal, kind: .resource) == [
                Expected(
                    severity: .securityWarning, code: .allowWithNotPrincipal, path: "Statement[0].NotPrincipal", line: 1
                )
            ])
        let forAll = Self.s3If("{\"ForAllValues:StringEquals\":{\"aws:PrincipalTag/team\":\"red\"}}")
        #expect(
            Self.findings(forAll) == [
                Expected(
                    severity: .securityWarning, code: .forAllValuesWithSingleValuedKey,
                    path: "Statement[0].Condition.ForAllValues:StringEquals.aws:PrincipalTag/team", line: 1)
            ])
    }

    @Test func warningsAndSuggestions() {
        #expect(
            Self.findings(
                #"{"Statement":[{"Sid":"","Effect":"Allow","Action":["s3:GetObject","s3:*"],"Resource":[]}]}"#) == [
                    Expected(severity: .warning, code: .missingVersion, path: "", line: 1),
                    Expected(severity: .suggestion, code: .emptySidValue, path: "Statement[0].Sid", line: 1),
                    Expected(severity: .suggestion, code: .emptyArrayResource, path: "Statement[0].Resource", line: 1),
                    // "Suggestion – Redundant action": the reference's finding type.
                    Expected(severity: .suggestion, code: .redundantAction, path: "Statement[0].Action", line: 1),
                ])
        #expect(
            Self.findings(Self.s3If("{\"StringEquals\":{\"aws:TagKeys\":\"a\"}}")) == [
                // "Error – Missing qualifier".
                Expected(
                    severity: .error, code: .singleValuedOperatorOnMultivaluedKey,
                    path: "Statement[0].Condition.StringEquals.aws:TagKeys", line: 1)
            ])
    }

    @Test func principalChecks() {
        let resource =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/*","Users":"x"},"Action":"s3:*","Resource":"*"},{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#
        #expect(
            Self.findings(resource, kind: .resource) == [
                Expected(
                    severity: .error, code: .unsupportedWildcardInPrincipal, path: "Statement[0].Principal.AWS", line: 1
                ),
                Expected(severity: .error, code: .invalidPrincipalKey, path: "Statement[0].Principal", line: 1),
                Expected(severity: .error, code: .missingPrincipal, path: "Statement[1]", line: 1),
            ])
    }

    @Test func scpGrammar() {
        let scp = P.policy(
            P.deny("\"ec2:*Instances\""),
            "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}")
        #expect(
            Self.findings(scp, kind: .scp) == [
                Expected(severity: .error, code: .scpSyntaxErrorActionWildcard, path: "Statement[0].Action", line: 1),
                Expected(severity: .error, code: .scpSyntaxErrorPrincipal, path: "Statement[1]", line: 1),
            ])
    }

    @Test func conditionValueTypes() {
        let json = Self.s3If(
            "{\"IpAddress\":{\"aws:SourceIp\":\"300.1.1.1/8\"},\"Bool\":{\"aws:SecureTransport\":[\"yes\",\"true\"]},\"DateLessThan\":{\"aws:CurrentTime\":\"${aws:TokenIssueTime}\"},\"BinaryEquals\":{\"s3:x\":\"not base64!\"}}"
        )
        // The reference's "Type mismatch IP range", "... Boolean" and "... string" (base64) general warnings.
        #expect(
            Self.findings(json) == [
                Expected(
                    severity: .error, code: .invalidConditionMultipleBoolean,
                    path: "Statement[0].Condition.Bool.aws:SecureTransport", line: 1),
                Expected(
                    severity: .error, code: .invalidVariableForOperator,
                    path: "Statement[0].Condition.DateLessThan.aws:CurrentTime", line: 1),
                Expected(
                    severity: .warning, code: .typeMismatchIPRange,
                    path: "Statement[0].Condition.IpAddress.aws:SourceIp", line: 1),
                Expected(
                    severity: .warning, code: .typeMismatchBoolean,
                    path: "Statement[0].Condition.Bool.aws:SecureTransport", line: 1),
                Expected(
                    severity: .warning, code: .typeMismatchString, path: "Statement[0].Condition.BinaryEquals.s3:x",
                    line: 1),
            ])
    }

    @Test func conditionKeyCaseDuplicates() {
        #expect(
            Self.findings(Self.s3If("{\"StringEquals\":{\"aws:username\":\"a\",\"AWS:UserName\":\"b\"}}")) == [
                Expected(
                    severity: .error, code: .duplicateKeysWithDifferentCase,
                    path: "Statement[0].Condition.StringEquals", line: 1)
            ])
    }

    @Test func arnFieldChecks() {
        let json = P.policy(
            P.allow(
                "\"s3:*\"",
                "[\"arn:aws:s3\",\"arn:aws-mars:s3:::b\",\"arn:aws:ec2:EU:111122223333:instance/x\",\"arn:aws:ec2:eu-west-1:12345:instance/x\",\"arn:aws:s3:::\"]"
            ))
        #expect(
            Self.findings(json).map(\.code) == [
                .missingARNField, .invalidPartition, .invalidARNRegion, .invalidARNAccount, .invalidARNResource,
            ])
    }
}

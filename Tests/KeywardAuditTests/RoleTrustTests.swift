import KeywardAudit
import Testing

/// `roles` decides "may this identity assume it" with the policy evaluator (issue 13 item 2). The first two
/// tests are `TrustPolicyTests`' cases, kept; the rest are what the old matcher over `[String: Any]` got
/// wrong.
@Suite struct RoleTrustTests {
    static let jo = "arn:aws:iam::123456789012:user/jo"
    static let role = "arn:aws:iam::123456789012:role/r"

    static func access(_ json: String, _ caller: String = jo, externalIDs: [String] = []) throws -> RoleTrust.Access {
        try RoleTrust(policy: json, roleARN: role).access(forCaller: caller, externalIDs: externalIDs)
    }

    @Test func accountRootWithMFAConditionIsAssumableWithMFA() throws {
        let json = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
            "Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}
            """
        #expect(try Self.access(json) == .init(assumable: true, requiresMFA: true, requiresExternalID: false))
    }

    @Test func principalsAreMatchedByArnAccountStarAndAssumedRole() throws {
        let json = """
            {"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:user/jo",
            "999999999999"]},"Action":["sts:Assume*"],"Condition":{"StringEquals":{"sts:ExternalId":"x"}}}}
            """
        #expect(
            try Self.access(json, externalIDs: ["x"])
                == .init(assumable: true, requiresMFA: false, requiresExternalID: true))
        // Without the right external id the answer is "unknown", not "no".
        #expect(try Self.access(json).assumable == nil)
        #expect(try Self.access(json, "arn:aws:iam::999999999999:user/x", externalIDs: ["x"]).assumable == true)
        #expect(try Self.access(json, "arn:aws:iam::123456789012:user/kim", externalIDs: ["x"]).assumable != true)
        let roleTrust = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/ci"},
            "Action":"sts:AssumeRole"}]}
            """
        #expect(try Self.access(roleTrust, "arn:aws:sts::123456789012:assumed-role/ci/build-7").assumable == true)
        let star = #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}"#
        #expect(try Self.access(star).assumable == true)
        let service = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},
            "Action":"sts:AssumeRole"}]}
            """
        #expect(try Self.access(service).assumable == false)
        let deny =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"}]}"#
        #expect(try Self.access(deny).assumable == false)
    }

    /// "Unknown" needs an external-id condition in the parsed document, not the words in its text: a Sid that
    /// names the key leaves a plain "no" for a caller the policy does not trust.
    @Test func onlyAConditionOnTheExternalIDMakesTheAnswerUnknown() throws {
        let json = """
            {"Version":"2012-10-17","Statement":[{"Sid":"NoStsExternalIdNeeded","Effect":"Allow",
            "Principal":{"AWS":"arn:aws:iam::999999999999:root"},"Action":"sts:AssumeRole"}]}
            """
        #expect(try Self.access(json).assumable == false)
        let lowerCase = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
            "Action":"sts:AssumeRole","Condition":{"StringEquals":{"STS:EXTERNALID":"x"}}}]}
            """
        #expect(try Self.access(lowerCase).assumable == nil)
    }

    /// The old matcher listed the Allow's principals and stopped: a Deny naming the caller, or one with
    /// NotPrincipal that spares only others, did not count.
    @Test func aDenyForTheCallerWinsOverTheAccountsAllow() throws {
        let json = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"},
             {"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole",
              "Condition":{"StringEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:user/jo"}}}]}
            """
        #expect(try Self.access(json).assumable == false)
        #expect(try Self.access(json, "arn:aws:iam::123456789012:user/kim").assumable == true)
        let notPrincipal = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"},
             {"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:iam::123456789012:user/kim",
              "arn:aws:iam::123456789012:root"]},"Action":"sts:AssumeRole"}]}
            """  // The IAM User Guide (NotPrincipal): with Deny, name the user's account too, or the user is denied.
        #expect(try Self.access(notPrincipal).assumable == false)
        #expect(try Self.access(notPrincipal, "arn:aws:iam::123456789012:user/kim").assumable == true)
    }

    /// MFA required only through a Deny (`BoolIfExists ... false`), which the old matcher did not see.
    @Test func mfaRequiredByADenyIsSeen() throws {
        let json = """
            {"Version":"2012-10-17","Statement":[
             {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"sts:AssumeRole"},
             {"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole",
              "Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}
            """
        #expect(try Self.access(json) == .init(assumable: true, requiresMFA: true, requiresExternalID: false))
    }
}

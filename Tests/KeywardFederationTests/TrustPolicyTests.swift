import KeywardFederation
import Testing

@Suite struct TrustPolicyTests {
    static let jo = "arn:aws:iam::123456789012:user/jo"

    @Test func accountRootWithMFAConditionIsAssumableWithMFA() throws {
        let json = """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},
            "Action":"sts:AssumeRole","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"true"}}}]}
            """
        let access = try TrustPolicy(json: json, role: "admin").access(forCaller: Self.jo)
        #expect(access == .init(assumable: true, requiresMFA: true, requiresExternalID: false))
    }

    @Test func principalsAreMatchedByArnAccountStarAndAssumedRole() throws {
        let json = """
            {"Statement":{"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::123456789012:user/jo","999999999999"]},
            "Action":["sts:Assume*"],"Condition":{"StringEquals":{"sts:ExternalId":"x"}}}}
            """
        let trust = try TrustPolicy(json: json, role: "partner")
        #expect(
            trust.access(forCaller: Self.jo) == .init(assumable: true, requiresMFA: false, requiresExternalID: true))
        #expect(trust.access(forCaller: "arn:aws:iam::999999999999:user/x").assumable)
        #expect(!trust.access(forCaller: "arn:aws:iam::123456789012:user/kim").assumable)
        let roleTrust = try TrustPolicy(
            json:
                #"{"Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::1:role/ci"},"Action":"sts:AssumeRole"}]}"#,
            role: "r")
        #expect(roleTrust.access(forCaller: "arn:aws:sts::1:assumed-role/ci/build-7").assumable)
        let star = try TrustPolicy(
            json: #"{"Statement":[{"Effect":"Allow","Principal":"*","Action":"*"}]}"#, role: "r")
        #expect(star.access(forCaller: Self.jo).assumable)
        let service = try TrustPolicy(
            json:
                #"{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"#,
            role: "r")
        #expect(!service.access(forCaller: Self.jo).assumable)
        let deny = try TrustPolicy(
            json: #"{"Statement":[{"Effect":"Deny","Principal":"*","Action":"sts:AssumeRole"}]}"#, role: "r")
        #expect(!deny.access(forCaller: Self.jo).assumable)
    }

    @Test func refusesWhatIsNoPolicy() {
        #expect(throws: FederationError.invalidTrustPolicy(role: "r", reason: "not JSON")) {
            try TrustPolicy(json: "{", role: "r")
        }
        #expect(throws: FederationError.invalidTrustPolicy(role: "r", reason: "no Statement")) {
            try TrustPolicy(json: "{}", role: "r")
        }
    }
}

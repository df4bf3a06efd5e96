import KeywardPolicy
import Testing

@Suite struct EvaluationRequestTests {
    @Test(arguments: [
        ("arn:aws:iam::111122223333:user/path/alice", PrincipalKind.user, "111122223333"),
        ("arn:aws:iam::111122223333:role/Admin", .role, "111122223333"),
        ("arn:aws:sts::111122223333:assumed-role/Admin/alice", .assumedRole, "111122223333"),
        ("arn:aws:sts::111122223333:federated-user/bob", .federatedUser, "111122223333"),
        ("arn:aws:iam::111122223333:root", .root, "111122223333"),
        ("111122223333", .root, "111122223333"),
        ("ec2.amazonaws.com", .service, ""),
        ("cognito-identity.amazonaws.com", .webIdentity, ""),
        ("accounts.google.com", .webIdentity, ""),
        ("arn:aws:iam::111122223333:saml-provider/ADFS", .webIdentity, "111122223333"),
        ("*", .anonymous, ""),
        (String(repeating: "0f", count: 32), .canonicalUser, ""),
    ])
    func classifiesPrincipals(_ principal: String, _ kind: PrincipalKind, _ account: String) {
        let request = EvaluationRequest(action: "s3:GetObject", principal: principal)
        #expect(request.principalKind == kind)
        #expect((request.principalAccount ?? "") == account)
    }

    @Test func derivesGlobalKeysFromTheCaller() {
        let session = EvaluationRequest(action: "s3:GetObject", principal: PolicyTesting.session)
        #expect(session.values(forKey: "aws:PrincipalArn") == [PolicyTesting.roleARN])
        #expect(session.values(forKey: "aws:PrincipalType") == ["AssumedRole"])
        #expect(session.values(forKey: "aws:username") == nil)
        let user = EvaluationRequest(action: "s3:GetObject", principal: "arn:aws:iam::111122223333:user/dev/alice")
        #expect(user.values(forKey: "AWS:USERNAME") == ["alice"])
        #expect(user.values(forKey: "aws:ResourceAccount") == ["111122223333"])
    }

    @Test func givenKeysWinOverDerivedOnes() {
        let request = EvaluationRequest(
            action: "s3:GetObject", principal: PolicyTesting.alice, context: ["aws:username": ["mallory"]])
        #expect(request.values(forKey: "aws:username") == ["mallory"])
    }

    @Test func resourceAccountDefaultsToThePrincipals() {
        #expect(EvaluationRequest(action: "a:b", principal: PolicyTesting.alice).resourceAccount == "111122223333")
        #expect(
            EvaluationRequest(action: "a:b", principal: PolicyTesting.alice, resourceAccount: "444455556666")
                .resourceAccount
                == "444455556666")
        #expect(EvaluationRequest(action: "a:b").resourceAccount == nil)
    }

    @Test func emptyStringsAreHarmless() throws {
        let request = EvaluationRequest(action: "", resource: "", principal: "", context: ["": [""]])
        let set = PolicySet(identity: [
            try CompiledPolicy(P.policy(P.allow(condition: "{\"StringEquals\":{\"a:b\":\"\"}}")))
        ])
        #expect(set.decide(request).kind == .implicitDeny)
        #expect(set.explain(request).decision.kind == .implicitDeny)
    }

    @Test func keepsTheTextAsGiven() {
        let request = EvaluationRequest(
            action: "S3:GetObject", resource: "arn:aws:s3:::B/K", context: ["Team": ["Red", "Blue"]])
        #expect(request.action == "S3:GetObject")
        #expect(request.resource == "arn:aws:s3:::B/K")
        #expect(request.context.map(\.key) == ["team"])
        #expect(request.values(forKey: "TEAM") == ["Red", "Blue"])
    }
}

@Suite struct ScalarReadingTests {
    @Test func ipRanges() throws {
        #expect(IPAddressRange("10.1.2.3/8")?.description == "10.0.0.0/8")
        #expect(IPAddressRange("2001:DB8::1/32")?.description == "2001:db8:0:0:0:0:0:0/32")
        #expect(IPAddressRange("::ffff:1.2.3.4")?.prefixLength == 128)
        #expect(IPAddressRange("1.2.3.4/33") == nil)
        #expect(IPAddressRange("1.2.3") == nil)
        #expect(IPAddressRange("1::2::3") == nil)
        #expect(IPAddressRange("256.1.1.1") == nil)
        let range = try #require(IPAddressRange("203.0.113.0/24"))
        #expect(range.contains(try #require(IPAddressRange("203.0.113.200"))))
        #expect(!range.contains(try #require(IPAddressRange("203.0.112.1"))))
    }
}

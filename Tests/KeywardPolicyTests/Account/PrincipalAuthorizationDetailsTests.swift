import Foundation
import KeywardPolicy
import Testing

@Suite struct PrincipalAuthorizationDetailsTests {
    @Test func decodesIAMsURLEncodedDocuments() throws {
        let encoded =
            "%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B%7B%22Effect%22%3A%22Allow%22%2C%22Action%22%3A%22s3%3AGet%2A%22%2C%22Resource%22%3A%22%2A%22%7D%5D%7D"
        let document = try NamedPolicyDocument(name: "inline", urlEncoded: encoded)
        #expect(
            document.json
                == #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:Get*","Resource":"*"}]}"#)
        #expect(try IAMPolicyText.decode("a+b%20c") == "a+b c")
        #expect(
            throws: PolicyError.undecodablePolicyDocument(name: "p", reason: "malformed percent escape at offset 1")
        ) {
            try IAMPolicyText.decode("a%2", name: "p")
        }
        #expect(throws: PolicyError.undecodablePolicyDocument(name: "p", reason: "decoded bytes are not UTF-8")) {
            try IAMPolicyText.decode("%FF", name: "p")
        }
    }

    @Test func userPoliciesGroupsAndBoundary() throws {
        let details = PrincipalAuthorizationDetails(
            principal: .user(arn: "arn:aws:iam::111122223333:user/dev/alice"),
            inlinePolicies: [
                NamedPolicyDocument(
                    name: "inline",
                    json: P.policy(P.allow("\"s3:GetObject\"", "\"arn:aws:s3:::home/${aws:username}/*\"")))
            ],
            attachedPolicies: [
                NamedPolicyDocument(
                    name: "arn:aws:iam::aws:policy/ReadOnlyAccess",
                    json: P.policy(P.allow("[\"ec2:Describe*\",\"iam:Get*\"]")))
            ],
            groupPolicies: [
                NamedPolicyDocument(
                    name: "group/devs/inline",
                    json: P.policy(
                        P.allow(
                            "\"ec2:StartInstances\"",
                            condition: "{\"StringEquals\":{\"aws:ResourceTag/team\":\"${aws:PrincipalTag/team}\"}}")))
            ],
            permissionsBoundary: NamedPolicyDocument(name: "boundary", json: P.policy(P.allow("[\"s3:*\",\"ec2:*\"]"))),
            tags: ["team": "red"])
        let set = try details.policySet()
        #expect(
            set.identity.map(\.source) == ["inline", "arn:aws:iam::aws:policy/ReadOnlyAccess", "group/devs/inline"])
        #expect(
            set.decide(details.request(action: "s3:GetObject", resource: "arn:aws:s3:::home/alice/x")).kind == .allowed)
        #expect(set.decide(details.request(action: "ec2:DescribeInstances")).kind == .allowed)
        #expect(set.decide(details.request(action: "iam:GetUser")).kind == .implicitDeny)
        #expect(
            set.decide(details.request(action: "ec2:StartInstances", context: ["aws:ResourceTag/team": ["red"]])).kind
                == .allowed)
        #expect(
            set.decide(details.request(action: "ec2:StartInstances", context: ["aws:ResourceTag/team": ["blue"]])).kind
                == .implicitDeny)
        #expect(
            set.decide(
                details.request(
                    action: "ec2:StartInstances",
                    context: ["aws:ResourceTag/team": ["blue"], "AWS:PrincipalTag/Team": ["blue"]])
            ).kind == .allowed)
    }

    @Test func roleRequestsComeFromASession() throws {
        let details = PrincipalAuthorizationDetails(
            principal: .role(arn: "arn:aws:iam::111122223333:role/service/Deployer", sessionName: "keyward"),
            attachedPolicies: [NamedPolicyDocument(name: "deploy", json: P.policy(P.allow("\"cloudformation:*\"")))])
        #expect(details.callerARN == "arn:aws:sts::111122223333:assumed-role/Deployer/keyward")
        let request = details.request(action: "cloudformation:CreateStack")
        #expect(request.principalKind == .assumedRole)
        #expect(request.values(forKey: "aws:PrincipalArn") == ["arn:aws:iam::111122223333:role/service/Deployer"])
        #expect(try details.policySet().decide(request).kind == .allowed)
    }

    @Test func namesTheBrokenPolicy() {
        let details = PrincipalAuthorizationDetails(
            principal: .user(arn: PolicyTesting.alice),
            groupPolicies: [
                NamedPolicyDocument(name: "group/x/broken", json: "{\"Statement\":[{\"Effect\":\"Allow\"}]}")
            ])
        #expect(
            throws: PolicyError.invalidPolicy(
                source: "group/x/broken", path: "Statement[0]", reason: "no Action or NotAction")
        ) {
            try details.policySet()
        }
    }

    /// Item 12: `policy can` supplies the keys AWS always supplies, so a Deny on them fires. IAM User Guide,
    /// "AWS global condition context keys", aws:CurrentTime: "This key is always included in the request
    /// context."
    @Test func suppliedContextLetsATimeDenyFire() throws {
        let details = PrincipalAuthorizationDetails(
            principal: .user(arn: "arn:aws:iam::111122223333:user/alice"),
            inlinePolicies: [
                NamedPolicyDocument(
                    name: "expiring",
                    json: P.policy(
                        P.allow(),
                        P.deny(condition: "{\"DateGreaterThan\":{\"aws:CurrentTime\":\"2020-01-01T00:00:00Z\"}}")))
            ])
        let set = try details.policySet()
        let now = Date(timeIntervalSince1970: 1_750_000_000)
        let supplied = PrincipalAuthorizationDetails.suppliedContext(
            now: now, region: "eu-west-1", userID: "AIDAEXAMPLE")
        #expect(
            supplied == [
                "aws:CurrentTime": ["2025-06-15T15:06:40Z"], "aws:EpochTime": ["1750000000"],
                "aws:SecureTransport": ["true"], "aws:RequestedRegion": ["eu-west-1"], "aws:userid": ["AIDAEXAMPLE"],
            ])
        let request = details.request(action: "s3:GetObject", supplied: supplied)
        #expect(set.decide(request) == Decision(.explicitDeny, .explicitDenyStatement))
        #expect(request.values(forKey: "aws:PrincipalType") == ["User"])
        #expect(request.values(forKey: "aws:username") == ["alice"])
        // --context overrides a supplied key, whatever its case.
        let earlier = details.request(
            action: "s3:GetObject", supplied: supplied, context: ["AWS:CURRENTTIME": ["2019-01-01T00:00:00Z"]])
        #expect(set.decide(earlier) == Decision(.allowed, .identityAllowed))
        #expect(earlier.values(forKey: "aws:CurrentTime") == ["2019-01-01T00:00:00Z"])
    }
}

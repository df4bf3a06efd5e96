import Testing

@testable import KeywardSystem

/// The shared vocabulary: one rule for an access key id's shape and display, one ARN splitter, one hex codec
/// (SecretString has its own suite).
@Suite("Vocabulary: AccessKeyID, ARN, Hex")
struct VocabularyTests {
    @Test(arguments: [
        ("AKIAIOSFODNN7EXAMPLE", AccessKeyID.Shape.longTerm),
        ("ASIAIOSFODNN7EXAMPLE", .temporary),
        ("AKIA", .unrecognized),
        ("akiaiosfodnn7example", .unrecognized),
        ("AIDAIOSFODNN7EXAMPLE", .unrecognized),
        ("AKIAIOSFODNN7EXAMPLE ", .unrecognized),
    ])
    func accessKeyShapes(id: String, shape: AccessKeyID.Shape) {
        #expect(AccessKeyID(id).shape == shape)
    }

    /// aws-vault's display rule, for every length: sixteen stars and the last four, never a short id whole.
    @Test func accessKeyIDsAreMaskedOneWay() {
        #expect(AccessKeyID("AKIAIOSFODNN7EXAMPLE").masked == "****************MPLE")
        #expect(AccessKeyID("AKIDEXAMPLE").masked == "****************MPLE")
        #expect(AccessKeyID("ABCD").masked == "****")
        #expect("\(AccessKeyID("ASIAIOSFODNN7EXAMPLE"))" == "****************MPLE")
    }

    @Test func arnsSplitIntoSixFieldsAndNameTheirEntities() throws {
        let role = try #require(ARN("arn:aws:iam::123456789012:role/ops/admin"))
        #expect(role.account == "123456789012" && role.region.isEmpty && role.resource == "role/ops/admin")
        #expect(role.isRoleARN && role.roleName == "admin" && role.userName == nil)
        #expect(role.resourceComponents == ["role", "ops", "admin"])
        #expect(ARN("arn:aws:iam::123456789012:user/division/jo")?.userName == "jo")
        #expect(ARN("arn:aws:logs:us-east-1:123456789012:log-group:app:*")?.resource == "log-group:app:*")
        #expect(ARN("arn:aws:s3:::bucket/key")?.account == "")
        // Not a role: a region, a short account, a trailing slash, another service.
        for text in [
            "arn:aws:iam:us-east-1:123456789012:role/x", "arn:aws:iam::1234:role/x",
            "arn:aws:iam::123456789012:role/", "arn:aws:sts::123456789012:role/x",
        ] {
            #expect(ARN(text)?.isRoleARN == false, "\(text)")
        }
        #expect(ARN("arn:aws:iam::123456789012") == nil)
        #expect(ARN("role/x") == nil)
        #expect(ARN("arn:aws:iam::123456789012:role/x")?.description == "arn:aws:iam::123456789012:role/x")
    }

    @Test func hexRoundTripsWithZeroPadding() {
        #expect(Hex.string([0x0a, 0x01, 0xff]) == "0a01ff")
        #expect(Hex.bytes("0a01FF") == [0x0a, 0x01, 0xff])
        #expect(Hex.bytes("abc") == nil)
        #expect(Hex.bytes("zz") == nil)
    }

}

import KeywardCatalog
import KeywardPolicy
import KeywardTestSupport
import Testing

/// The policy fuzz corpus, mutated, through every catalogue check, the summary and the account reader: never a
/// crash or a hang (issue 14's "zero crashes on the policy fuzz corpus"). Fixed seeds keep runs reproducible.
@Suite struct CatalogFuzzTests {
    static func exercise(_ bytes: [UInt8], catalog: ServiceCatalog) {
        for kind in [PolicyKind.identity, .trust, .resource, .scp] {
            let options = ValidationOptions(
                kind: kind, resourceType: kind == .resource ? .s3Bucket : nil, catalog: catalog)
            let findings = PolicyValidator.validate(bytes, source: "fuzz.json", options: options)
            let group = FindingGroup(file: "fuzz.json", bytes: bytes, findings: findings)
            _ = FindingRenderer.json([group])
            _ = FindingRenderer.sarif([group], version: "test")
        }
        if let document = try? PolicyDocument.parse(bytes, source: "fuzz.json", kind: .identity) {
            _ = PolicySummary(document, catalog: catalog).text
        }
        let account = "{\"RoleDetailList\":[{\"RoleName\":\"r\",\"AssumeRolePolicyDocument\":".utf8 + bytes + "}]}".utf8
        _ = try? AccountPolicies.validate(Array(account), file: "gaad.json", catalog: catalog)
    }

    @Test(arguments: 0..<ParserFuzzTests.corpus.count)
    func mutatedPolicies(_ index: Int) throws {
        let catalog = try ServiceCatalog.embedded()
        var random = SeededRandom(seed: UInt64(index) &+ 14)
        let original = Array(ParserFuzzTests.corpus[index].utf8)
        Self.exercise(original, catalog: catalog)
        for _ in 0..<150 { Self.exercise(ParserFuzzTests.mutate(original, &random), catalog: catalog) }
    }

    @Test func hostileActionsAndResources() throws {
        let catalog = try ServiceCatalog.embedded()
        let stars = String(repeating: "*a", count: 300)
        for (action, resource) in [
            ("\"\(stars):\(stars)\"", "\"arn:aws:\(stars):\(stars):\(stars):\(stars)\""),
            ("\"*:*\"", "\"arn:*:*:*:*:*\""), ("\"s3:\"", "\"arn:aws:s3:::\""), ("\":\"", "\"arn:::::\""),
            ("\"iam:*\"", "\"arn:aws:iam::${aws:userid}:user/${aws:username}\""),
        ] {
            Self.exercise(Array(P.policy(P.allow(action, resource)).utf8), catalog: catalog)
        }
        _ = try? AccountPolicies.validate(
            Array(
                "{\"Policies\":[{\"PolicyVersionList\":[{\"IsDefaultVersion\":true,\"Document\":\"%7B%22Statement%22%3A1%7D\"}]}]}"
                    .utf8), file: "g", catalog: catalog)
    }
}

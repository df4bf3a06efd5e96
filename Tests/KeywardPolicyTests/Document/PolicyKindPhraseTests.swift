import KeywardPolicy
import Testing

/// Issue 21, item 14: "Principal is not allowed in a identity policy" reads "an".
@Suite struct PolicyKindPhraseTests {
    @Test func item14AnIdentityPolicy() throws {
        let withPrincipal = P.policy(P.allow(extra: "\"Principal\":\"*\""))
        let findings = PolicyValidator.validate(withPrincipal, source: "i.json", kind: .identity)
        #expect(
            findings.filter { $0.issueCode == .unsupportedPrincipal }.map(\.message) == [
                "Principal is not allowed in an identity policy"
            ])
        #expect(
            PolicyKind.allCases.map(\.phrase) == [
                "an identity policy", "a resource policy", "a trust policy", "a key policy", "a boundary policy",
                "a session policy", "an scp policy", "an rcp policy",
            ])
    }
}

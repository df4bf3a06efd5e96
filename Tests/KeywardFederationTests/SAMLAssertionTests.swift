import Foundation
import KeywardFederation
import KeywardTestSupport
import Testing

@Suite struct SAMLAssertionTests {
    static let dev = "arn:aws:iam::123456789012:role/dev"
    static let ops = "arn:aws:iam::123456789012:role/ops"

    @Test func readsRolesInEitherOrderSessionNameDurationAndConditionsFromBase64() throws {
        let xml = SAMLFixture.response(roles: [
            "\(Self.dev),\(SAMLFixture.provider)", "\(SAMLFixture.provider), \(Self.ops)",
        ])
        let assertion = try SAMLAssertion(input: Array(SAMLFixture.base64(xml).utf8))
        #expect(
            assertion.roles == [
                SAMLRole(roleARN: Self.dev, principalARN: SAMLFixture.provider),
                SAMLRole(roleARN: Self.ops, principalARN: SAMLFixture.provider),
            ])
        #expect(assertion.roleSessionName == "jo@example.com")
        #expect(assertion.sessionDuration == 3600)
        #expect(assertion.notBefore == Date(timeIntervalSince1970: 1_767_261_600))
        #expect(assertion.notOnOrAfter == Date(timeIntervalSince1970: 1_767_261_900))
        #expect(assertion.encodedResponse == Data(xml.utf8).base64EncodedString())
        #expect(try assertion.role(matching: nil) == nil)
        #expect(try assertion.role(matching: Self.ops)?.roleARN == Self.ops)
        #expect(throws: FederationError.samlRoleNotOffered(role: "arn:x", offered: [Self.dev, Self.ops])) {
            try assertion.role(matching: "arn:x")
        }
    }

    @Test func acceptsRawXMLAndChecksConditions() throws {
        let xml = SAMLFixture.response(roles: ["\(Self.dev),\(SAMLFixture.provider)"], duration: nil)
        let assertion = try SAMLAssertion(input: Array(("\n  " + xml + "\n").utf8))
        #expect(assertion.sessionDuration == nil)
        #expect(try assertion.role(matching: nil)?.roleARN == Self.dev)
        #expect(assertion.encodedResponse == Data(xml.utf8).base64EncodedString())
        let start = Date(timeIntervalSince1970: 1_767_261_600)
        #expect(assertion.validity(at: start) == .valid)
        #expect(assertion.validity(at: start - 1) == .notYetValid(notBefore: start))
        #expect(assertion.validity(at: start + 300) == .expired(notOnOrAfter: start + 300))
    }

    /// Issue 12, item 17: the DOCTYPE scan reads bytes as ASCII, so anything but UTF-8 is refused first.
    @Test func item17NonUTF8ResponsesAreRefusedBeforeParsing() throws {
        let xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>"
        let utf16LE = Array(xxe.utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        for (bytes, reason) in [
            ([0xFF, 0xFE] + utf16LE, "the document is UTF-16 or UTF-32 (byte-order mark); only UTF-8 is accepted"),
            (
                utf16LE,
                "the document contains NUL bytes (UTF-16 or UTF-32 without a byte-order mark?); only UTF-8 is accepted"
            ),
            ([0x3C, 0x72, 0x3E, 0xC3, 0x28, 0x3C, 0x2F, 0x72, 0x3E], "the document is not valid UTF-8"),
            (
                Array("<?xml version=\"1.0\" encoding=\"UTF-16\"?><r/>".utf8),
                "the document declares encoding \"utf-16\"; only UTF-8 is accepted"
            ),
        ] {
            #expect(throws: FederationError.samlMalformedXML(line: 1, reason: reason)) {
                try SAMLAssertion(input: Array(SAMLFixture.base64Bytes(bytes).utf8))
            }
        }
    }

    @Test func refusesHostileXMLNamingWhatWasWrong() throws {
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>
            """
        #expect(throws: FederationError.samlForbiddenMarkup("a DOCTYPE")) {
            try SAMLAssertion(input: Array(xxe.utf8))
        }
        var laughs = "<?xml version=\"1.0\"?>\n<!doctype lolz [\n<!ENTITY lol \"lol\">\n"
        for level in 1...9 {
            laughs +=
                "<!ENTITY lol\(level) \""
                + String(repeating: "&lol\(level - 1 == 0 ? "" : String(level - 1));", count: 10) + "\">\n"
        }
        laughs += "]>\n<lolz>&lol9;</lolz>"
        #expect(throws: FederationError.samlForbiddenMarkup("a DOCTYPE")) {
            try SAMLAssertion(input: Array(SAMLFixture.base64(laughs).utf8))
        }
        #expect(throws: FederationError.samlTooLarge(limit: 1 << 20)) {
            try SAMLAssertion(input: [UInt8](repeating: 0x41, count: (1 << 20) + 1))
        }
        #expect(throws: FederationError.samlNotBase64(reason: "byte 5 is \"!\"")) {
            try SAMLAssertion(input: Array("PHNh!mw+".utf8))
        }
        #expect(throws: FederationError.samlEmpty) { try SAMLAssertion(input: Array(" \n".utf8)) }
        #expect(throws: FederationError.samlNotAResponse(root: "html")) {
            try SAMLAssertion(input: Array("<html><body>login</body></html>".utf8))
        }
        #expect(throws: FederationError.samlMalformedRole(value: "arn:aws:iam::1:role/a,arn:aws:iam::1:role/b")) {
            try SAMLAssertion(
                input: Array(SAMLFixture.response(roles: ["arn:aws:iam::1:role/a,arn:aws:iam::1:role/b"]).utf8))
        }
        #expect(throws: FederationError.samlInvalidSessionDuration(value: "60")) {
            try SAMLAssertion(
                input: Array(
                    SAMLFixture.response(roles: ["\(Self.dev),\(SAMLFixture.provider)"], duration: "60").utf8))
        }
        var broken: FederationError?
        do {
            _ = try SAMLAssertion(input: Array("<samlp:Response xmlns:samlp=\"x\">\n<a></b>".utf8))
        } catch {
            broken = error
        }
        guard case .samlMalformedXML(let line, _) = broken else {
            Issue.record("expected malformed XML, got \(String(describing: broken))")
            return
        }
        #expect(line == 2)
    }

    @Test func describesErrorsOnOneLine() {
        #expect(
            FederationError.samlForbiddenMarkup("a DOCTYPE").description
                == "SAML response: a DOCTYPE is not accepted (external entities and entity expansion are refused)")
        #expect(
            FederationError.samlRoleNotChosen(offered: ["a", "b"]).description
                == "SAML response offers several roles, choose one with --role-arn: a, b")
    }
}

import Testing

@testable import KeywardAWS

@Suite struct XMLElementTreeTests {
    @Test func parsesNamespacedQueryResponses() throws {
        let xml = """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:iam::123456789012:user/jo</Arn>
                <UserId>AIDAEXAMPLE</UserId>
                <Account>123456789012</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """
        let tree = try XMLElementTree.parse(Array(xml.utf8))
        #expect(tree.name == "GetCallerIdentityResponse")
        #expect(tree.descendant("GetCallerIdentityResult", "Arn")?.text == "arn:aws:iam::123456789012:user/jo")
        #expect(tree.descendant("ResponseMetadata", "RequestId")?.text == "01234567-89ab")
    }

    @Test func refusesDoctypesAndEntities() {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>
            """
        #expect(
            throws: XMLElementTree.ParseError(line: 1, reason: "DOCTYPE is not accepted", forbiddenMarkup: "a DOCTYPE")
        ) {
            try XMLElementTree.parse(Array(xml.utf8))
        }
    }

    /// The one parser serves SAML too: namespaces and attributes are kept, and an ENTITY without a DOCTYPE
    /// is refused as well.
    @Test func keepsNamespacesAndAttributesAndRefusesBareEntities() throws {
        let xml = """
            <samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" ID="r1">\
            <saml:Attribute xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" Name="Role">x</saml:Attribute>\
            </samlp:Response>
            """
        let tree = try XMLElementTree.parse(Array(xml.utf8))
        #expect(tree.name == "Response" && tree.namespace == "urn:oasis:names:tc:SAML:2.0:protocol")
        #expect(tree.attributes["ID"] == "r1")
        let attribute = try #require(tree.child("Attribute", namespace: "urn:oasis:names:tc:SAML:2.0:assertion"))
        #expect(attribute.attributes["Name"] == "Role" && attribute.text == "x")
        #expect(tree.child("Attribute", namespace: "urn:other") == nil)
        #expect(
            throws: XMLElementTree.ParseError(line: 1, reason: "ENTITY is not accepted", forbiddenMarkup: "an ENTITY")
        ) {
            try XMLElementTree.parse(Array("<r><!ENTITY x 'y'></r>".utf8))
        }
    }

    @Test func rejectsGarbage() {
        #expect(throws: XMLElementTree.ParseError.self) { try XMLElementTree.parse(Array("not xml".utf8)) }
        #expect(throws: XMLElementTree.ParseError.self) { try XMLElementTree.parse([]) }
    }
}

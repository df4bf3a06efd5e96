import Foundation

/// A SAML response shaped like the ones Okta, ADFS and Google send AWS: `saml2p`/`saml2` prefixes, an XML
/// signature (fake digest values), Conditions, and the AWS attributes with roles in both orders. Shared by the
/// federation unit tests and the end-to-end `keyward saml` tests.
public enum SAMLFixture {
    /// The account of the fixture's roles and provider.
    public static let account = "123456789012"
    /// The SAML provider ARN the roles name.
    public static let provider = "arn:aws:iam::123456789012:saml-provider/Okta"

    /// The response XML with one Role attribute value per entry of `roles` (`role,provider` in either order).
    public static func response(
        roles: [String], sessionName: String? = "jo@example.com", duration: String? = "3600",
        notBefore: String = "2026-01-01T10:00:00Z", notOnOrAfter: String = "2026-01-01T10:05:00.000Z"
    ) -> String {
        let roleValues = roles.map {
            "<saml2:AttributeValue xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"xs:string\">\($0)"
                + "</saml2:AttributeValue>"
        }.joined(separator: "\n        ")
        var attributes = """
                <saml2:Attribute Name="https://aws.amazon.com/SAML/Attributes/Role" \
            NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">
                    \(roleValues)
                </saml2:Attribute>
            """
        if let sessionName {
            attributes += """

                    <saml2:Attribute Name="https://aws.amazon.com/SAML/Attributes/RoleSessionName">
                        <saml2:AttributeValue>\(sessionName)</saml2:AttributeValue>
                    </saml2:Attribute>
                """
        }
        if let duration {
            attributes += """

                    <saml2:Attribute Name="https://aws.amazon.com/SAML/Attributes/SessionDuration">
                        <saml2:AttributeValue>\(duration)</saml2:AttributeValue>
                    </saml2:Attribute>
                """
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <saml2p:Response xmlns:saml2p="urn:oasis:names:tc:SAML:2.0:protocol" \
            Destination="https://signin.aws.amazon.com/saml" ID="id8041" IssueInstant="\(notBefore)" Version="2.0">
              <saml2:Issuer xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion">http://www.okta.com/exk1</saml2:Issuer>
              <saml2p:Status><saml2p:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></saml2p:Status>
              <saml2:Assertion xmlns:saml2="urn:oasis:names:tc:SAML:2.0:assertion" ID="id8042" \
            IssueInstant="\(notBefore)" Version="2.0">
                <saml2:Issuer>http://www.okta.com/exk1</saml2:Issuer>
                <ds:Signature xmlns:ds="http://www.w3.org/2000/09/xmldsig#">
                  <ds:SignedInfo>
                    <ds:CanonicalizationMethod Algorithm="http://www.w3.org/2001/10/xml-exc-c14n#"/>
                    <ds:SignatureMethod Algorithm="http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"/>
                    <ds:Reference URI="#id8042"><ds:DigestValue>q0Vv1rTQ+eZ3yF8Nc2bJwHkA5lX9sM4pU7dE6gR1tYo=</ds:DigestValue>
                    </ds:Reference>
                  </ds:SignedInfo>
                  <ds:SignatureValue>Zm9vYmFyYmF6cXV4IHNpZ25hdHVyZSB2YWx1ZQ==</ds:SignatureValue>
                </ds:Signature>
                <saml2:Subject>
                  <saml2:NameID Format="urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified">jo@example.com</saml2:NameID>
                  <saml2:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">
                    <saml2:SubjectConfirmationData NotOnOrAfter="\(notOnOrAfter)" \
            Recipient="https://signin.aws.amazon.com/saml"/>
                  </saml2:SubjectConfirmation>
                </saml2:Subject>
                <saml2:Conditions NotBefore="\(notBefore)" NotOnOrAfter="\(notOnOrAfter)">
                  <saml2:AudienceRestriction><saml2:Audience>urn:amazon:webservices</saml2:Audience></saml2:AudienceRestriction>
                </saml2:Conditions>
                <saml2:AuthnStatement AuthnInstant="\(notBefore)">
                  <saml2:AuthnContext><saml2:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml2:AuthnContextClassRef></saml2:AuthnContext>
                </saml2:AuthnStatement>
                <saml2:AttributeStatement>
            \(attributes)
                </saml2:AttributeStatement>
              </saml2:Assertion>
            </saml2p:Response>
            """
    }

    /// `xml` in base64 with line breaks, as IdP helpers print it.
    public static func base64(_ xml: String, lineLength: Int = 76) -> String {
        base64Bytes(Array(xml.utf8))
    }

    /// Any bytes base64-encoded the same way (for documents that are not UTF-8).
    public static func base64Bytes(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString(options: [.lineLength76Characters, .endLineWithLineFeed]) + "\n"
    }
}

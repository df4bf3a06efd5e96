import Foundation
import KeywardTestSupport
import Testing

/// `keyward saml` on an IdP-style response. moto 5.2.1 cannot take unsigned STS calls while it enforces
/// signatures (it reads the Authorization header unconditionally and answers 500), and its
/// AssumeRoleWithSAML reads only a single Role value, so the STS half runs against an open moto.
@Suite struct SamlTests {
    static let role = "arn:aws:iam::123456789012:role/dev"
    static let provider = SAMLFixture.provider

    static func stamp(_ offset: TimeInterval) -> String {
        ISO8601DateFormatter().string(from: Date(timeIntervalSinceNow: offset))
    }

    static func prepare(_ moto: MotoServer, home: TemporaryHome) throws -> [String: String] {
        var environment = AssumeTests.environment(moto, home: home.url)
        var admin = environment
        admin["AWS_ACCESS_KEY_ID"] = "AKIAIOSFODNN7EXAMPLE"
        admin["AWS_SECRET_ACCESS_KEY"] = "bootstrap"
        // IAM wants at least 1000 characters of metadata; a certificate-sized blob stands in for the real one.
        let certificate = "MIIDpDCCAoygAwIBAgIGAV" + String(repeating: "QUJDREVGR0hJSktMTU5PUFFSU1RVVldY", count: 40)
        try home.write(
            "metadata.xml",
            """
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="http://www.okta.com/exk1">
              <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:KeyDescriptor use="signing"><ds:KeyInfo xmlns:ds="http://www.w3.org/2000/09/xmldsig#"><ds:X509Data>
                  <ds:X509Certificate>\(certificate)</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
                <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" \
            Location="https://example.okta.com/app/amazon_aws/exk1/sso/saml"/>
              </md:IDPSSODescriptor>
            </md:EntityDescriptor>
            """)
        let created = try AssumeTests.aws(
            [
                "iam", "create-saml-provider", "--name", "Okta", "--saml-metadata-document",
                "file://" + home.url.appendingPathComponent("metadata.xml").path,
            ], environment: admin)
        #expect(created.status == 0)
        let trust =
            #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Federated":""#
            + provider + #""},"Action":"sts:AssumeRoleWithSAML"}]}"#
        let role = try AssumeTests.aws(
            ["iam", "create-role", "--role-name", "dev", "--assume-role-policy-document", trust], environment: admin)
        #expect(role.status == 0)
        environment["AWS_ACCESS_KEY_ID"] = nil
        return environment
    }

    @Test func writesAWorkingProfileFromABase64ResponseAndWarnsAboutAnExpiredOne() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let home = try TemporaryHome()
            let environment = try Self.prepare(moto, home: home)
            let xml = SAMLFixture.response(
                roles: ["\(Self.provider),\(Self.role)"], notBefore: Self.stamp(-60), notOnOrAfter: Self.stamp(300))
            let result = try KeywardCLI.run(
                ["saml", "--profile", "sso"], environment: environment, stdin: SAMLFixture.base64(xml))
            #expect(result.status == 0)
            #expect(result.stdout == "")
            #expect(
                result.stderr.hasPrefix(
                    "keyward: wrote [sso] to ~/.aws/credentials for "
                        + "arn:aws:sts::123456789012:assumed-role/dev/jo@example.com; expires "))
            var asSSO = environment
            asSSO["AWS_PROFILE"] = "sso"
            let identity = try AssumeTests.aws(
                ["sts", "get-caller-identity", "--query", "Arn", "--output", "text"], environment: asSSO)
            #expect(identity.stdout == "arn:aws:sts::123456789012:assumed-role/dev/jo@example.com\n")
            let path = home.url.appendingPathComponent(".aws/credentials").path
            #expect(try AssumeTests.mode(path) == 0o600)

            let expired = SAMLFixture.response(
                roles: ["\(Self.role),\(Self.provider)"], notBefore: "2020-01-01T10:00:00Z",
                notOnOrAfter: "2020-01-01T10:05:00Z")
            let late = try KeywardCLI.run(
                ["saml", "--profile", "sso", "--quiet"], environment: environment, stdin: expired)
            #expect(late.status == 0)
            #expect(
                late.stderr
                    == "keyward: warning: the SAML assertion expired at 2020-01-01T10:05:00Z; STS will likely refuse it,"
                    + " sign in to the IdP again\n")
        }
    }

    @Test func severalRolesNeedAChoiceAndHostileInputIsRefusedWithNothingWritten() throws {
        let home = try TemporaryHome()
        // Nothing here may reach STS: the endpoint is a closed loopback port.
        let environment = [
            "HOME": home.url.path, "AWS_ENDPOINT_URL": "http://127.0.0.1:9", "AWS_REGION": "us-east-1",
        ]
        let several = SAMLFixture.base64(
            SAMLFixture.response(
                roles: ["\(Self.role),\(Self.provider)", "arn:aws:iam::123456789012:role/ops,\(Self.provider)"],
                notBefore: Self.stamp(-60), notOnOrAfter: Self.stamp(300)))
        let unchosen = try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/setsid"),
            ["--wait", KeywardCLI.binary.path, "saml", "--profile", "sso"], environment: environment, stdin: several)
        #expect(unchosen.status == 1)
        #expect(
            unchosen.stderr
                == "keyward: SAML response offers several roles, choose one with --role-arn: "
                + "arn:aws:iam::123456789012:role/dev, arn:aws:iam::123456789012:role/ops\n")
        let wrong = try KeywardCLI.run(
            ["saml", "--profile", "sso", "--role-arn", "arn:aws:iam::123456789012:role/root"],
            environment: environment, stdin: several)
        #expect(
            wrong.stderr
                == "keyward: SAML response: role arn:aws:iam::123456789012:role/root is not offered; offered: "
                + "arn:aws:iam::123456789012:role/dev, arn:aws:iam::123456789012:role/ops\n")

        let xxe = #"<?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>"#
        var laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
        for level in 1...9 {
            let previous = level == 1 ? "lol" : "lol\(level - 1)"
            laughs += "<!ENTITY lol\(level) \"" + String(repeating: "&\(previous);", count: 10) + "\">"
        }
        laughs += "]><lolz>&lol9;</lolz>"
        let refusals: [(String, String)] = [
            (xxe, "SAML response: a DOCTYPE is not accepted (external entities and entity expansion are refused)"),
            (
                SAMLFixture.base64(laughs),
                "SAML response: a DOCTYPE is not accepted (external entities and entity expansion are refused)"
            ),
            ("this is not base64!\n", #"SAML response: neither XML nor base64: byte 19 is "!""#),
            ("", "SAML response: standard input is empty"),
        ]
        for (input, message) in refusals {
            let result = try KeywardCLI.run(["saml", "--profile", "sso"], environment: environment, stdin: input)
            #expect(result.status == 1)
            #expect(result.stderr == "keyward: " + message + "\n")
        }

        // 50 MB from a file: the command reads 1 MiB + 1 byte and stops.
        let big = home.url.appendingPathComponent("big.b64")
        try Data(repeating: UInt8(ascii: "Q"), count: 50 << 20).write(to: big)
        let huge = try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/bin/sh"),
            ["-c", "exec \"$0\" saml --profile sso < \"$1\"", KeywardCLI.binary.path, big.path],
            environment: environment)
        #expect(huge.status == 1)
        #expect(huge.stderr == "keyward: SAML response: larger than 1048576 bytes; refused without parsing\n")
        #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent(".aws/credentials").path))
    }
}

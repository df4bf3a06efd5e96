import Foundation
import KeywardTestSupport
import Testing

/// `keyward export` formats and `keyward clear`.
@Suite struct ExportTests {
    @Test func formatsAgreeAndClearDropsTheSessions() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }
            let json = try fixture.keyward(["export", "admin", "--format", "json", "--mfa-token", "123456"])
            #expect(json.status == 0, "\(json.stderr)")
            let document = try ExecFixture.decode(json.stdout)
            let id = try #require(document["AccessKeyId"])
            let secret = try #require(document["SecretAccessKey"])
            let token = try #require(document["SessionToken"])
            let expiration = try #require(document["Expiration"])
            #expect(document["Region"] == "us-east-1")

            let env = try fixture.keyward(["export", "admin"])
            #expect(
                env.stdout
                    == "export AWS_ACCESS_KEY_ID=\(id)\nexport AWS_SECRET_ACCESS_KEY=\(quoted(secret))\n"
                    + "export AWS_SESSION_TOKEN=\(quoted(token))\nexport AWS_CREDENTIAL_EXPIRATION=\(expiration)\n"
                    + "export AWS_REGION=us-east-1\nexport AWS_DEFAULT_REGION=us-east-1\n")

            let ini = try fixture.keyward(["export", "admin", "--format", "ini"])
            #expect(
                ini.stdout
                    == "[admin]\naws_access_key_id = \(id)\naws_secret_access_key = \(secret)\n"
                    + "aws_session_token = \(token)\nregion = us-east-1\n")

            let process = try fixture.keyward(["export", "admin", "--format", "credential-process"])
            #expect(
                process.stdout
                    == "{\"AccessKeyId\":\"\(id)\",\"Expiration\":\"\(expiration)\",\"SecretAccessKey\":\"\(secret)\","
                    + "\"SessionToken\":\"\(token)\",\"Version\":1}\n")

            let clearJo = try fixture.keyward(["clear", "admin"])
            #expect(clearJo.stderr == "Cleared 1 cached session for admin.\n")
            let clearAll = try fixture.keyward(["clear"])
            #expect(clearAll.stderr == "Cleared 1 cached session.\n")
            let needsCode = try fixture.keyward(["export", "admin"])
            #expect(needsCode.status == 1)
            #expect(needsCode.stderr.contains("an MFA code for \(fixture.account.joMFASerial) is needed"))
        }
    }

    /// The shell quoting `export --format env` applies: plain tokens bare, anything else in single quotes.
    private func quoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "+/=_.:-@,".unicodeScalars.contains($0)
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

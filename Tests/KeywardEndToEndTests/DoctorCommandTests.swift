import Foundation
import KeywardAWS
import KeywardSystem
import KeywardTestSupport
import Testing

/// `keyward doctor` run as the built binary on a temporary HOME: the JSON document, the exit status, and
/// no secret in the output.
@Suite struct DoctorCommandTests {
    struct Report: Decodable {
        struct Finding: Decodable {
            var id: String
            var severity: String
            var location: String
            var message: String
            var fix: String
        }
        struct Summary: Decodable, Equatable {
            var high: Int
            var medium: Int
            var low: Int
        }
        var findings: [Finding]
        var summary: Summary
    }

    @Test func aHomeWithSeveralProblems() throws {
        let sandbox = try VaultSandbox()
        // A vault file written with the tests' cheap scrypt cost: weaker than the default.
        let stored = AWSCredentials(accessKeyID: "AKIADOCTORVAULTKEY01", secretAccessKey: SecretString("vault0"))
        #expect(try sandbox.add("ci", key: stored).status == 0)
        let secret = "doctorSecret/Value+0001"
        try sandbox.home.write(
            ".aws/credentials",
            "# keys\n[jo]\naws_access_key_id = AKIADOCTORFILEKEY001\naws_secret_access_key = \(secret)\n")
        let credentials = sandbox.home.url.appendingPathComponent(".aws/credentials").path
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: credentials)
        try sandbox.home.write(
            ".aws/config",
            """
            [profile jo]
            region = us-east-1
            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/admin
            source_profile = jo
            [profile long]
            role_arn = arn:aws:iam::123456789012:role/readonly
            source_profile = jo
            mfa_serial = arn:aws:iam::123456789012:mfa/jo
            duration_seconds = 50000
            [profile a]
            role_arn = arn:aws:iam::123456789012:role/a
            source_profile = b
            [profile b]
            role_arn = arn:aws:iam::123456789012:role/b
            source_profile = a

            """)
        let result = try sandbox.run(
            ["doctor", "--json"],
            extra: ["AWS_ACCESS_KEY_ID": "ASIADOCTORSESSION001", "AWS_SECRET_ACCESS_KEY": secret])
        #expect(result.status == 1)
        #expect(result.stderr == "")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(
            Set(report.findings.map(\.id)) == [
                "long-lived-key-in-credentials-file", "session-key-in-environment", "role-without-mfa",
                "source-profile-without-mfa", "source-profile-loop", "duration-over-role-limit",
                "credentials-file-permissions", "weak-vault-kdf",
            ])
        #expect(report.findings.count == 8)
        #expect(report.summary == Report.Summary(high: 3, medium: 4, low: 1))
        let plaintext = report.findings.first { $0.id == "long-lived-key-in-credentials-file" }
        #expect(plaintext?.location == "~/.aws/credentials:3")
        #expect(plaintext?.fix == "keyward import --scrub --profile jo")
        #expect(report.findings.first { $0.id == "source-profile-loop" }?.location == "~/.aws/config:16")
        #expect(report.findings.first { $0.id == "duration-over-role-limit" }?.location == "~/.aws/config:10")
        #expect(!result.stdout.contains(secret))
        #expect(!result.stdout.contains("AKIADOCTORFILEKEY001"))
        #expect(result.stdout.contains("****************Y001"))

        let text = try sandbox.run(["doctor"])
        #expect(text.status == 1)
        #expect(text.stdout.hasPrefix("HIGH   long-lived-key-in-credentials-file  ~/.aws/credentials:3\n"))
        #expect(text.stdout.hasSuffix("\n7 findings: 3 high, 4 medium, 0 low\n"))
    }

    @Test func aCleanHomeHasNoFindingsAndExitsZero() throws {
        let sandbox = try VaultSandbox(cheapVault: false)  // a cheap vault is a finding
        try sandbox.home.write(
            ".aws/config",
            "[profile jo]\nmfa_serial = arn:aws:iam::123456789012:mfa/jo\n[profile admin]\n"
                + "role_arn = arn:aws:iam::123456789012:role/admin\nsource_profile = jo\n")
        let result = try sandbox.run(["doctor", "--json"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        #expect(report.findings.isEmpty)
        #expect(report.summary == Report.Summary(high: 0, medium: 0, low: 0))
        let text = try sandbox.run(["doctor"])
        #expect(text.status == 0)
        #expect(text.stdout == "no findings\n")
    }
}

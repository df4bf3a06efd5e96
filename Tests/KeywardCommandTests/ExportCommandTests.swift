import Foundation
import KeywardSystem
import KeywardTestSupport
import KeywardVault
import Testing

@testable import keyward

/// `export` run in-process: every format prints the same session, and once it is cached no format makes an
/// STS call (a `RecordingProxy` in front of moto sees every request).
@Suite struct ExportCommandTests {
    // moto's GetSessionToken hands out a key it never registers, so a chain through a plain-key session
    // needs moto's access control off (see ExecFixture in the end-to-end tests).
    @Test func formatsPrintOneSessionAndTheCachedPathCallsNoSTS() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let account = try moto.seedAccount()
            let proxy = try RecordingProxy(forwardingTo: moto.endpoint)
            defer { proxy.stop() }
            let harness = try CommandHarness(endpoint: proxy.endpoint)
            try harness.home.write(
                ".aws/config",
                "[profile jo]\nregion = us-east-1\n\n[profile ro]\nrole_arn = \(account.readonlyRoleARN)\n"
                    + "source_profile = jo\n")
            try await harness.add(
                "jo", accessKeyID: account.jo.accessKeyID, secret: account.jo.secretAccessKey.unredacted)
            #expect(try proxy.records().isEmpty, "add --env makes no call")

            let json = await harness.run { try await ExportCommand.parse(["ro", "--format", "json"]).run(in: $0) }
            #expect(json.status == 0, "\(json.stderr)")
            #expect(json.stderr == "")
            let fetched = try proxy.records()
            #expect(fetched.last?.action == "AssumeRole")
            #expect(fetched.allSatisfy { $0.service == "sts" })
            let document = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: String] ?? [:]
            let id = try #require(document["AccessKeyId"])
            let secret = try #require(document["SecretAccessKey"])
            let token = try #require(document["SessionToken"])
            let expiration = try #require(document["Expiration"])
            #expect(id.hasPrefix("ASIA"))
            #expect(document["Region"] == "us-east-1")
            #expect(
                json.stdout
                    == "{\n  \"AccessKeyId\": \"\(id)\",\n  \"SecretAccessKey\": \"\(secret)\",\n"
                    + "  \"SessionToken\": \"\(token)\",\n  \"Expiration\": \"\(expiration)\",\n"
                    + "  \"Region\": \"us-east-1\"\n}\n")

            let env = await harness.run { try await ExportCommand.parse(["ro"]).run(in: $0) }
            #expect(
                env.stdout
                    == "export AWS_ACCESS_KEY_ID=\(id)\nexport AWS_SECRET_ACCESS_KEY=\(Self.quoted(secret))\n"
                    + "export AWS_SESSION_TOKEN=\(Self.quoted(token))\nexport AWS_CREDENTIAL_EXPIRATION=\(expiration)\n"
                    + "export AWS_REGION=us-east-1\nexport AWS_DEFAULT_REGION=us-east-1\n")
            let ini = await harness.run { try await ExportCommand.parse(["ro", "--format", "ini"]).run(in: $0) }
            #expect(
                ini.stdout
                    == "[ro]\naws_access_key_id = \(id)\naws_secret_access_key = \(secret)\n"
                    + "aws_session_token = \(token)\nregion = us-east-1\n")
            let process = await harness.run {
                try await ExportCommand.parse(["ro", "--format", "credential-process"]).run(in: $0)
            }
            #expect(
                process.stdout
                    == "{\"AccessKeyId\":\"\(id)\",\"Expiration\":\"\(expiration)\",\"SecretAccessKey\":\"\(secret)\","
                    + "\"SessionToken\":\"\(token)\",\"Version\":1}\n")
            #expect([env.status, ini.status, process.status] == [0, 0, 0])
            // Three more exports, all from the cache: still only the first run's calls.
            #expect(try proxy.records().count == fetched.count)
            #expect(harness.filesContaining(secret).isEmpty, "the session is never written to a file")
        }
    }

    /// A profile that does not exist: one line, status 1, nothing on stdout, no request sent.
    @Test func anUnknownProfileIsOneLineAndNoCall() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let proxy = try RecordingProxy(forwardingTo: moto.endpoint)
            defer { proxy.stop() }
            let harness = try CommandHarness(endpoint: proxy.endpoint)
            try harness.home.write(".aws/config", "[profile jo]\nregion = us-east-1\n")
            let run = await harness.run { try await ExportCommand.parse(["nobody"]).run(in: $0) }
            #expect(run.status == 1)
            #expect(run.stdout == "")
            #expect(run.stderr.hasPrefix("keyward: "))
            #expect(run.stderr.contains("nobody"))
            #expect(run.stderr.split(separator: "\n").count == 1)
            #expect(try proxy.records().isEmpty)
        }
    }

    /// The shell quoting `export --format env` applies: plain tokens bare, anything else in single quotes.
    static func quoted(_ text: String) -> String {
        let plain = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "+/=_.:-@,".unicodeScalars.contains($0)
        }
        return plain ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

import Foundation
import KeywardSystem
import KeywardTestSupport
import KeywardVault
import Testing

@testable import keyward

/// `exec` run in-process up to the point where it would become the program: what the child would see.
@Suite struct ExecCommandTests {
    /// The caller's environment as a person's shell might hold it: Keyward's secrets, another profile's
    /// credentials and an unrelated variable.
    static let callerVariables = [
        "KEYWARD_FILE_KEY_TTL": "5m", "AWS_PROFILE": "other", "AWS_SESSION_TOKEN": "stale-token",
        "AWS_SECURITY_TOKEN": "stale-token", "AWS_DEFAULT_PROFILE": "other", "TEAM_SETTING": "kept",
    ]

    @Test func theChildGetsTheSessionAndNoKeywardSecret() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let account = try moto.seedAccount()
            let harness = try CommandHarness(endpoint: moto.endpoint)
            try harness.home.write(
                ".aws/config",
                "[profile jo]\nregion = us-east-1\n\n[profile ro]\nrole_arn = \(account.readonlyRoleARN)\n"
                    + "source_profile = jo\n")
            try await harness.add(
                "jo", accessKeyID: account.jo.accessKeyID, secret: account.jo.secretAccessKey.unredacted)

            let context = harness.context(Self.callerVariables)
            let launch = try await ExecCommand.parse(["ro", "--", "env", "-0"]).childLaunch(in: context)
            #expect(launch.executable == "/usr/bin/env")
            #expect(launch.arguments == ["env", "-0"])
            let child = launch.environment
            #expect(
                child.keys.filter { $0.hasPrefix("KEYWARD_") }.sorted() == [
                    "KEYWARD_BACKEND", "KEYWARD_HOME", "KEYWARD_PROFILE",
                ])
            #expect(child["KEYWARD_PROFILE"] == "ro")
            #expect(child["KEYWARD_FILE_PASSPHRASE"] == nil)
            #expect(child["KEYWARD_FILE_KEY_TTL"] == nil)
            #expect(child["AWS_PROFILE"] == nil)
            #expect(child["AWS_DEFAULT_PROFILE"] == nil)
            #expect(child["AWS_SECURITY_TOKEN"] == nil)
            #expect(child["TEAM_SETTING"] == "kept")
            #expect(child["HOME"] == harness.home.url.path)
            #expect(child["AWS_REGION"] == "us-east-1")
            #expect(child["AWS_DEFAULT_REGION"] == "us-east-1")
            let id = try #require(child["AWS_ACCESS_KEY_ID"])
            #expect(id.hasPrefix("ASIA"))
            #expect(id != account.jo.accessKeyID, "the child never gets the long-lived key")
            #expect(child["AWS_SESSION_TOKEN"] != nil && child["AWS_SESSION_TOKEN"] != "stale-token")
            #expect(child["AWS_CREDENTIAL_EXPIRATION"] != nil)
            #expect(!child.values.contains(account.jo.secretAccessKey.unredacted))
            #expect(!child.values.contains(CommandHarness.passphrase))

            // The same session export prints: one rule (`CredentialEnvironment`) for both.
            let export = await harness.run(Self.callerVariables) {
                try await ExportCommand.parse(["ro", "--format", "json"]).run(in: $0)
            }
            let document =
                try JSONSerialization.jsonObject(with: Data(export.stdout.utf8)) as? [String: String] ?? [:]
            #expect(document["AccessKeyId"] == id)
            #expect(document["SessionToken"] == child["AWS_SESSION_TOKEN"])
        }
    }

    /// The checks before any credential is fetched: a nested exec and a missing program, each one line with
    /// the shell's status for it.
    @Test func nestedAndMissingProgramsStopBeforeAnyCall() async throws {
        let harness = try CommandHarness(endpoint: URL(string: "http://127.0.0.1:9")!)
        try harness.home.write(".aws/config", "[profile jo]\nregion = us-east-1\n")
        let nested = await harness.run(["KEYWARD_PROFILE": "admin"]) {
            try await ExecCommand.parse(["jo", "--", "true"]).run(in: $0)
        }
        #expect(
            nested
                == .init(
                    status: 1, stdout: "",
                    stderr:
                        "keyward: already inside keyward exec for profile admin; exit that shell first or pass "
                        + "--allow-nested\n"))
        let missing = await harness.run {
            try await ExecCommand.parse(["jo", "--", "no-such-program-xyz"]).run(in: $0)
        }
        #expect(missing == .init(status: 127, stdout: "", stderr: "keyward: no-such-program-xyz: command not found\n"))
    }
}

import Foundation
import KeywardAWS
import KeywardTestSupport
import Testing

/// Issue 21, item 15 ("polish"), the parts about `list`, lock files and options that mean nothing.
@Suite(.serialized) struct NewUserListTests {
    /// Two sessions of one profile are told apart by their key ids; old lock files do not pile up.
    @Test func item15DuplicateSessionsAreToldApartAndLockFilesGo() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let config = { (account: SeedAccount) in
                "[profile jo]\nregion = us-east-1\n\n[profile ro]\nrole_arn = \(account.readonlyRoleARN)\n"
                    + "source_profile = jo\n"
            }
            let fixture = try ExecFixture(moto: moto, config: config)
            let base = config(fixture.account)
            defer { fixture.clearSessions() }
            #expect(try fixture.keyward(["exec", "ro", "--", "true"]).status == 0)
            // Another chain for the same profile: a second session, as after editing the config.
            try fixture.home.write(".aws/config", base + "duration_seconds = 1800\n")
            #expect(try fixture.keyward(["exec", "ro", "--", "true"]).status == 0)

            let list = try fixture.keyward(["list"])
            let row = try #require(list.stdout.split(separator: "\n").first { $0.hasPrefix("ro ") })
            let keys = row.components(separatedBy: "(key ****************").dropFirst().map { $0.prefix(4) }
            #expect(keys.count == 2, "\(row)")
            #expect(Set(keys).count == 2, "\(row)")
            let json = try fixture.keyward(["list", "--json"])
            #expect(json.stdout.components(separatedBy: "\"accessKeyId\" : \"****************").count == 4)

            // A lock file unused for two days goes when the next lock is taken; the fresh ones stay.
            let locks = fixture.environment["KEYWARD_HOME", default: ""] + "/locks"
            let stale = locks + "/0123456789abcdef0123456789abcdef.lock"
            try Data().write(to: URL(fileURLWithPath: stale))
            try FileManager.default.setAttributes(
                [.modificationDate: Date().addingTimeInterval(-2 * 86_400)], ofItemAtPath: stale)
            let fresh = try FileManager.default.contentsOfDirectory(atPath: locks).filter { !stale.hasSuffix($0) }
            #expect(!fresh.isEmpty)
            #expect(try fixture.keyward(["clear"]).status == 0)
            #expect(try fixture.keyward(["exec", "ro", "--", "true"]).status == 0)
            #expect(!FileManager.default.fileExists(atPath: stale))
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: locks)) == Set(fresh))
        }
    }

    /// Item 6: a role profile whose name is over 80 bytes lists its session, and `clear` drops it.
    @Test func item06ALongNamedProfilesSessionIsListedAndCleared() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let name = "role-" + String(repeating: "ü", count: 40) + "-" + String(repeating: "x", count: 40)
            let fixture = try ExecFixture(moto: moto) { account in
                "[profile jo]\nregion = us-east-1\n\n[profile \(name)]\nrole_arn = \(account.readonlyRoleARN)\n"
                    + "source_profile = jo\n"
            }
            defer { fixture.clearSessions() }
            #expect(try fixture.keyward(["exec", name, "--", "true"]).status == 0)
            let list = try fixture.keyward(["list"])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stdout.contains("assumed-role until"))
            let cleared = try fixture.keyward(["clear", name])
            #expect(cleared.stderr == "Cleared 1 cached session for \(name).\n")
            #expect(!(try fixture.keyward(["list"])).stdout.contains("assumed-role until"))
        }
    }

    /// `inConfig` is about `~/.aws/config`; a profile only in the credentials file is not in it.
    @Test func item15InConfigMeansTheConfigFile() throws {
        let sandbox = try VaultSandbox()
        try sandbox.home.write(".aws/config", "[profile both]\nregion = us-east-1\n")
        try sandbox.home.write(
            ".aws/credentials",
            "[both]\naws_access_key_id = AKIAIOSFODNN7BOTHBTH\naws_secret_access_key = s\n"
                + "[plain]\naws_access_key_id = AKIAIOSFODNN7PLAINPL\naws_secret_access_key = s\n")
        let json = try sandbox.run(["list", "--json"])
        struct Listing: Decodable {
            struct Profile: Decodable {
                var name: String
                var inConfig: Bool
            }
            var profiles: [Profile]
        }
        let rows = try JSONDecoder().decode(Listing.self, from: Data(json.stdout.utf8)).profiles
        #expect(rows.map(\.name) == ["both", "plain"])
        #expect(rows.map(\.inConfig) == [true, false])
    }

    /// An empty `list` says so on stderr; stdout stays empty for scripts.
    @Test func item15AnEmptyListSaysSo() throws {
        let sandbox = try VaultSandbox(cheapVault: false)
        let list = try sandbox.run(["list"])
        #expect(list.status == 0)
        #expect(list.stdout == "")
        #expect(
            list.stderr
                == "keyward: no profiles: none in the AWS config files, no key in file and no cached session; add a "
                + "key with keyward add PROFILE\n")
    }

    /// `--backend` is not offered where it means nothing; `--debug` still is.
    @Test func item15NoBackendOptionOnOfflinePolicyCommands() throws {
        let sandbox = try VaultSandbox(cheapVault: false)
        for command in ["template", "validate", "simulate"] {
            let help = try sandbox.run(["policy", command, "--help"])
            #expect(!help.stdout.contains("--backend"), "\(command)")
            #expect(help.stdout.contains("--debug"), "\(command)")
        }
        let refused = try sandbox.run(["policy", "validate", "--backend", "file", "p.json"])
        #expect(refused.status == 64)
        #expect(refused.stderr.hasPrefix("Error: Unknown option '--backend'"))
    }
}

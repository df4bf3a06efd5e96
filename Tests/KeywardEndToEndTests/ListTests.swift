import Foundation
import KeywardAWS
import KeywardSystem
import KeywardTestSupport
import Testing

/// `keyward list` edge cases (the main listing is checked in `AddTests`).
@Suite struct ListTests {
    @Test func anEmptyHomeListsNothingAndAsksForNoPassphrase() throws {
        let sandbox = try VaultSandbox(cheapVault: false)
        var environment = sandbox.environment
        environment["KEYWARD_FILE_PASSPHRASE"] = nil
        let table = try KeywardCLI.run(["list"], environment: environment)
        #expect(table.status == 0)
        #expect(table.stdout == "")
        #expect(table.stderr.hasPrefix("keyward: no profiles: "))
        let json = try KeywardCLI.run(["list", "--json"], environment: environment)
        #expect(json.status == 0)
        #expect(json.stdout == "{\n  \"profiles\" : [\n\n  ]\n}\n")
        #expect(sandbox.home.allFiles().isEmpty)
    }

    @Test func aWrongPassphraseIsOneLineNamingTheVaultFile() throws {
        let sandbox = try VaultSandbox()
        let key = AWSCredentials(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SecretString("s3cr3t-value"))
        #expect(try sandbox.add("jo", key: key).status == 0)
        let wrong = try sandbox.run(["list"], extra: ["KEYWARD_FILE_PASSPHRASE": "not the passphrase"])
        #expect(wrong.status == 1)
        #expect(wrong.stdout == "")
        #expect(wrong.stderr == "keyward: \(sandbox.keywardHome)/vault.keyward: wrong passphrase\n")
    }

    @Test func profilesInTheConfigComeFirstInTheirOrderThenTheVaultsSorted() throws {
        let sandbox = try VaultSandbox()
        try sandbox.home.write(".aws/config", "[profile zeta]\n[default]\nregion = us-east-1\n")
        try sandbox.home.write(".aws/credentials", "[alpha]\naws_access_key_id = AKIAIOSFODNN7PLAINTX\n")
        for (name, id) in [("jo", "AKIAIOSFODNN7JOJOJOJ"), ("ana", "AKIAIOSFODNN7ANANANA")] {
            let key = AWSCredentials(accessKeyID: id, secretAccessKey: SecretString("secret-of-\(name)"))
            #expect(try sandbox.add(name, key: key).status == 0)
        }
        let list = try sandbox.run(["list"])
        #expect(list.status == 0)
        let rows = list.stdout.split(separator: "\n").map { $0.split(separator: " ").first.map(String.init) ?? "" }
        #expect(rows == ["PROFILE", "zeta", "default", "alpha", "ana", "jo"])
        #expect(!list.stdout.contains("secret-of-"))
    }

    @Test func showsCachedSessionsWithTheirExpiryAndRemoveDropsThem() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let sandbox = try VaultSandbox(moto: moto)
            try sandbox.home.write(
                ".aws/config",
                "[profile jo]\n[profile ro]\nrole_arn = \(account.readonlyRoleARN)\nsource_profile = jo\n")
            #expect(try sandbox.add("jo", key: account.jo).status == 0)
            let exported = try sandbox.run(["export", "ro", "--format", "env"])
            #expect(exported.status == 0)
            let prefix = "export AWS_CREDENTIAL_EXPIRATION="
            let expiration = try #require(
                exported.stdout.split(separator: "\n").first { $0.hasPrefix(prefix) }?.dropFirst(prefix.count))
            let storedAt = try #require(try await sandbox.storedKey("jo")?.storedAt).formatted(.iso8601)

            let list = try sandbox.run(["list"])
            #expect(list.status == 0)
            #expect(
                list.stdout
                    == "PROFILE  KEY                   BACKEND  STORED                SESSIONS\n"
                    + "jo       ****************\(account.jo.accessKeyID.suffix(4))  file     \(storedAt)  -\n"
                    + "ro       -                     -        -                     assumed-role until \(expiration)\n"
            )

            // The session was made from jo's key, so removing the key drops it too.
            let removed = try sandbox.run(["remove", "jo", "--force"])
            #expect(
                removed.stdout
                    == "Removed the access key ****************\(account.jo.accessKeyID.suffix(4)) and 1 cached "
                    + "session of profile jo from file\n")
            let after = try sandbox.run(["list", "--json"])
            #expect(after.stdout.contains("\"sessions\" : [\n\n      ]"))
            #expect(!after.stdout.contains("assumed-role"))
            _ = try sandbox.run(["clear"])
        }
    }
}

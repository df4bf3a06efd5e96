import Foundation
import KeywardAWS
import KeywardSystem
import KeywardTestSupport
import KeywardVault
import Testing

/// `keyward add` run as the built binary, on the file backend (and the kernel keyring when usable).
@Suite struct AddTests {
    static let key = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: SecretString("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))

    @Test func addFromTheEnvironmentThenListShowsTheMaskedKeyAndBackend() async throws {
        let sandbox = try VaultSandbox()
        try sandbox.home.write(".aws/config", "[profile dev]\nregion = eu-west-1\n")
        let added = try sandbox.add("jo", key: Self.key)
        #expect(added.status == 0)
        #expect(added.stderr == "")
        #expect(
            added.stdout
                == "Added profile jo: ****************MPLE in file (\(sandbox.keywardHome)/vault.keyward), kept across "
                + "reboots\n")

        let stored = try #require(try await sandbox.storedKey("jo"))
        #expect(stored.accessKeyID == Self.key.accessKeyID)
        #expect(stored.secretAccessKey.unredacted == Self.key.secretAccessKey.unredacted)
        let storedAt = try #require(stored.storedAt).formatted(.iso8601)

        let list = try sandbox.run(["list"])
        #expect(list.status == 0)
        #expect(list.stderr == "")
        #expect(
            list.stdout
                == "PROFILE  KEY                   BACKEND  STORED                SESSIONS\n"
                + "dev      -                     -        -                     -\n"
                + "jo       ****************MPLE  file     \(storedAt)  -\n")

        let json = try sandbox.run(["list", "--json"])
        #expect(json.status == 0)
        #expect(
            json.stdout == """
                {
                  "profiles" : [
                    {
                      "backend" : null,
                      "inConfig" : true,
                      "key" : null,
                      "name" : "dev",
                      "sessions" : [

                      ],
                      "survivesReboot" : null
                    },
                    {
                      "backend" : "file",
                      "inConfig" : false,
                      "key" : {
                        "accessKeyId" : "****************MPLE",
                        "storedAt" : "\(storedAt)"
                      },
                      "name" : "jo",
                      "sessions" : [

                      ],
                      "survivesReboot" : true
                    }
                  ]
                }

                """)
        for output in [added.stdout, list.stdout, json.stdout] {
            #expect(!output.contains(Self.key.secretAccessKey.unredacted))
            #expect(!output.contains(Self.key.accessKeyID))
        }

        let again = try sandbox.add("jo", key: Self.key)
        #expect(again.stdout.hasPrefix("Replaced the key of profile jo: ****************MPLE in file"))
    }

    @Test func refusesAKeyOrSecretOnTheCommandLineWithoutEchoingIt() async throws {
        let sandbox = try VaultSandbox(cheapVault: false)
        let secret = Self.key.secretAccessKey.unredacted
        for arguments in [
            ["add", "jo", Self.key.accessKeyID, secret],
            ["add", "jo", "--secret-access-key", secret],
            ["add", "jo", "--secret-access-key=\(secret)", "--env"],
        ] {
            let result = try sandbox.run(arguments)
            #expect(result.status == 64)
            #expect(result.stdout == "")
            #expect(
                result.stderr.hasPrefix(
                    "Error: keyward add takes only a profile name: the key is never an argument (it is prompted for "
                        + "on the terminal, or read from the environment with --env)\n"))
            #expect(!result.stderr.contains(secret))
            #expect(!result.stderr.contains(Self.key.accessKeyID))
        }
        #expect(sandbox.home.allFiles().isEmpty)
    }

    @Test func warnsOnASessionKeyAndRefusesAnUnrecognisedOne() async throws {
        let sandbox = try VaultSandbox()
        let session = try sandbox.add(
            "temp",
            key: AWSCredentials(accessKeyID: "ASIAIOSFODNN7EXAMPLE", secretAccessKey: SecretString("session-secret"))
        )
        #expect(session.status == 0)
        #expect(
            session.stderr
                == "keyward: warning: ****************MPLE is a temporary (ASIA) key from an STS session: it stops "
                + "working when its session expires and its session token is not stored; store the IAM user's "
                + "long-lived AKIA key instead\n")
        #expect(try await sandbox.storedKey("temp")?.accessKeyID == "ASIAIOSFODNN7EXAMPLE")

        // A secret pasted where the key id belongs is refused without being repeated.
        let swapped = try sandbox.add(
            "jo",
            key: AWSCredentials(accessKeyID: Self.key.secretAccessKey.unredacted, secretAccessKey: SecretString("x")))
        #expect(swapped.status == 1)
        #expect(swapped.stdout == "")
        #expect(
            swapped.stderr
                == "keyward: profile jo: the access key id does not look like one (expected AKIA followed by "
                + "upper-case letters and digits); nothing was stored\n")
        #expect(try await sandbox.storedKey("jo") == nil)

        let missing = try sandbox.run(["add", "jo", "--env"], extra: ["AWS_ACCESS_KEY_ID": Self.key.accessKeyID])
        #expect(missing.status == 1)
        #expect(missing.stderr == "keyward: profile jo: --env: AWS_SECRET_ACCESS_KEY is not set\n")
    }

    @Test func promptsForBothHalvesOnTheTerminalWithoutEcho() async throws {
        let sandbox = try VaultSandbox()
        let run = try sandbox.runOnTerminal(
            ["add", "jo"],
            replies: [
                ("Access key ID for profile jo: ", Self.key.accessKeyID),
                ("Secret access key: ", Self.key.secretAccessKey.unredacted),
            ])
        #expect(run.status == 0)
        #expect(run.transcript.contains("Added profile jo: ****************MPLE in file"))
        #expect(!run.transcript.contains(Self.key.secretAccessKey.unredacted))
        #expect(!run.transcript.contains(Self.key.accessKeyID))
        let stored = try #require(try await sandbox.storedKey("jo"))
        #expect(stored.accessKeyID == Self.key.accessKeyID)
        #expect(stored.secretAccessKey.unredacted == Self.key.secretAccessKey.unredacted)

        let noTerminal = try sandbox.runWithoutTerminal(["add", "dev"])
        #expect(noTerminal.status == 1)
        #expect(noTerminal.stderr.hasPrefix("keyward: profile dev: cannot prompt for the key ("))
        #expect(
            noTerminal.stderr.hasSuffix("; use --env to read it from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY\n"))
    }

    @Test(
        .enabled(
            if: TestRequirement.runs(KeyctlSecretStore.probe() == .available), "the kernel keyring is not usable here"))
    func addAndListOnTheKernelKeyring() async throws {
        let sandbox = try VaultSandbox(cheapVault: false)
        // The user keyring is shared by every test on the machine: a unique name, removed afterwards.
        let profile = "keyward-e2e-\(UUID().uuidString.prefix(8))"
        let backend = ["KEYWARD_BACKEND": "keyctl"]
        let added = try sandbox.run(
            ["add", profile, "--env"],
            extra: backend.merging([
                "AWS_ACCESS_KEY_ID": Self.key.accessKeyID, "AWS_SECRET_ACCESS_KEY": Self.key.secretAccessKey.unredacted,
            ]) { _, new in new })
        // Issue 21, item 2: the kernel keyring forgets at reboot, so it never holds the only copy of a key.
        #expect(added.status == 1)
        #expect(added.stdout == "")
        #expect(
            added.stderr
                == "keyward: backend keyctl forgets its keys at reboot and would hold the only copy of this long-lived "
                + "key; keep keys in file, secret-service, pass (--backend file or KEYWARD_BACKEND=file)\n")
        // A key already there for this home is still listed, marked as forgotten at reboot.
        let stored = StoredKey(
            accessKeyID: Self.key.accessKeyID, secretAccessKey: SecretString(Self.key.secretAccessKey.unredacted))
        let store = KeyctlSecretStore.forHome(sandbox.keywardHome)
        try await store.store(stored.encoded(), for: .accessKey(profile: profile))
        let table = try sandbox.run(["list"], extra: backend)
        #expect(table.stdout.contains("****************MPLE  keyctl (until reboot)"), "\(table.stdout)")
        let list = try sandbox.run(["list", "--json"], extra: backend)
        #expect(list.status == 0)
        struct Listing: Decodable {
            struct Profile: Decodable {
                struct Key: Decodable { var accessKeyId: String }
                var name: String
                var backend: String?
                var key: Key?
            }
            var profiles: [Profile]
        }
        let row = try JSONDecoder().decode(Listing.self, from: Data(list.stdout.utf8)).profiles.first {
            $0.name == profile
        }
        #expect(row?.backend == "keyctl")
        #expect(row?.key?.accessKeyId == "****************MPLE")
        #expect(!list.stdout.contains(Self.key.secretAccessKey.unredacted))
        let removed = try sandbox.run(["remove", profile, "--force"], extra: backend)
        #expect(removed.status == 0)
        #expect(sandbox.home.allFiles().isEmpty)
    }

    /// Issue 21, item 2: a key an older Keyward stored un-namespaced (`keyward:access-key:NAME`) is served to
    /// no home; doctor names it with the command that moves it, and that command moves it to the file vault.
    @Test(
        .enabled(
            if: TestRequirement.runs(KeyctlSecretStore.probe() == .available), "the kernel keyring is not usable here"))
    func aLegacyKeyctlKeyIsReportedAndMovedNotServedToEveryHome() async throws {
        let sandbox = try VaultSandbox()
        let profile = "keyward-e2e-\(UUID().uuidString.prefix(8))"
        let legacy = KeyctlSecretStore()
        let item = try VaultItem.accessKey(profile: profile)
        try await legacy.store(
            StoredKey(
                accessKeyID: Self.key.accessKeyID, secretAccessKey: SecretString(Self.key.secretAccessKey.unredacted)
            )
            .encoded(), for: item)
        defer { _ = try? legacy.deleteNow(item) }

        let listed = try sandbox.run(["list", "--json"], extra: ["KEYWARD_BACKEND": "keyctl"])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(!listed.stdout.contains(profile), "a legacy key was served to this home: \(listed.stdout)")
        let doctor = try sandbox.run(["doctor"])
        #expect(
            doctor.stdout.contains("MEDIUM legacy-keyring-key  kernel user keyring: keyward:access-key:\(profile)\n"))
        #expect(doctor.stdout.contains("fix: keyward add \(profile) --from-legacy-keyring (under the KEYWARD_HOME"))
        #expect(!doctor.stdout.contains(Self.key.secretAccessKey.unredacted))

        let moved = try sandbox.run(["add", profile, "--from-legacy-keyring"])
        #expect(moved.status == 0, "\(moved.stderr)")
        #expect(
            moved.stdout
                == "Moved profile \(profile): ****************MPLE from the kernel user keyring to file "
                + "(\(sandbox.keywardHome)/vault.keyward), kept across reboots\n")
        #expect(try await sandbox.storedKey(profile)?.accessKeyID == Self.key.accessKeyID)
        #expect(try legacy.currentValue(of: item) == nil)
        let again = try sandbox.run(["add", profile, "--from-legacy-keyring"])
        #expect(again.status == 1)
        #expect(again.stderr == "keyward: profile \(profile): no key of an older Keyward in the kernel user keyring\n")
    }
}

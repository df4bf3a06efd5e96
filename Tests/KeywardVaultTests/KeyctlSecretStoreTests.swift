import Foundation
import KeywardSystem
import KeywardTestSupport
import Testing

@testable import KeywardVault

@Suite(
    "Kernel keyring store",
    .enabled(if: Backend.keyctl.skipReason == nil, Comment(rawValue: Backend.keyctl.skipReason ?? "")))
struct KeyctlSecretStoreTests {
    /// The line of /proc/keys for the key `description` in the user keyring, split into its fields
    /// (serial, flags, usage, expiry, permissions, uid, gid, type, "description: payload length").
    static func procKeysEntry(_ description: String, keyring: String = "@u") throws -> [String]? {
        let keyctl = try #require(
            ExecutableSearch.find("keyctl", in: testEnvironment["PATH"]), "keyctl is not installed")
        let found = try TestProcess.run(
            URL(fileURLWithPath: keyctl), ["search", keyring, "user", description], environment: testEnvironment)
        guard found.status == 0, let serial = Int(found.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            return nil
        }
        // Foundation's String(contentsOfFile:) stops after the first page of a /proc file, which hides
        // every key past the first ~30 once the keyring is busy; SecureFile.read reads to the end.
        let text = String(decoding: try SecureFile.read(at: "/proc/keys") ?? [], as: UTF8.self)
        return text.split(separator: "\n").map {
            $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        }
        .first { $0.first.flatMap { Int($0, radix: 16) } == serial }
    }

    @Test func itemsAreUserKeysReadableByTheUserAndExpireWhenAsked() async throws {
        let prefix = "keyward-test-\(UUID().uuidString.prefix(8))"
        let store = KeyctlSecretStore(descriptionPrefix: prefix, timeout: .seconds(600))
        let item = try VaultItem(kind: .session, name: "dev")
        try await store.store(SecretString("token"), for: item)
        defer { Task { try? await store.delete(item) } }
        #expect(store.keyDescription(item) == "\(prefix):session:dev")
        let entry = try #require(try Self.procKeysEntry("\(prefix):session:dev"))
        #expect(entry[3] != "perm")  // an expiry such as "9m" or "599s"
        #expect(entry[4] == "3f3f0000")  // possessor and user: all; group and others: nothing
        #expect(entry[7] == "user")

        try store.store(SecretString("token"), for: item, timeout: nil)
        #expect(try Self.procKeysEntry("\(prefix):session:dev")?[3] == "perm")
        #expect(try await store.delete(item) == true)
        #expect(try Self.procKeysEntry("\(prefix):session:dev") == nil)
    }

    @Test func aKeyStoredFromAnotherSessionKeyringIsReadHere() async throws {
        // `keyctl session -` runs the writer in a new anonymous session keyring that does not link the
        // user keyring: the item must still land in the user keyring, readable by this process.
        guard let keyctl = ExecutableSearch.find("keyctl", in: testEnvironment["PATH"]) else {
            Issue.record("keyctl is not installed (scripts/setup-backends.sh installs keyutils)")
            return
        }
        let prefix = "keyward-test-\(UUID().uuidString.prefix(8))"
        let store = KeyctlSecretStore(descriptionPrefix: prefix)
        let result = try TestProcess.run(
            URL(fileURLWithPath: keyctl),
            [
                "session", "-", helperExecutable, "write", "--backend", "keyctl", "--description-prefix", prefix,
                "--prefix", "s",
                "--count", "2",
            ], environment: testEnvironment)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try await store.list(.accessKey) == ["s-0", "s-1"])
        #expect(try await store.read(.accessKey(profile: "s-1")) == SecretString("secret-of-s-1"))
        for name in ["s-0", "s-1"] { try await store.delete(.accessKey(profile: name)) }
    }

    @Test func anOversizedSecretIsRefusedWithTheDescription() async throws {
        let store = KeyctlSecretStore(descriptionPrefix: "keyward-test-\(UUID().uuidString.prefix(8))")
        let item = try VaultItem.accessKey(profile: "big")
        let error = VaultError.keyring(.store, description: store.keyDescription(item), code: E2BIG)
        await #expect(throws: error) {
            try await store.store(SecretString(String(repeating: "x", count: 40_000)), for: item)
        }
        #expect(
            error.description == "kernel keyring: cannot store \(store.keyDescription(item)): Argument list too long")
    }

    /// Issue 21, item 2: a home's keyctl keys carry its namespace, as sessions do, so a key stored under
    /// one `KEYWARD_HOME` is neither read nor listed under another.
    @Test func aKeyStoredUnderOneHomeIsNotVisibleUnderAnother() async throws {
        let unique = UUID().uuidString.prefix(8)
        let settings = { (home: String) in
            SecretStoreSettings(home: home, passphrase: .fixed(SecretString("unused")), environment: [:])
        }
        let homeA = try SecretStoreKind.keyctl.makeStore(settings("/tmp/keyward-test-\(unique)/a"))
        let homeB = try SecretStoreKind.keyctl.makeStore(settings("/tmp/keyward-test-\(unique)/b"))
        let item = try VaultItem.accessKey(profile: "jo-\(unique)")
        try await homeA.store(SecretString("key of a"), for: item)
        defer { Task { try? await homeA.delete(item) } }

        #expect(try await homeA.read(item) == SecretString("key of a"))
        #expect(try await homeA.list(.accessKey).contains(item.name))
        #expect(try await homeB.read(item) == nil)
        #expect(try await !homeB.list(.accessKey).contains(item.name))
        #expect(try await homeB.delete(item) == false)
        #expect(try await homeA.read(item) == SecretString("key of a"), "home B's delete removed home A's key")
        // Not a legacy item either: nothing un-namespaced was written.
        #expect(!LegacyKeyctlKeys().profiles().contains(item.name))
        let namespace = HomeNamespace.of(home: "/tmp/keyward-test-\(unique)/a")
        let store = try #require(homeA as? KeyctlSecretStore)
        #expect(store.keyDescription(item) == "keyward@\(namespace):access-key:jo-\(unique)")
        #expect(try Self.procKeysEntry("keyward@\(namespace):access-key:jo-\(unique)") != nil)
    }

    /// Issue 21, item 2: a key an older Keyward stored as `keyward:access-key:NAME` is read by no home, is
    /// listed as legacy, and moves only into a backend that survives a reboot, deleted once the copy is read
    /// back.
    @Test func aLegacyKeyIsNotServedToAnyHomeAndMovesOnlyToAPersistentBackend() async throws {
        let unique = UUID().uuidString.prefix(8)
        let profile = "keyward-test-legacy-\(unique)"
        let key = StoredKey(
            accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SecretString("legacy secret"), storedAt: nil)
        let legacyStore = KeyctlSecretStore()  // the old descriptions: keyward:access-key:NAME
        try await legacyStore.store(key.encoded(), for: .accessKey(profile: profile))
        defer { Task { try? await legacyStore.delete(.accessKey(profile: profile)) } }
        #expect(legacyStore.keyDescription(try .accessKey(profile: profile)) == "keyward:access-key:\(profile)")

        let home = KeyVault(store: KeyctlSecretStore.forHome("/tmp/keyward-test-\(unique)"))
        #expect(try await home.key(profile: profile) == nil)
        #expect(try await !home.profiles().contains(profile))
        let legacy = LegacyKeyctlKeys()
        #expect(legacy.profiles().contains(profile))
        #expect(try legacy.key(profile: profile)?.holdsSameKey(as: key) == true)

        // Not into the kernel keyring again: it would still be forgotten at reboot.
        await #expect(throws: VaultError.keyWouldNotSurviveReboot(.keyctl)) {
            _ = try await legacy.move(profile: profile, into: home)
        }
        #expect(legacy.profiles().contains(profile), "a refused move lost the legacy key")

        let durable = KeyVault(store: InMemorySecretStore(kind: .file))
        let moved = try await legacy.move(profile: profile, into: durable)
        #expect(moved?.holdsSameKey(as: key) == true)
        #expect(try await durable.key(profile: profile)?.holdsSameKey(as: key) == true)
        #expect(!legacy.profiles().contains(profile))
        #expect(try await legacyStore.read(.accessKey(profile: profile)) == nil)
        #expect(try await legacy.move(profile: profile, into: durable) == nil)
    }

    @Test func probeAndLocation() {
        #expect(KeyctlSecretStore.probe() == .available)
        #expect(KeyctlSecretStore().location == "kernel user keyring")
        #expect(KeyctlSecretStore(keyring: .session).location == "kernel session keyring")
    }
}

import Foundation
import KeywardSystem
import KeywardTestSupport
import Synchronization
import Testing

@testable import KeywardVault

@Suite(
    "Vault key cache",
    .enabled(if: Backend.keyctl.skipReason == nil, Comment(rawValue: Backend.keyctl.skipReason ?? "")))
struct VaultKeyCacheTests {
    typealias RecordingSource = FileSecretStoreTests.RecordingSource
    static let cheap = FileFormatTests.cheap
    static let passphrase = "pass phrase"

    /// A source that must not be asked: the cached key should open the file.
    static let refusing = PassphraseSource { request throws(VaultError) in
        throw VaultError.passphraseUnavailable(file: request.file, reason: "asked although the key was cached")
    }

    /// A cheap vault file holding `dev` = `secret`, and the keyring item its derived key is cached under.
    static func makeVault() async throws -> (directory: TemporaryDirectory, path: String, item: VaultItem) {
        let directory = try TemporaryDirectory()
        let store = FileSecretStore(
            directory: directory.path, passphrase: .fixed(SecretString(passphrase)), parameters: cheap)
        try await store.store(SecretString("secret"), for: .accessKey(profile: "dev"))
        let parsed = try VaultFileFormat.parse(try #require(try SecureFile.read(at: store.path)), file: store.path)
        let item = try #require(VaultKeyCache.item(path: store.path, salt: parsed.salt, parameters: parsed.scrypt))
        return (directory, store.path, item)
    }

    /// Whether `keyctl search KEYRING user DESCRIPTION` finds the key, asked from this (outside) process.
    static func found(_ description: String, in keyring: String) throws -> Bool {
        let keyctl = try #require(
            ExecutableSearch.find("keyctl", in: testEnvironment["PATH"]), "keyctl is not installed")
        return try TestProcess.run(
            URL(fileURLWithPath: keyctl), ["search", keyring, "user", description], environment: testEnvironment
        ).status == 0
    }

    /// The helper's `vault-unlock` lines (see Sources/KeywardVaultTestHelper/VaultUnlock.swift).
    static func unlock(_ directory: String, _ extra: [String], input: String) throws -> [String] {
        let result = try TestProcess.run(
            URL(fileURLWithPath: helperExecutable),
            ["vault-unlock", "--directory", directory, "--ttl", "60", "--passphrase", "stdin"] + extra,
            environment: testEnvironment, stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    /// Issue 12, item 3: in a login session of its own (joined as pam_keyinit does), the derived key is kept
    /// in that session keyring, possessor-only; a second command of the session opens the vault without the
    /// passphrase, a process of another session cannot read the key, and nothing lands in `@u` or `@us`.
    @Test func withItsOwnSessionKeyringTheKeyIsCachedThereOnly() async throws {
        let vault = try await Self.makeVault()
        defer { vault.directory.remove() }
        let lines = try Self.unlock(
            vault.directory.path, ["--join-session", "yes", "--then-again", "yes"], input: Self.passphrase + "\n")
        #expect(Array(lines.prefix(3)) == ["own session keyring: yes", "asked: 1", "read: secret"])
        let cached = try #require(lines.first { $0.hasPrefix("cached: ") })
        #expect(cached != "cached: none", "\(lines)")
        // Possessor: all; user: view only (the uid may see it listed, only this login session reads it).
        #expect(cached.hasSuffix(" 3f010000"), "\(lines)")
        #expect(lines.contains("again: own session keyring: yes"))
        #expect(lines.contains("again: asked: 0"), "the second command asked for the passphrase: \(lines)")
        #expect(lines.contains("again: read: secret"))
        #expect(lines.contains("outsider read: refused"), "another session read the vault key: \(lines)")
        #expect(!lines.contains { $0.contains("notice:") })

        let description = "\(VaultKeyCache.descriptionPrefix):session:\(vault.item.name)"
        #expect(try !Self.found(description, in: "@u"))
        #expect(try !Self.found(description, in: "@us"))
    }

    /// Issue 12, item 3: a process whose session keyring is the user-session keyring (no login session:
    /// this test process here, as `keyctl show @s` shows `_uid_ses.0`) caches nothing, in `@us` or `@u`,
    /// and says so once; the next command asks for the passphrase again.
    @Test(
        .enabled(
            if: TestRequirement.runs(!KeyctlSecretStore.hasOwnSessionKeyring),
            "this process has a session keyring of its own; the case needs one without (keyctl show @s)"))
    func withoutASessionKeyringOfItsOwnNothingIsCachedAndTheNoticeIsGiven() async throws {
        #expect(!KeyctlSecretStore.hasOwnSessionKeyring, "the test process has its own session keyring")
        let vault = try await Self.makeVault()
        defer { vault.directory.remove() }
        let notice = "notice: " + VaultKeyCache.NotKept.noLoginSessionKeyring.description
        for _ in 0..<2 {
            let lines = try Self.unlock(vault.directory.path, [], input: Self.passphrase + "\n")
            #expect(lines == ["own session keyring: no", notice, "asked: 1", "read: secret", "cached: none"])
        }
        let description = "\(VaultKeyCache.descriptionPrefix):session:\(vault.item.name)"
        #expect(try !Self.found(description, in: "@u"))
        #expect(try !Self.found(description, in: "@us"))

        // In process: the notice is given once per cache, however many stores use it.
        let notices = Mutex<[VaultKeyCache.NotKept]>([])
        let cache = VaultKeyCache(lifetime: .seconds(60)) { notKept in notices.withLock { $0.append(notKept) } }
        for _ in 0..<2 {
            let recorder = RecordingSource(Self.passphrase)
            let store = FileSecretStore(directory: vault.directory.path, passphrase: recorder.source, keyCache: cache)
            #expect(try await store.read(.accessKey(profile: "dev")) == SecretString("secret"))
            #expect(recorder.requests.withLock { $0.count } == 1)
        }
        #expect(notices.withLock { $0 } == [.noLoginSessionKeyring])
    }

    @Test func aSessionKeyringIsOwnOnlyWhenItIsNotTheUserSessionKeyring() {
        #expect(KeyctlSecretStore.isOwnSessionKeyring(session: 41, userSession: 42))
        #expect(!KeyctlSecretStore.isOwnSessionKeyring(session: 42, userSession: 42))
        #expect(!KeyctlSecretStore.isOwnSessionKeyring(session: -1, userSession: 42))
        #expect(!KeyctlSecretStore.isOwnSessionKeyring(session: 41, userSession: -1))
    }

    /// The drop logic, in the user keyring (which this process possesses whatever its session keyring).
    @Test func aKeyThatDoesNotOpenTheFileIsDroppedAndReportedAsAWrongPassphrase() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cache = VaultKeyCache(lifetime: .seconds(60), keyring: .user)
        let store = FileSecretStore(
            directory: directory.path, passphrase: .fixed(SecretString(Self.passphrase)), parameters: Self.cheap)
        try await store.store(SecretString("secret"), for: .accessKey(profile: "dev"))
        let parsed = try VaultFileFormat.parse(try #require(try SecureFile.read(at: store.path)), file: store.path)
        cache.remember(.init(size: .bits256), path: store.path, salt: parsed.salt, parameters: parsed.scrypt)

        let misled = FileSecretStore(directory: directory.path, passphrase: Self.refusing, keyCache: cache)
        await #expect(throws: VaultError.wrongPassphrase(file: store.path)) {
            try await misled.read(.accessKey(profile: "dev"))
        }
        #expect(cache.key(path: store.path, salt: parsed.salt, parameters: parsed.scrypt) == nil)
        let recorder = RecordingSource(Self.passphrase)
        let retried = FileSecretStore(directory: directory.path, passphrase: recorder.source, keyCache: cache)
        #expect(try await retried.read(.accessKey(profile: "dev")) == SecretString("secret"))
        #expect(recorder.requests.withLock { $0.count } == 1)
        #expect(cache.key(path: store.path, salt: parsed.salt, parameters: parsed.scrypt) != nil)
        #expect(await VaultKeyCache.forgetAll(keyring: .user) >= 1)
        #expect(cache.key(path: store.path, salt: parsed.salt, parameters: parsed.scrypt) == nil)
    }

    @Test func keysAreBoundToThePathSaltAndParameters() throws {
        let salt = [UInt8](repeating: 7, count: 32)
        let base = try #require(VaultKeyCache.item(path: "/a/vault.keyward", salt: salt, parameters: Self.cheap))
        #expect(base.name.count == 40)
        #expect(VaultKeyCache.item(path: "/b/vault.keyward", salt: salt, parameters: Self.cheap) != base)
        #expect(
            VaultKeyCache.item(path: "/a/vault.keyward", salt: [8] + salt.dropFirst(), parameters: Self.cheap) != base)
        #expect(VaultKeyCache.item(path: "/a/vault.keyward", salt: salt, parameters: .default) != base)
    }
}

import Foundation
import KeywardSystem
import KeywardTestSupport
import Testing

@testable import KeywardVault

@Suite(
    "Vault key cache",
    .enabled(if: Backend.keyctl.skipReason == nil, Comment(rawValue: Backend.keyctl.skipReason ?? "")))
struct VaultKeyCacheTests {
    typealias RecordingSource = FileSecretStoreTests.RecordingSource
    static let cheap = FileFormatTests.cheap

    /// A source that must not be asked: the cached key should open the file.
    static let refusing = PassphraseSource { request throws(VaultError) in
        throw VaultError.passphraseUnavailable(file: request.file, reason: "asked although the key was cached")
    }

    @Test func aSecondStoreOpensTheVaultWithoutThePassphrase() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cache = VaultKeyCache(lifetime: .seconds(60))
        let creator = RecordingSource("pass phrase")
        let first = FileSecretStore(
            directory: directory.path, passphrase: creator.source, parameters: Self.cheap, keyCache: cache)
        try await first.store(SecretString("secret"), for: .accessKey(profile: "dev"))
        #expect(creator.requests.withLock { $0.count } == 1)

        let second = FileSecretStore(directory: directory.path, passphrase: Self.refusing, keyCache: cache)
        #expect(try await second.read(.accessKey(profile: "dev")) == SecretString("secret"))
        try await second.store(SecretString("other"), for: .accessKey(profile: "ops"))

        // Without the cache the passphrase is needed again.
        let uncached = FileSecretStore(directory: directory.path, passphrase: Self.refusing)
        await #expect(throws: VaultError.self) { try await uncached.read(.accessKey(profile: "dev")) }

        // The cached key is a user key of the session keyring that expires by itself.
        let file = try #require(try SecureFile.read(at: first.path))
        let parsed = try VaultFileFormat.parse(file, file: first.path)
        let item = try #require(VaultKeyCache.item(path: first.path, salt: parsed.salt, parameters: parsed.scrypt))
        let description = cache.store.keyDescription(item)
        #expect(description.hasPrefix("keyward-vault-key:session:"))
        let entry = try #require(try KeyctlSecretStoreTests.procKeysEntry(description, keyring: "@s"))
        #expect(entry[3] != "perm")
        // Possessor-only (issue 12, item 3): the uid may see it listed, but only this login session reads it.
        #expect(entry[4] == "3f010000")
        let keyctl = "/usr/bin/keyctl"
        let inside = try ChildProcess(executable: keyctl, arguments: ["print", "0x" + entry[0]], environment: [:])
            .run(timeout: .seconds(10))
        #expect(inside.succeeded, "a process of this session reads it")
        let outside = try ChildProcess(
            executable: keyctl, arguments: ["session", "-", keyctl, "print", "0x" + entry[0]], environment: [:]
        ).run(timeout: .seconds(10))
        #expect(!outside.succeeded, "a process with another session keyring read the vault key")

        cache.forget(path: first.path, salt: parsed.salt, parameters: parsed.scrypt)
        let afterForget = FileSecretStore(directory: directory.path, passphrase: Self.refusing, keyCache: cache)
        await #expect(throws: VaultError.self) { try await afterForget.read(.accessKey(profile: "dev")) }
    }

    @Test func aKeyThatDoesNotOpenTheFileIsDroppedAndReportedAsAWrongPassphrase() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let cache = VaultKeyCache(lifetime: .seconds(60))
        let store = FileSecretStore(
            directory: directory.path, passphrase: .fixed(SecretString("pass phrase")), parameters: Self.cheap)
        try await store.store(SecretString("secret"), for: .accessKey(profile: "dev"))
        let parsed = try VaultFileFormat.parse(try #require(try SecureFile.read(at: store.path)), file: store.path)
        cache.remember(.init(size: .bits256), path: store.path, salt: parsed.salt, parameters: parsed.scrypt)

        let misled = FileSecretStore(directory: directory.path, passphrase: Self.refusing, keyCache: cache)
        await #expect(throws: VaultError.wrongPassphrase(file: store.path)) {
            try await misled.read(.accessKey(profile: "dev"))
        }
        #expect(cache.key(path: store.path, salt: parsed.salt, parameters: parsed.scrypt) == nil)
        let recorder = RecordingSource("pass phrase")
        let retried = FileSecretStore(directory: directory.path, passphrase: recorder.source, keyCache: cache)
        #expect(try await retried.read(.accessKey(profile: "dev")) == SecretString("secret"))
        #expect(recorder.requests.withLock { $0.count } == 1)
        #expect(await VaultKeyCache.forgetAll() >= 1)
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

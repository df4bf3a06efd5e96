import Foundation
import KeywardSystem
import KeywardTestSupport
import Synchronization
import Testing

@testable import KeywardVault

@Suite("File secret store")
struct FileSecretStoreTests {
    static let cheap = FileFormatTests.cheap

    /// Records every passphrase request and answers with `passphrase`.
    final class RecordingSource: Sendable {
        let requests = Mutex<[PassphraseSource.Request]>([])
        let passphrase: SecretString

        init(_ passphrase: String) {
            self.passphrase = SecretString(passphrase)
        }

        var source: PassphraseSource {
            PassphraseSource { request throws(VaultError) in
                self.requests.withLock { $0.append(request) }
                return self.passphrase
            }
        }
    }

    @Test func theDefaultParametersCreateAndReopenAVault() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileSecretStore(directory: directory.path, passphrase: .fixed(SecretString("pass phrase")))
        try await store.store(SecretString("secret"), for: .accessKey(profile: "dev"))
        let bytes = try #require(try SecureFile.read(at: store.path))
        #expect(Array(bytes[18..<28]) == [1, 17, 0, 0, 0, 8, 0, 0, 0, 1])
        let reopened = FileSecretStore(directory: directory.path, passphrase: .fixed(SecretString("pass phrase")))
        #expect(try await reopened.read(.accessKey(profile: "dev")) == SecretString("secret"))
        #expect(ScryptParameters.default.memoryBytes == 128 << 20)
        #expect(ScryptParameters.default.description == "scrypt N=2^17 r=8 p=1")
    }

    @Test func aMissingVaultIsEmptyAndNeedsNoPassphrase() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let recorder = RecordingSource("unused")
        let store = FileSecretStore(
            directory: directory.appending("home"), passphrase: recorder.source, parameters: Self.cheap)
        #expect(try await store.read(.accessKey(profile: "dev")) == nil)
        #expect(try await store.list(.accessKey) == [])
        #expect(try await store.delete(.accessKey(profile: "dev")) == false)
        #expect(try store.verify() == false)
        #expect(store.fileExists == false)
        #expect(recorder.requests.withLock { $0 } == [])
        #expect(SecureFile.exists(at: directory.appending("home")) == false)
    }

    @Test func thePassphraseIsAskedOncePerStoreWithItsPurpose() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let creator = RecordingSource("pass phrase")
        let store = FileSecretStore(directory: directory.path, passphrase: creator.source, parameters: Self.cheap)
        try await store.store(SecretString("a"), for: .accessKey(profile: "a"))
        try await store.store(SecretString("b"), for: .accessKey(profile: "b"))
        _ = try await store.read(.accessKey(profile: "a"))
        let path = store.path
        #expect(creator.requests.withLock { $0 } == [.init(purpose: .create, file: path)])

        let opener = RecordingSource("pass phrase")
        let again = FileSecretStore(directory: directory.path, passphrase: opener.source, parameters: Self.cheap)
        #expect(try await again.list(.accessKey) == ["a", "b"])
        try await again.delete(.accessKey(profile: "a"))
        #expect(opener.requests.withLock { $0 } == [.init(purpose: .unlock, file: path)])
    }

    @Test func anEmptyPassphraseCreatesNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileSecretStore(
            directory: directory.path, passphrase: .fixed(SecretString("")), parameters: Self.cheap)
        await #expect(throws: VaultError.emptyPassphrase(file: store.path)) {
            try await store.store(SecretString("x"), for: .accessKey(profile: "dev"))
        }
        #expect(store.fileExists == false)
    }

    @Test func aFailingPassphraseSourceIsPassedThrough() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let source = PassphraseSource { request throws(VaultError) in
            throw .passphraseUnavailable(file: request.file, reason: "no terminal")
        }
        let store = FileSecretStore(directory: directory.path, passphrase: source, parameters: Self.cheap)
        let error = VaultError.passphraseUnavailable(file: store.path, reason: "no terminal")
        await #expect(throws: error) { try await store.store(SecretString("x"), for: .accessKey(profile: "dev")) }
        #expect(error.description == "\(store.path): no passphrase (no terminal)")
    }

    @Test func aLooseDirectoryIsTightenedTo0700() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        chmod(directory.path, 0o755)
        let store = FileSecretStore(
            directory: directory.path, passphrase: .fixed(SecretString("p")), parameters: Self.cheap)
        try await store.store(SecretString("x"), for: .accessKey(profile: "dev"))
        let mode = try FileManager.default.attributesOfItem(atPath: directory.path)[.posixPermissions] as? Int
        #expect(mode == 0o700)
    }

    @Test func concurrentStoresInOneProcessLoseNothing() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            for number in 0..<16 {
                group.addTask {
                    // Separate instances, as separate commands would have.
                    let store = FileSecretStore(
                        directory: directory.path, passphrase: .fixed(SecretString("p")), parameters: Self.cheap)
                    try await store.store(SecretString("v\(number)"), for: .accessKey(profile: "p\(number)"))
                }
            }
            try await group.waitForAll()
        }
        let store = FileSecretStore(
            directory: directory.path, passphrase: .fixed(SecretString("p")), parameters: Self.cheap)
        #expect(try await store.list(.accessKey) == VaultItem.sorted((0..<16).map { "p\($0)" }))
    }

    @Test func leftoverTemporaryFilesAreRemovedByTheNextWrite() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = FileSecretStore(
            directory: directory.path, passphrase: .fixed(SecretString("p")), parameters: Self.cheap)
        try await store.store(SecretString("x"), for: .accessKey(profile: "dev"))
        try SecureFile.writeAtomically([1, 2, 3], to: directory.appending(".vault.keyward.tmp-AbCdEf"))
        try await store.store(SecretString("y"), for: .accessKey(profile: "dev"))
        #expect(try SecureFile.entries(in: directory.path) == ["vault.keyward", "vault.keyward.lock"])
    }
}

import Crypto
import Foundation
import KeywardSystem
import KeywardTestSupport
import Testing

@testable import KeywardVault

/// Tamper and bad-input tests for the vault file: every failure is a clear error naming the file, never
/// a crash, and the file is left byte-identical.
@Suite("Vault file format")
struct FileFormatTests {
    static let cheap = ScryptParameters(log2Cost: 10, blockSize: 8, parallelism: 1)
    static let passphrase = SecretString("correct horse battery staple")

    /// A vault directory holding one small vault file (one item), and its bytes.
    struct SmallVault {
        let directory: TemporaryDirectory
        let store: FileSecretStore
        let bytes: [UInt8]

        static func make() async throws -> SmallVault {
            let directory = try TemporaryDirectory()
            let store = FileSecretStore(directory: directory.path, passphrase: .fixed(passphrase), parameters: cheap)
            try await store.store(SecretString("s"), for: .accessKey(profile: "p"))
            let bytes = try #require(try SecureFile.read(at: store.path))
            return SmallVault(directory: directory, store: store, bytes: bytes)
        }

        /// Replaces the file with `bytes`, then expects `error` from a read and from a write through a
        /// fresh store, and the file unchanged afterwards.
        func expect(
            _ bytes: [UInt8], fails error: VaultError, sourceLocation: SourceLocation = #_sourceLocation
        )
            async throws
        {
            try SecureFile.writeAtomically(bytes, to: store.path)
            let fresh = FileSecretStore(directory: directory.path, passphrase: .fixed(passphrase), parameters: cheap)
            await #expect(throws: error, sourceLocation: sourceLocation) { try await fresh.list(.accessKey) }
            await #expect(throws: error, sourceLocation: sourceLocation) {
                try await fresh.store(SecretString("new"), for: .accessKey(profile: "other"))
            }
            #expect(try SecureFile.read(at: store.path) == bytes, "file changed", sourceLocation: sourceLocation)
        }
    }

    @Test func layoutIsSelfDescribing() async throws {
        let vault = try await SmallVault.make()
        defer { vault.directory.remove() }
        let bytes = vault.bytes
        let plaintext = Array(#"{"items":[{"kind":"access-key","name":"p","secret":"s"}],"version":1}"#.utf8)
        #expect(Array(bytes[0..<8]) == Array("KEYWARDV".utf8))
        #expect(Array(bytes[8..<10]) == [0, 1])
        #expect(bytes.count == 75 + plaintext.count + 16 + 32)
        let total = UInt32(bytes.count)
        #expect(Array(bytes[10..<14]) == withUnsafeBytes(of: total.bigEndian) { Array($0) })
        #expect(Array(bytes[14..<18]) == withUnsafeBytes(of: (~total).bigEndian) { Array($0) })
        #expect(Array(bytes[18..<29]) == [1, 10, 0, 0, 0, 8, 0, 0, 0, 1, 32])
        #expect(Array(bytes[61..<63]) == [1, 12])
        #expect(Array(bytes[(bytes.count - 32)...]) == Array(SHA256.hash(data: bytes[0..<(bytes.count - 32)])))
        let parsed = try VaultFileFormat.parse(bytes, file: "f")
        let key = try VaultFileFormat.deriveKey(
            passphrase: Self.passphrase.utf8Bytes, salt: parsed.salt, parameters: Self.cheap, file: "f")
        #expect(try VaultFileFormat.open(parsed, key: key, file: "f") == plaintext)
    }

    @Test func filesArePrivateAndTheDirectoryToo() async throws {
        let vault = try await SmallVault.make()
        defer { vault.directory.remove() }
        let fileMode = try FileManager.default.attributesOfItem(atPath: vault.store.path)[.posixPermissions] as? Int
        let lockMode =
            try FileManager.default.attributesOfItem(atPath: vault.store.path + ".lock")[.posixPermissions]
            as? Int
        let directoryMode =
            try FileManager.default.attributesOfItem(atPath: vault.directory.path)[.posixPermissions]
            as? Int
        #expect(fileMode == 0o600)
        #expect(lockMode == 0o600)
        #expect(directoryMode == 0o700)
    }

    @Test func wrongPassphraseLeavesTheFileByteIdentical() async throws {
        let vault = try await SmallVault.make()
        defer { vault.directory.remove() }
        let wrong = FileSecretStore(
            directory: vault.directory.path, passphrase: .fixed(SecretString("Tr0ub4dor&3")), parameters: Self.cheap)
        let error = VaultError.wrongPassphrase(file: vault.store.path)
        await #expect(throws: error) { try await wrong.read(.accessKey(profile: "p")) }
        await #expect(throws: error) { try await wrong.store(SecretString("x"), for: .accessKey(profile: "q")) }
        await #expect(throws: error) { try await wrong.delete(.accessKey(profile: "p")) }
        #expect(try SecureFile.read(at: vault.store.path) == vault.bytes)
        #expect(error.description == "\(vault.store.path): wrong passphrase")
    }

    @Test func truncationAtEveryLengthIsReportedAsTruncation() async throws {
        let vault = try await SmallVault.make()
        defer { vault.directory.remove() }
        let full = vault.bytes.count
        for length in 0..<full {
            let expected = length < 18 ? nil : full
            try await vault.expect(
                Array(vault.bytes[0..<length]),
                fails: .truncated(file: vault.store.path, size: length, expected: expected))
        }
        #expect(
            VaultError.truncated(file: "/v", size: 100, expected: 223).description
                == "/v: file is truncated (100 of 223 bytes)")
        #expect(
            VaultError.truncated(file: "/v", size: 3, expected: nil).description == "/v: file is truncated (3 bytes)")
    }

    @Test(arguments: [0xFF, 0x01, 0x80] as [UInt8])
    func everyFlippedByteIsReported(mask: UInt8) async throws {
        let vault = try await SmallVault.make()
        defer { vault.directory.remove() }
        let path = vault.store.path
        for offset in vault.bytes.indices {
            var flipped = vault.bytes
            flipped[offset] ^= mask
            let expected: VaultError
            switch offset {
            case 0..<8: expected = .notAVaultFile(file: path)
            case 10..<18: expected = .damaged(file: path, reason: "inconsistent length field")
            default: expected = .damaged(file: path, reason: "checksum mismatch")
            }
            try await vault.expect(flipped, fails: expected)
        }
    }

    @Test func appendedBytesAreDamage() async throws {
        let vault = try await SmallVault.make()
        defer { vault.directory.remove() }
        try await vault.expect(
            vault.bytes + [0], fails: .damaged(file: vault.store.path, reason: "1 bytes after the end"))
    }

    @Test func otherFilesAreNotVaults() async throws {
        let vault = try await SmallVault.make()
        defer { vault.directory.remove() }
        try await vault.expect(
            Array("[default]\naws_access_key_id = AKIA\n".utf8), fails: .notAVaultFile(file: vault.store.path))
        try await vault.expect(Array("KEYW".utf8), fails: .truncated(file: vault.store.path, size: 4, expected: nil))
    }

    @Test func newerFormatVersionIsNamed() async throws {
        let vault = try await SmallVault.make()
        defer { vault.directory.remove() }
        let newer = Self.resealed(vault.bytes) { $0[9] = 2 }
        try await vault.expect(newer, fails: .newerFormat(file: vault.store.path, version: 2, supported: 1))
        #expect(
            VaultError.newerFormat(file: "/v", version: 2, supported: 1).description
                == "/v: written by a newer Keyward (format version 2, this one reads 1)")
    }

    @Test func parametersOutsideTheAcceptedRangeAreRefusedBeforeDerivingAKey() async throws {
        let vault = try await SmallVault.make()
        defer { vault.directory.remove() }
        let path = vault.store.path
        try await vault.expect(
            Self.resealed(vault.bytes) { $0[19] = 40 },
            fails: .unsupportedParameters(file: path, reason: "scrypt log2(N) = 40 is outside 10...20"))
        try await vault.expect(
            Self.resealed(vault.bytes) { $0[23] = 200 },
            fails: .unsupportedParameters(file: path, reason: "scrypt r = 200 is outside 1...32"))
        try await vault.expect(
            Self.resealed(vault.bytes) { $0[18] = 2 },
            fails: .unsupportedParameters(file: path, reason: "key derivation 2"))
        try await vault.expect(
            Self.resealed(vault.bytes) { $0[61] = 9 }, fails: .unsupportedParameters(file: path, reason: "cipher 9"))
    }

    @Test func aChangedHeaderWithARecomputedChecksumFailsAuthentication() async throws {
        // Only the GCM tag stops deliberate tampering: the header is its associated data.
        let vault = try await SmallVault.make()
        defer { vault.directory.remove() }
        let tampered = Self.resealed(vault.bytes) { $0[70] ^= 1 }  // a nonce byte
        try await vault.expect(tampered, fails: .wrongPassphrase(file: vault.store.path))
    }

    /// `bytes` changed by `edit`, with the envelope's checksum recomputed.
    static func resealed(_ bytes: [UInt8], _ edit: (inout [UInt8]) -> Void) -> [UInt8] {
        var body = Array(bytes[0..<(bytes.count - 32)])
        edit(&body)
        return body + Array(SHA256.hash(data: body))
    }
}

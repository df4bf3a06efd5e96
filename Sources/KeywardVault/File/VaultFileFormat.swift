import Crypto
import CryptoExtras
import FoundationEssentials

/// The on-disk format of the vault file, version 1. All integers are big-endian.
///
/// The envelope, the same in every version, so any Keyward can tell damage from a newer format:
/// ```
/// offset  size  field
///      0     8  magic "KEYWARDV"
///      8     2  format version (1)
///     10     4  total file length in bytes
///     14     4  the total length with every bit inverted (a flipped length is damage, not truncation)
///    ...        version-specific fields
///   n-32    32  SHA-256 of bytes 0 ..< n-32
/// ```
/// Version 1, after the envelope's first 18 bytes:
/// ```
///     18     1  key derivation: 1 = scrypt
///     19     1  scrypt log2(N)
///     20     4  scrypt r
///     24     4  scrypt p
///     28     1  salt length (32)
///     29    32  salt
///     61     1  cipher: 1 = AES-256-GCM
///     62     1  nonce length (12)
///     63    12  nonce
///     75     …  ciphertext of the contents (UTF-8 JSON, see `VaultContents`)
///   n-48    16  GCM tag
///   n-32    32  SHA-256 (the envelope's checksum)
/// ```
/// Bytes 0 ..< 75, the header, are the GCM associated data, so no parameter can be changed without
/// failing authentication. The unkeyed checksum lets a damaged or truncated file be reported as such
/// instead of as a wrong passphrase; only the GCM tag protects against deliberate tampering.
enum VaultFileFormat {
    static let magic: [UInt8] = Array("KEYWARDV".utf8)
    static let currentVersion = 1
    static let envelopePrefixLength = 18
    static let checksumLength = 32
    static let headerLength = 75
    static let tagLength = 16
    static let saltLength = 32
    static let nonceLength = 12
    static let scryptIdentifier: UInt8 = 1
    static let aesGCMIdentifier: UInt8 = 1

    /// A file whose envelope and version-1 header have been checked, ready for decryption.
    struct Parsed {
        var scrypt: ScryptParameters
        var salt: [UInt8]
        var nonce: [UInt8]
        var header: ArraySlice<UInt8>
        var ciphertext: ArraySlice<UInt8>
        var tag: ArraySlice<UInt8>
    }

    /// Derives the 256-bit file key from a passphrase.
    static func deriveKey(
        passphrase: [UInt8], salt: [UInt8], parameters: ScryptParameters, file: String
    ) throws(VaultError) -> SymmetricKey {
        if let problem = parameters.problem { throw .unsupportedParameters(file: file, reason: problem) }
        // Callers never pass an empty passphrase: BoringSSL's wrapper needs a non-empty buffer.
        precondition(!passphrase.isEmpty && !salt.isEmpty, "scrypt needs a passphrase and a salt")
        do {
            return try KDF.Scrypt.deriveKey(
                from: passphrase, salt: salt, outputByteCount: 32, rounds: 1 << Int(parameters.log2Cost),
                blockSize: Int(parameters.blockSize), parallelism: Int(parameters.parallelism))
        } catch {
            throw .unsupportedParameters(file: file, reason: "scrypt refused \(parameters)")
        }
    }

    /// Encrypts `plaintext` into a complete version-1 file with a fresh random nonce.
    static func seal(
        _ plaintext: [UInt8], key: SymmetricKey, parameters: ScryptParameters, salt: [UInt8]
    ) throws -> [UInt8] {
        let nonce = AES.GCM.Nonce()
        let total = headerLength + plaintext.count + tagLength + checksumLength
        var header = magic
        header += bigEndian(UInt16(currentVersion))
        header += bigEndian(UInt32(total))
        header += bigEndian(~UInt32(total))
        header += [scryptIdentifier, parameters.log2Cost]
        header += bigEndian(parameters.blockSize) + bigEndian(parameters.parallelism)
        header += [UInt8(salt.count)] + salt
        header += [aesGCMIdentifier, UInt8(nonceLength)] + Array(nonce)
        let box = try AES.GCM.seal(plaintext, using: key, nonce: nonce, authenticating: header)
        var file = header + Array(box.ciphertext) + Array(box.tag)
        file += Array(SHA256.hash(data: file))
        return file
    }

    /// Checks the envelope and the version-1 header, in an order that names each failure precisely.
    static func parse(_ bytes: [UInt8], file: String) throws(VaultError) -> Parsed {
        let size = bytes.count
        if size < magic.count {
            if bytes[...] == magic[0..<size] { throw .truncated(file: file, size: size, expected: nil) }
            throw .notAVaultFile(file: file)
        }
        if Array(bytes[0..<magic.count]) != magic { throw .notAVaultFile(file: file) }
        if size < envelopePrefixLength { throw .truncated(file: file, size: size, expected: nil) }
        let declared = Int(readUInt32(bytes, at: 10))
        if UInt32(declared) != ~readUInt32(bytes, at: 14) {
            throw .damaged(file: file, reason: "inconsistent length field")
        }
        if declared < envelopePrefixLength + checksumLength {
            throw .damaged(file: file, reason: "length field too small")
        }
        if size < declared { throw .truncated(file: file, size: size, expected: declared) }
        if size > declared { throw .damaged(file: file, reason: "\(size - declared) bytes after the end") }
        let body = bytes[0..<(size - checksumLength)]
        if Array(SHA256.hash(data: body)) != Array(bytes[(size - checksumLength)...]) {
            throw .damaged(file: file, reason: "checksum mismatch")
        }
        let version = Int(readUInt16(bytes, at: 8))
        if version > currentVersion {
            throw .newerFormat(file: file, version: version, supported: currentVersion)
        }
        if version != currentVersion { throw .damaged(file: file, reason: "unknown format version \(version)") }
        return try parseVersion1(bytes, file: file)
    }

    private static func parseVersion1(_ bytes: [UInt8], file: String) throws(VaultError) -> Parsed {
        let size = bytes.count
        if size < headerLength + tagLength + checksumLength {
            throw .damaged(file: file, reason: "too short for format version 1")
        }
        if bytes[18] != scryptIdentifier {
            throw .unsupportedParameters(file: file, reason: "key derivation \(bytes[18])")
        }
        let parameters = ScryptParameters(
            log2Cost: bytes[19], blockSize: readUInt32(bytes, at: 20), parallelism: readUInt32(bytes, at: 24))
        if let problem = parameters.problem { throw .unsupportedParameters(file: file, reason: problem) }
        if Int(bytes[28]) != saltLength {
            throw .unsupportedParameters(file: file, reason: "salt length \(bytes[28])")
        }
        if bytes[61] != aesGCMIdentifier {
            throw .unsupportedParameters(file: file, reason: "cipher \(bytes[61])")
        }
        if Int(bytes[62]) != nonceLength {
            throw .unsupportedParameters(file: file, reason: "nonce length \(bytes[62])")
        }
        let tagStart = size - checksumLength - tagLength
        return Parsed(
            scrypt: parameters, salt: Array(bytes[29..<61]), nonce: Array(bytes[63..<75]),
            header: bytes[0..<headerLength], ciphertext: bytes[headerLength..<tagStart],
            tag: bytes[tagStart..<(size - checksumLength)])
    }

    /// Decrypts a parsed file; a failed authentication means a wrong key, since the checksum matched.
    static func open(_ parsed: Parsed, key: SymmetricKey, file: String) throws(VaultError) -> [UInt8] {
        do {
            let box = try AES.GCM.SealedBox(
                nonce: AES.GCM.Nonce(data: parsed.nonce), ciphertext: parsed.ciphertext, tag: parsed.tag)
            return Array(try AES.GCM.open(box, using: key, authenticating: parsed.header))
        } catch {
            throw .wrongPassphrase(file: file)
        }
    }

    private static func bigEndian<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value.bigEndian) { Array($0) }
    }

    private static func readUInt16(_ bytes: [UInt8], at offset: Int) -> UInt16 {
        UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
    }

    private static func readUInt32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(bytes[offset + $1]) }
    }
}

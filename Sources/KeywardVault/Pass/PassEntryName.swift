/// The encoding of item names as `pass` entry paths: readable, but never a hidden file or `..`, and never a
/// file name over the 255 bytes Linux file systems allow.
///
/// A name's own `/` and `%` are percent-encoded, so every `/` in the encoded path is a chunk boundary: a name
/// whose encoding is longer than `chunkLimit` bytes is split, at character boundaries, into directories
/// (`keyward/access-key/FIRST-200-BYTES/REST.gpg`), so profile names of any length work (issue 21, item 6).
/// Names up to the limit encode as they always did.
enum PassEntryName {
    /// The longest chunk in bytes; the last gets `.gpg` appended, and 255 is the file-name limit.
    static let chunkLimit = 200

    static func encode(_ name: String) -> String {
        var chunks: [[UInt8]] = [[]]
        for scalar in name.unicodeScalars {
            var encoded = Array(String(scalar).utf8)
            func escaped(atChunkStart: Bool) -> [UInt8] {
                guard encoded.count == 1, let byte = encoded.first else { return encoded }
                if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "%") || (atChunkStart && byte == UInt8(ascii: "."))
                {
                    return Array("%\(hex(byte))".utf8)
                }
                return encoded
            }
            var piece = escaped(atChunkStart: chunks[chunks.count - 1].isEmpty)
            if chunks[chunks.count - 1].count + piece.count > chunkLimit {
                chunks.append([])
                piece = escaped(atChunkStart: true)
            }
            encoded = piece
            chunks[chunks.count - 1] += encoded
        }
        return chunks.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "/")
    }

    /// The name of an entry path relative to `keyward/KIND/` (chunks joined), or `nil` if it is no encoding.
    static func decode(_ path: String) -> String? {
        let component = path.split(separator: "/", omittingEmptySubsequences: false).joined()
        var bytes: [UInt8] = []
        var iterator = Array(component.utf8).makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                return nil
            }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }
}

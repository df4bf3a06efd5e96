/// A growing buffer of JSON text with correct string escaping. Used for answers and fragments.
struct JSONText {
    var bytes: [UInt8] = []

    private static let hex = Array("0123456789abcdef".utf8)

    mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    mutating func raw(_ piece: [UInt8]) {
        bytes.append(contentsOf: piece)
    }

    mutating func string(_ text: String) {
        var text = text
        text.withUTF8 { string(utf8: $0) }
    }

    /// Appends `"..."` with quotes, backslashes and control characters escaped.
    mutating func string(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(0x22)
        for byte in utf8 {
            switch byte {
            case 0x22:
                bytes.append(0x5C)
                bytes.append(0x22)
            case 0x5C:
                bytes.append(0x5C)
                bytes.append(0x5C)
            case 0x0A:
                bytes.append(0x5C)
                bytes.append(0x6E)
            case 0x0D:
                bytes.append(0x5C)
                bytes.append(0x72)
            case 0x09:
                bytes.append(0x5C)
                bytes.append(0x74)
            case 0..<0x20:
                bytes.append(contentsOf: [
                    0x5C, 0x75, 0x30, 0x30, JSONText.hex[Int(byte >> 4)], JSONText.hex[Int(byte & 0xF)],
                ])
            default:
                bytes.append(byte)
            }
        }
        bytes.append(0x22)
    }

    /// A JSON string literal for `text`, as a Swift string.
    static func quoted(_ text: String) -> String {
        var json = JSONText()
        json.string(text)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}

/// The extent of one JSON value in a policy file, for Access Analyzer-style `locations` and SARIF regions.
public struct SourceSpan: Sendable, Equatable {
    /// Byte offset of the value's first character (0-based).
    public var start: Int
    /// Byte offset just past its last character.
    public var end: Int

    /// The span of the JSON value (string, number, literal, object or array) starting at `location`.
    ///
    /// - Parameters:
    ///   - location: where the value starts (one-based line and byte column).
    ///   - bytes: the file.
    /// - Returns: the span, or `nil` when the location lies outside the file.
    public static func of(_ location: SourceLocation, in bytes: [UInt8]) -> SourceSpan? {
        var line = 1
        var index = 0
        while line < location.line, index < bytes.count {
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
        let start = index + location.column - 1
        guard line == location.line, start >= 0, start <= bytes.count else { return nil }
        return SourceSpan(start: start, end: valueEnd(from: start, in: bytes))
    }

    /// Where the JSON value at `start` ends; scanning stops at the end of the file for broken input.
    static func valueEnd(from start: Int, in bytes: [UInt8]) -> Int {
        guard start < bytes.count else { return start }
        var index = start
        switch bytes[index] {
        case UInt8(ascii: "\""):
            index += 1
            while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
                index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
            }
            return min(index + 1, bytes.count)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            var inString = false
            while index < bytes.count {
                let byte = bytes[index]
                if inString {
                    if byte == UInt8(ascii: "\\") {
                        index += 1
                    } else if byte == UInt8(ascii: "\"") {
                        inString = false
                    }
                } else if byte == UInt8(ascii: "\"") {
                    inString = true
                } else if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    depth -= 1
                    if depth == 0 { return index + 1 }
                }
                index += 1
            }
            return bytes.count
        default:
            while index < bytes.count,
                ![UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09]
                    .contains(bytes[index])
            {
                index += 1
            }
            return index
        }
    }
}

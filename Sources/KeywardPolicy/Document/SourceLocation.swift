/// A one-based line and column in a source text.
public struct SourceLocation: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// One-based line number.
    public var line: Int
    /// One-based column, counted in bytes.
    public var column: Int

    /// Creates a location.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    /// `line:column`.
    public var description: String { "\(line):\(column)" }

    /// The location of a byte offset within `source`.
    ///
    /// - Parameters:
    ///   - offset: a byte offset; values past the end are clamped to the end.
    ///   - source: the UTF-8 bytes the offset points into.
    /// - Returns: the one-based line and column of that byte.
    public static func of(offset: Int, in source: [UInt8]) -> SourceLocation {
        var line = 1
        var lineStart = 0
        let end = min(max(offset, 0), source.count)
        var index = 0
        while index < end {
            if source[index] == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
            }
            index += 1
        }
        return SourceLocation(line: line, column: end - lineStart + 1)
    }
}

/// One physical line of a config file, kept byte for byte so the file can be written back unchanged.
///
/// Lines end where Python's universal newlines end them (`\n`, `\r\n` or a lone `\r`), which is how the
/// AWS CLI numbers lines; `terminator` is empty only for a last line without a line break.
struct RawLine: Sendable, Equatable {
    /// The line without its terminator.
    var content: Substring
    /// `"\n"`, `"\r\n"`, `"\r"` or `""`.
    var terminator: Substring
    /// What the parser made of the line.
    var role: Role

    /// What a line is to the parser.
    enum Role: Sendable, Equatable {
        /// Empty or only whitespace.
        case blank
        /// A whole-line comment (`#` or `;` after optional whitespace).
        case comment
        /// A `[section]` header.
        case header(section: Int)
        /// A `key = value` line; `layout` locates the parts for in-place rewrites.
        case entry(section: Int, entry: Int, layout: EntryLayout)
        /// An indented line continuing the value of an entry.
        case continuation(section: Int, entry: Int)
        /// A line the parser rejected (only seen while parsing; such files are refused).
        case malformed
    }

    /// Where the parts of a `key = value` line sit in `content`.
    struct EntryLayout: Sendable, Equatable {
        /// The delimiter (`=` or `:`).
        var delimiter: String.Index
        /// The value, without surrounding whitespace (empty range for an empty value).
        var value: Range<String.Index>
        /// Whether whitespace separates the key from the delimiter (`key = v` rather than `key=v`).
        var spacedDelimiter: Bool
    }

    /// The line as it appears in the file.
    var raw: Substring {
        content.base[content.startIndex..<terminator.endIndex]
    }

    /// Splits text into physical lines the way Python's universal newlines do.
    static func split(_ text: String) -> [RawLine] {
        var lines: [RawLine] = []
        let utf8 = text.utf8
        var lineStart = utf8.startIndex
        var index = utf8.startIndex
        while index < utf8.endIndex {
            let byte = utf8[index]
            guard byte == 0x0A || byte == 0x0D else {
                index = utf8.index(after: index)
                continue
            }
            var next = utf8.index(after: index)
            if byte == 0x0D, next < utf8.endIndex, utf8[next] == 0x0A { next = utf8.index(after: next) }
            lines.append(RawLine(content: text[lineStart..<index], terminator: text[index..<next], role: .blank))
            lineStart = next
            index = next
        }
        if lineStart < utf8.endIndex {
            lines.append(
                RawLine(content: text[lineStart..<utf8.endIndex], terminator: text[utf8.endIndex...], role: .blank))
        }
        return lines
    }
}

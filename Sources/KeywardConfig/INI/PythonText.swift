/// The few text rules of Python's `str` that decide how botocore (through `configparser`) reads a file.
///
/// The AWS CLI is Python: it strips lines with `str.strip()`, splits options with regular expressions whose
/// `\s` is `str.isspace()`, reads files with universal newlines and splits nested blocks with
/// `str.splitlines()`. Matching those rules exactly is what makes Keyward read a file the way the CLI does.
enum PythonText {
    /// `str.isspace()` for one scalar (Unicode 14, as in Python 3.11).
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F,
            0x3000:
            return true
        default:
            return false
        }
    }

    /// The break characters of `str.splitlines()` (besides `\r\n`, which counts once).
    static func isSplitLinesBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x1C...0x1E, 0x85, 0x2028, 0x2029:
            return true
        default:
            return false
        }
    }

    /// `str.strip()`: the text without leading and trailing whitespace.
    static func strip(_ text: Substring) -> Substring {
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start {
            let before = scalars.index(before: end)
            guard isSpace(scalars[before]) else { break }
            end = before
        }
        return text[start..<end]
    }

    /// `str.strip()` for a whole string.
    static func strip(_ text: String) -> String {
        String(strip(text[...]))
    }

    /// The number of leading whitespace scalars (Python's index of the first non-space character).
    static func indentation(_ text: Substring) -> Int {
        var count = 0
        for scalar in text.unicodeScalars {
            guard isSpace(scalar) else { break }
            count += 1
        }
        return count
    }

    /// `str.splitlines()` on text.
    static func splitLines(_ text: Substring) -> [Substring] {
        var lines: [Substring] = []
        let scalars = text.unicodeScalars
        var lineStart = scalars.startIndex
        var index = scalars.startIndex
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard isSplitLinesBreak(scalar) else {
                index = scalars.index(after: index)
                continue
            }
            lines.append(text[lineStart..<index])
            var next = scalars.index(after: index)
            if scalar == "\r", next < scalars.endIndex, scalars[next] == "\n" { next = scalars.index(after: next) }
            lineStart = next
            index = next
        }
        if lineStart < scalars.endIndex { lines.append(text[lineStart..<scalars.endIndex]) }
        return lines
    }
}

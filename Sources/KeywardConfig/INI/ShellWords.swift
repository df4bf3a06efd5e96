/// Python's `shlex.split` (POSIX mode, no comments), which botocore uses to split `[profile NAME]` headers.
///
/// Words are separated by space, tab, CR or LF; `'...'` quotes literally, `"..."` quotes with `\` escaping
/// `"` and `\`, and `\` outside quotes escapes the next character. So `[profile "my dev"]` names the
/// profile `my dev`, while `[profile my dev]` has three words and botocore ignores the section.
enum ShellWords {
    private enum State {
        case between
        case word
        case singleQuoted
        case doubleQuoted
        case escaped
        case escapedInDoubleQuotes
    }

    /// Splits text into words.
    /// - Returns: the words, or `nil` where `shlex.split` raises (an unclosed quote or a trailing `\`).
    static func split(_ text: String) -> [String]? {
        var words: [String] = []
        var word = String.UnicodeScalarView()
        var state = State.between
        for scalar in text.unicodeScalars {
            switch state {
            case .between, .word:
                switch scalar {
                case " ", "\t", "\r", "\n":
                    if state == .word { words.append(String(word)) }
                    word = String.UnicodeScalarView()
                    state = .between
                case "\\": state = .escaped
                case "'": state = .singleQuoted
                case "\"": state = .doubleQuoted
                default:
                    word.append(scalar)
                    state = .word
                }
            case .singleQuoted:
                if scalar == "'" { state = .word } else { word.append(scalar) }
            case .doubleQuoted:
                switch scalar {
                case "\"": state = .word
                case "\\": state = .escapedInDoubleQuotes
                default: word.append(scalar)
                }
            case .escaped:
                word.append(scalar)
                state = .word
            case .escapedInDoubleQuotes:
                if scalar != "\"" && scalar != "\\" { word.append("\\") }
                word.append(scalar)
                state = .doubleQuoted
            }
        }
        switch state {
        case .between: return words
        case .word: return words + [String(word)]
        case .singleQuoted, .doubleQuoted, .escaped, .escapedInDoubleQuotes: return nil
        }
    }
}

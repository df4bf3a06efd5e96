/// A pattern or value as written in a policy, split into literal text, wildcards and policy variables.
///
/// Rules (IAM User Guide, "IAM policy elements: Variables and tags"): in a 2012-10-17 policy `${key}` is
/// replaced by the request's value for `key` (matched case-insensitively), `${key, 'default'}` falls back to
/// `default` when the key is missing, and `${*}`, `${?}`, `${$}` stand for a literal `*`, `?`, `$`. A
/// substituted value is literal text: a `*` inside a tag value is not a wildcard. In a 2008-10-17 policy
/// (or one without `Version`) `${...}` is plain text.
struct PatternTemplate: Sendable, Equatable {
    /// One piece of a template.
    enum Piece: Sendable, Equatable {
        case literal([UInt8])
        case star
        case question
        case variable(key: String, defaultValue: [UInt8]?)
    }

    /// The pieces in order; adjacent literals are merged.
    var pieces: [Piece]
    /// Problems found while parsing (e.g. an unterminated `${`), for validation.
    var problems: [String]

    /// Whether any piece is a variable.
    var hasVariables: Bool {
        pieces.contains { if case .variable = $0 { return true } else { return false } }
    }

    /// Whether any piece is a wildcard.
    var hasWildcards: Bool {
        pieces.contains { $0 == .star || $0 == .question }
    }

    /// Parses a template.
    ///
    /// - Parameters:
    ///   - text: the pattern or value as written.
    ///   - variables: whether `${...}` is a policy variable (2012-10-17).
    ///   - wildcards: whether `*` and `?` are wildcards (patterns, `StringLike`, `ArnLike`) or literal.
    init(_ text: String, variables: Bool, wildcards: Bool) {
        var pieces: [Piece] = []
        var problems: [String] = []
        var literal: [UInt8] = []
        let bytes = Array(text.utf8)
        var index = 0
        func flush() {
            if !literal.isEmpty {
                pieces.append(.literal(literal))
                literal.removeAll()
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if variables, byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{") {
                guard let close = bytes[(index + 2)...].firstIndex(of: UInt8(ascii: "}")) else {
                    problems.append(
                        "unterminated policy variable \"\(String(decoding: bytes[index...], as: UTF8.self))\"")
                    literal.append(contentsOf: bytes[index...])
                    break
                }
                let inner = Array(bytes[(index + 2)..<close])
                index = close + 1
                if inner == [UInt8(ascii: "*")] || inner == [UInt8(ascii: "?")] || inner == [UInt8(ascii: "$")] {
                    literal.append(inner[0])
                    continue
                }
                if let variable = PatternTemplate.parseVariable(inner) {
                    flush()
                    pieces.append(variable)
                } else {
                    problems.append("malformed policy variable \"${\(String(decoding: inner, as: UTF8.self))}\"")
                    literal.append(contentsOf: Array("${".utf8) + inner + [UInt8(ascii: "}")])
                }
                continue
            }
            if wildcards, byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") {
                flush()
                pieces.append(byte == UInt8(ascii: "*") ? .star : .question)
            } else {
                literal.append(byte)
            }
            index += 1
        }
        flush()
        self.pieces = pieces
        self.problems = problems
    }

    /// `key` or `key, 'default'` (spaces around the comma allowed, `''` is a quote inside the default).
    private static func parseVariable(_ inner: [UInt8]) -> Piece? {
        let text = String(decoding: inner, as: UTF8.self)
        guard let comma = text.firstIndex(of: ",") else {
            let key = text.trimmingSpaces()
            return key.isEmpty || key.contains(" ") ? nil : .variable(key: key, defaultValue: nil)
        }
        let key = String(text[..<comma]).trimmingSpaces()
        let rest = String(text[text.index(after: comma)...]).trimmingSpaces()
        guard !key.isEmpty, rest.count >= 2, rest.hasPrefix("'"), rest.hasSuffix("'") else { return nil }
        let body = Array(rest.utf8.dropFirst().dropLast())
        var value: [UInt8] = []
        var index = 0
        while index < body.count {
            if body[index] == UInt8(ascii: "'") {
                guard index + 1 < body.count, body[index + 1] == UInt8(ascii: "'") else { return nil }
                index += 1
            }
            value.append(body[index])
            index += 1
        }
        return .variable(key: key, defaultValue: value)
    }
}

extension String {
    /// The string without leading and trailing ASCII spaces.
    func trimmingSpaces() -> String {
        var scalars = Substring(self)
        while scalars.first == " " { scalars = scalars.dropFirst() }
        while scalars.last == " " { scalars = scalars.dropLast() }
        return String(scalars)
    }
}

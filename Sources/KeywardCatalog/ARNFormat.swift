/// A resource type's ARN format from the Service Authorization Reference, e.g.
/// `arn:${Partition}:s3:::${BucketName}/${ObjectName}`, and the question the linter asks of it: can a policy's
/// `Resource` value, with its own wildcards and policy variables, name a resource of this shape?
///
/// Both sides are patterns, so the answer is whether some ARN matches both. A placeholder in the partition,
/// service, region or account field stands for text without `:`. In the resource part it stands for text
/// without `/` (a bucket name has none, so `arn:aws:s3:::reports/*` is not a bucket), except for a last
/// placeholder after a `/`, which may hold more of them (object keys, IAM paths: `user/${UserNameWithPath}`).
public struct ARNFormat: Sendable, Equatable {
    /// Formats are equal when their text is.
    public static func == (lhs: ARNFormat, rhs: ARNFormat) -> Bool { lhs.format == rhs.format }

    /// The format as the reference prints it.
    public let format: String

    /// The format's tokens, whole and per field (partition, service, region, account, resource; a field that
    /// is one placeholder is `nil`, matching any field).
    let whole: [Token]
    let fields: [[Token]?]?

    /// Creates a format.
    public init(_ format: String) {
        self.format = format
        whole = Self.formatTokens(format)
        let parts = format.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        if parts.count == 6 {
            fields = parts.enumerated().map { index, field in
                if index == 5 { return Self.formatTokens(String(field), inResource: true) }
                let placeholder = field.hasPrefix("${") && field.hasSuffix("}") && !field.dropFirst(2).contains("$")
                return placeholder ? nil : Self.patternTokens(String(field))
            }
        } else {
            fields = nil
        }
    }

    /// Whether some ARN matches both this format and `pattern`.
    ///
    /// - Parameter pattern: a `Resource` value: `*` and `?` are wildcards, `${...}` a policy variable (any text).
    /// - Returns: `true` when the two can name the same resource.
    public func overlaps(_ pattern: String) -> Bool {
        overlaps(Pattern(pattern))
    }

    /// A `Resource` value split and tokenized once, to be compared with many formats.
    public struct Pattern: Sendable {
        let whole: [Token]
        /// Partition, service, region and account tokens and the resource part's, when the first five fields
        /// hold neither `*` nor a variable (so no part of the pattern can stand for a colon).
        let fields: [[Token]]?

        /// Prepares a `Resource` value.
        public init(_ pattern: String) {
            whole = ARNFormat.patternTokens(pattern)
            let parts = pattern.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
            // A field that is only `*` is taken as one field ("arn:aws:ec2:*:*:instance/*"): reading it as
            // several would need a format whose fields shift into its resource part, which none has.
            if parts.count == 6, !parts[0..<5].contains(where: { $0 != "*" && ($0.contains("*") || $0.contains("$")) })
            {
                fields = parts.map { ARNFormat.patternTokens(String($0)) }
            } else {
                fields = nil
            }
        }
    }

    /// ``overlaps(_:)`` for a prepared pattern.
    public func overlaps(_ pattern: Pattern) -> Bool {
        // Fast path (exact, see ``Pattern``): partition, service, region and account field by field, the resource
        // parts' leading text, then the full comparison on the resource parts alone. The linter asks this for a
        // resource against every type of an action's service (80 for ec2).
        guard let patternFields = pattern.fields, let formatFields = fields, let formatResource = formatFields[5]
        else { return Self.intersect(whole, pattern.whole) }
        for index in 0..<5 {
            if let field = formatFields[index], !Self.intersect(field, patternFields[index]) { return false }
        }
        for (a, b) in zip(formatResource, patternFields[5]) {
            guard case .byte(let x) = a, case .byte(let y) = b else { break }
            if x != y { return false }
        }
        return Self.intersect(formatResource, patternFields[5])
    }

    enum Token: Equatable, Sendable {
        case byte(UInt8)
        case one
        /// Any run of bytes not containing `forbidden` (when set).
        case any(forbidden: UInt8?)
    }

    /// - Parameter inResource: the text is the resource part alone (after the fifth colon).
    static func formatTokens(_ format: String, inResource: Bool = false) -> [Token] {
        let bytes = Array(format.utf8)
        var tokens: [Token] = []
        var colons = inResource ? 5 : 0
        var slashInResource = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                let close = bytes[index...].firstIndex(of: UInt8(ascii: "}"))
            {
                let last = close == bytes.count - 1
                let forbidden: UInt8? =
                    colons < 5 ? UInt8(ascii: ":") : (last && slashInResource ? nil : UInt8(ascii: "/"))
                tokens.append(.any(forbidden: forbidden))
                index = close + 1
                continue
            }
            if byte == UInt8(ascii: ":") { colons += 1 }
            if colons >= 5, byte == UInt8(ascii: "/") { slashInResource = true }
            tokens.append(.byte(byte))
            index += 1
        }
        return tokens
    }

    static func patternTokens(_ pattern: String) -> [Token] {
        let bytes = Array(pattern.utf8)
        var tokens: [Token] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "$"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "{"),
                let close = bytes[index...].firstIndex(of: UInt8(ascii: "}"))
            {
                tokens.append(.any(forbidden: nil))
                index = close + 1
                continue
            }
            switch byte {
            case UInt8(ascii: "*"): tokens.append(.any(forbidden: nil))
            case UInt8(ascii: "?"): tokens.append(.one)
            default: tokens.append(.byte(byte))
            }
            index += 1
        }
        return tokens
    }

    /// Whether some string matches both token lists: dynamic programming over suffixes, O(n·m).
    static func intersect(_ a: [Token], _ b: [Token]) -> Bool {
        let width = b.count + 1
        var table = [Bool](repeating: false, count: (a.count + 1) * width)
        func at(_ i: Int, _ j: Int) -> Bool { table[i * width + j] }
        for i in stride(from: a.count, through: 0, by: -1) {
            for j in stride(from: b.count, through: 0, by: -1) {
                let result: Bool
                if i == a.count, j == b.count {
                    result = true
                } else if i < a.count, case .any(let forbidden) = a[i] {
                    result = at(i + 1, j) || (j < b.count && consumable(b[j], by: forbidden) && at(i, j + 1))
                } else if j < b.count, case .any(let forbidden) = b[j] {
                    result = at(i, j + 1) || (i < a.count && consumable(a[i], by: forbidden) && at(i + 1, j))
                } else if i < a.count, j < b.count {
                    result = compatible(a[i], b[j]) && at(i + 1, j + 1)
                } else {
                    result = false
                }
                table[i * width + j] = result
            }
        }
        return table[0]
    }

    private static func consumable(_ token: Token, by forbidden: UInt8?) -> Bool {
        if case .byte(let byte) = token, let forbidden { return byte != forbidden }
        return true
    }

    private static func compatible(_ lhs: Token, _ rhs: Token) -> Bool {
        switch (lhs, rhs) {
        case (.byte(let a), .byte(let b)): return a == b
        default: return true
        }
    }
}

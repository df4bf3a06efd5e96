/// IAM's `*` (any run, possibly empty) and `?` (any one character) matching of a whole string.
///
/// Actions match case-insensitively, resources case-sensitively (IAM User Guide, "IAM JSON policy elements:
/// Action" and "Resource"). Kept here, below the policy module, so the catalogue and the linter share one rule.
public enum Wildcard {
    /// Whether `pattern` matches all of `subject`.
    ///
    /// - Parameters:
    ///   - pattern: the pattern's UTF-8 bytes; `*` and `?` are wildcards.
    ///   - subject: the text's UTF-8 bytes.
    ///   - foldCase: compare ASCII letters case-insensitively.
    /// - Returns: `true` on a match.
    public static func matches<P: Collection<UInt8>, S: Collection<UInt8>>(
        pattern: P, subject: S, foldCase: Bool
    ) -> Bool where P.Index == Int, S.Index == Int {
        let star = UInt8(ascii: "*")
        let question = UInt8(ascii: "?")
        var p = pattern.startIndex
        var s = subject.startIndex
        var starAt = -1
        var mark = s
        while s < subject.endIndex {
            if p < pattern.endIndex, pattern[p] != star,
                pattern[p] == question || same(pattern[p], subject[s], foldCase)
            {
                p += 1
                s += 1
            } else if p < pattern.endIndex, pattern[p] == star {
                starAt = p
                mark = s
                p += 1
            } else if starAt >= 0 {
                p = starAt + 1
                mark += 1
                s = mark
            } else {
                return false
            }
        }
        while p < pattern.endIndex, pattern[p] == star { p += 1 }
        return p == pattern.endIndex
    }

    /// Whether `pattern` matches `subject`, both as strings.
    public static func matches(_ pattern: String, _ subject: String, foldCase: Bool) -> Bool {
        matches(pattern: Array(pattern.utf8), subject: Array(subject.utf8), foldCase: foldCase)
    }

    /// Whether the text holds a wildcard.
    public static func hasWildcard(_ text: String) -> Bool {
        text.utf8.contains { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }
    }

    @inline(__always) private static func same(_ a: UInt8, _ b: UInt8, _ foldCase: Bool) -> Bool {
        foldCase ? ASCIIFold.lower(a) == ASCIIFold.lower(b) : a == b
    }
}

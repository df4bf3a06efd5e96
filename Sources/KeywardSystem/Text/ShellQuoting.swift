/// A word as a POSIX shell reads it back unchanged: as it is when it holds only safe characters, else in
/// single quotes (`'my dev'`, `'it'\''s'`). Used for `export` lines and for the commands messages suggest,
/// so `keyward add 'my dev'` can be pasted as shown (issue 21, item 14).
public enum ShellQuoting {
    /// The quoted word.
    /// - Parameter text: any text; an empty one gives `''`.
    /// - Returns: `text`, or it single-quoted.
    public static func quoted(_ text: String) -> String {
        let safe = text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "+/=_.:-@,".unicodeScalars.contains($0)
        }
        if safe && !text.isEmpty { return text }
        return "'" + text.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''") + "'"
    }
}

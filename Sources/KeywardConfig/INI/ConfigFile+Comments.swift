/// Edits that replace keys by a comment, for `keyward import --scrub`: the key lines go, a note saying where
/// the key went takes their place, and every other byte of the file stays as it was.
extension ConfigFile {
    /// Removes keys (and their continuation lines) from a section and puts one comment line where the first
    /// of them was. When no key is left in the section its header line goes too, so the profile no longer
    /// exists in this file; comment lines inside the section stay, and so do the lines around it.
    ///
    /// ```swift
    /// try file.removeValues(
    ///     ["aws_access_key_id", "aws_secret_access_key"], inSection: "jo",
    ///     leavingComment: "# keyward: the key of profile \"jo\" moved to the keyward vault")
    /// ```
    /// - Parameters:
    ///   - keys: the keys to remove; compared case-insensitively. Keys the section lacks are ignored.
    ///   - header: the section header.
    ///   - comment: the whole comment line, starting with `#` or `;`, without a line break.
    /// - Returns: whether anything was removed (`false` when the section or all the keys are missing; the
    ///   file is then unchanged and no comment is added).
    /// - Throws: `ConfigError.invalidEdit` for a comment that is not one comment line, or when the result
    ///   would not read back without the keys; nothing changes then.
    @discardableResult
    public mutating func removeValues(
        _ keys: [String], inSection header: String, leavingComment comment: String
    ) throws(ConfigError) -> Bool {
        let trimmed = comment.drop { $0 == " " || $0 == "\t" }
        guard trimmed.hasPrefix("#") || trimmed.hasPrefix(";"),
            !comment.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" })
        else {
            throw .invalidEdit(file: fileName, reason: "a comment must be one line starting with # or ;")
        }
        guard let section = section(named: header) else { return false }
        let wanted = Set(keys.map { $0.lowercased() })
        let removed = section.entries.filter { wanted.contains($0.key) }
        guard let first = removed.min(by: { $0.line < $1.line }) else { return false }
        let dropHeader = removed.count == section.entries.count
        var skipped: Set<Int> = []
        for entry in removed { skipped.formUnion(entry.line - 1..<entry.lastLine) }
        var replacement: [LineBuffer.Line] = []
        for index in section.headerIndex...section.lastContentIndex {
            if index == section.headerIndex, dropHeader { continue }
            if index == first.line - 1 {
                let terminator = lines[first.lastLine - 1].terminator
                replacement.append(LineBuffer.Line(comment, terminator.isEmpty ? lineBreak : String(terminator)))
            }
            if skipped.contains(index) { continue }
            replacement.append(LineBuffer.Line(lines[index]))
        }
        if section.lastContentIndex == lines.count - 1, lines[lines.count - 1].terminator.isEmpty,
            let last = replacement.indices.last
        {
            // The file did not end with a line break; neither does the edited one.
            replacement[last].terminator = ""
        }
        var buffer = LineBuffer(lines)
        buffer.replace(section.headerIndex..<section.lastContentIndex + 1, with: replacement)
        let sectionsBefore = sections.count
        try commit(buffer) { file in
            guard let edited = file.section(named: header) else {
                return dropHeader && file.sections.count == sectionsBefore - 1
            }
            return !dropHeader && file.sections.count == sectionsBefore
                && edited.entries.allSatisfy { !wanted.contains($0.key) }
        }
        return true
    }
}

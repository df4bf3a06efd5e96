/// Reads a config or credentials file the way botocore's `raw_config_parse` does.
///
/// botocore uses Python's `configparser.RawConfigParser` with its defaults, and this follows it line for line:
/// - whole-line comments start with `#` or `;` after optional whitespace; there are no inline comments
///   (`region = us-east-1 # eu` has the value `us-east-1 # eu`);
/// - `key = value` or `key: value`, split at the first `=` or `:`; keys are lowercased;
/// - a line indented deeper than its key line continues the value, even after blank lines, and an
///   indented `[x]` there is value text, not a header; a value that then starts with a line break is an
///   indented block of `key = value` lines (botocore's `_parse_nested`);
/// - a repeated section (other than `[DEFAULT]`) or a repeated key within a section is an error, as is a key
///   before any header, and any other line. botocore refuses such files entirely; so does this.
struct INIParser {
    let text: String
    let fileName: String
    let kind: ConfigFile.Kind

    /// An entry while its continuation lines are still being read.
    private struct PendingEntry {
        var key: String
        var line: Int
        var lastLine: Int
        /// The stripped pieces of the value with their line numbers (blank lines are empty pieces).
        var pieces: [(text: Substring, line: Int)]
    }

    private struct PendingSection {
        var section: ConfigSection
        var entries: [PendingEntry] = []
    }

    /// Parses the text.
    /// - Returns: the physical lines with their roles, and the sections in file order.
    /// - Throws: `ConfigError` for the first problem botocore would report.
    func parse() throws(ConfigError) -> (lines: [RawLine], sections: [ConfigSection]) {
        var lines = RawLine.split(text)
        var sections: [PendingSection] = []
        var current: Int?
        // `configparser`'s `optname`: the entry whose value continuation lines extend (never an empty key).
        var open: (section: Int, entry: Int)?
        var indentLevel = 0
        var seenHeaders: Set<[UInt8]> = []
        var seenKeys: Set<[UInt8]> = []
        var firstMalformed: Int?
        var firstMalformedIsHeader = false
        // An unclosed header inside a section: the keys after it land in that section, and a duplicate there
        // is its consequence, not the problem to report.
        var unclosedInSection: Int?

        for index in lines.indices {
            let number = index + 1
            let content = lines[index].content
            let stripped = PythonText.strip(content)
            if let first = stripped.unicodeScalars.first, first == "#" || first == ";" {
                lines[index].role = .comment
                continue
            }
            if stripped.isEmpty {
                if let open { sections[open.section].entries[open.entry].pieces.append((stripped, number)) }
                continue
            }
            let indent = PythonText.indentation(content)
            if current != nil, let open, indent > indentLevel {
                sections[open.section].entries[open.entry].pieces.append((stripped, number))
                sections[open.section].entries[open.entry].lastLine = number
                sections[open.section].section.lastContentIndex = index
                lines[index].role = .continuation(section: open.section, entry: open.entry)
                continue
            }
            indentLevel = indent
            if let header = Self.header(in: stripped) {
                let name = String(header)
                if name != "DEFAULT" {
                    let identity = Array(name.utf8)
                    guard seenHeaders.insert(identity).inserted else {
                        throw .duplicateSection(file: fileName, line: number, section: name)
                    }
                }
                let kind =
                    self.kind == .config ? ConfigSection.configKind(of: name) : ConfigSection.credentialsKind(of: name)
                sections.append(
                    PendingSection(section: ConfigSection(header: name, kind: kind, line: number, headerIndex: index)))
                current = sections.count - 1
                open = nil
                unclosedInSection = nil
                lines[index].role = .header(section: sections.count - 1)
                continue
            }
            // `[profile dev` is a header with its `]` missing, whatever configparser calls it (a missing
            // header, or a line without "="): say so (issue 21, item 14).
            let unclosed = Self.isUnclosedHeader(stripped)
            guard let current else {
                if unclosed { throw .unclosedSectionHeader(file: fileName, line: number) }
                throw .missingSectionHeader(file: fileName, line: number)
            }
            guard let (key, layout) = Self.option(in: stripped) else {
                if firstMalformed == nil { firstMalformedIsHeader = unclosed }
                if unclosed { unclosedInSection = unclosedInSection ?? number }
                firstMalformed = firstMalformed ?? number
                lines[index].role = .malformed
                continue
            }
            let header = sections[current].section.header
            var identity = Array(header.utf8)
            identity.append(0)
            identity.append(contentsOf: key.utf8)
            guard seenKeys.insert(identity).inserted else {
                if let unclosedInSection { throw .unclosedSectionHeader(file: fileName, line: unclosedInSection) }
                throw .duplicateKey(file: fileName, line: number, section: header, key: key)
            }
            if key.isEmpty {
                // configparser records the error and goes on; `optname` becomes "", which is falsy.
                firstMalformed = firstMalformed ?? number
                lines[index].role = .malformed
                open = nil
                continue
            }
            let value = content.base[layout.value]
            sections[current].entries.append(
                PendingEntry(key: key, line: number, lastLine: number, pieces: [(value, number)]))
            sections[current].section.lastContentIndex = index
            let entryIndex = sections[current].entries.count - 1
            lines[index].role = .entry(section: current, entry: entryIndex, layout: layout)
            open = (current, entryIndex)
        }
        if let firstMalformed {
            if firstMalformedIsHeader { throw .unclosedSectionHeader(file: fileName, line: firstMalformed) }
            throw .malformedLine(file: fileName, line: firstMalformed)
        }

        var result: [ConfigSection] = []
        var bad: [[Int?]] = []
        result.reserveCapacity(sections.count)
        for (position, pending) in sections.enumerated() {
            var section = pending.section
            section.endIndex = position + 1 < sections.count ? sections[position + 1].section.headerIndex : lines.count
            var badLines: [Int?] = []
            for entry in pending.entries {
                let finished = Self.finish(entry)
                section.entries.append(finished.entry)
                badLines.append(finished.badNestedLine)
            }
            bad.append(badLines)
            result.append(section)
        }
        try checkNestedBlocks(bad, sections: result)
        return (lines, result)
    }

    /// Joins the pieces of a value as `configparser` does (`"\n".join(...).rstrip()`) and reads an indented
    /// block as botocore's `_parse_nested` does.
    /// - Returns: the entry, and the line of the first block line without `=` if there is one.
    private static func finish(_ pending: PendingEntry) -> (entry: ConfigEntry, badNestedLine: Int?) {
        var pieces = pending.pieces
        while pieces.count > 1, pieces[pieces.count - 1].text.isEmpty { pieces.removeLast() }
        let value = pieces.map { String($0.text) }.joined(separator: "\n")
        var nested: [ConfigEntry.NestedValue]?
        var badLine: Int?
        if pieces.count > 1, pieces[0].text.isEmpty {
            var pairs: [ConfigEntry.NestedValue] = []
            scan: for piece in pieces.dropFirst() {
                for line in PythonText.splitLines(piece.text) {
                    let stripped = PythonText.strip(line)
                    guard !stripped.isEmpty else { continue }
                    guard let equals = stripped.unicodeScalars.firstIndex(of: "=") else {
                        badLine = piece.line
                        break scan
                    }
                    let key = PythonText.strip(stripped[..<equals])
                    let rest = PythonText.strip(stripped[stripped.unicodeScalars.index(after: equals)...])
                    pairs.append(ConfigEntry.NestedValue(key: String(key), value: String(rest), line: piece.line))
                }
            }
            nested = badLine == nil ? pairs : nil
        }
        let entry = ConfigEntry(
            key: pending.key, value: value, line: pending.line, lastLine: pending.lastLine, nested: nested)
        return (entry, badLine)
    }

    /// Reports a bad indented block where botocore would read it: in each section (other than `[DEFAULT]`)
    /// its own entries, then the `[DEFAULT]` entries it does not override, in file order.
    private func checkNestedBlocks(_ bad: [[Int?]], sections: [ConfigSection]) throws(ConfigError) {
        var defaults: [(entry: ConfigEntry, badLine: Int?)] = []
        for (position, section) in sections.enumerated() where section.kind == .defaults {
            for (index, entry) in section.entries.enumerated()
            where !defaults.contains(where: { $0.entry.key == entry.key }) {
                defaults.append((entry, bad[position][index]))
            }
        }
        for (position, section) in sections.enumerated() where section.kind != .defaults {
            for (index, entry) in section.entries.enumerated() {
                if let line = bad[position][index] {
                    throw .malformedNestedLine(file: fileName, line: line, key: entry.key)
                }
            }
            for inherited in defaults where section.entry(forKey: inherited.entry.key) == nil {
                if let line = inherited.badLine {
                    throw .malformedNestedLine(file: fileName, line: line, key: inherited.entry.key)
                }
            }
        }
    }

    /// The header of a `[header]` line: from after `[` to the last `]`, at least one character long
    /// (`configparser`'s greedy `\[(?P<header>.+)\]`, anchored at the start only).
    static func header(in stripped: Substring) -> Substring? {
        let scalars = stripped.unicodeScalars
        guard scalars.first == "[", let close = scalars.lastIndex(of: "]") else { return nil }
        let start = scalars.index(after: scalars.startIndex)
        guard start < close else { return nil }
        return stripped[start..<close]
    }

    /// Whether a line opens a header it never closes: `[` first, no `]` anywhere, no `=` or `:` (with one it
    /// would be a `key = value` line to configparser).
    static func isUnclosedHeader(_ stripped: Substring) -> Bool {
        let scalars = stripped.unicodeScalars
        return scalars.first == "[" && !scalars.contains { $0 == "]" || $0 == "=" || $0 == ":" }
    }

    /// The lowercased key and layout of a `key = value` or `key: value` line, split at the first delimiter.
    static func option(in stripped: Substring) -> (key: String, layout: RawLine.EntryLayout)? {
        let scalars = stripped.unicodeScalars
        guard let delimiter = scalars.firstIndex(where: { $0 == "=" || $0 == ":" }) else { return nil }
        let rawKey = stripped[..<delimiter]
        let key = PythonText.strip(rawKey)
        let spaced = key.endIndex < delimiter
        let value = PythonText.strip(stripped[scalars.index(after: delimiter)...])
        let layout = RawLine.EntryLayout(
            delimiter: delimiter, value: value.startIndex..<value.endIndex, spacedDelimiter: spaced)
        return (key.lowercased(), layout)
    }
}

/// Edits that touch only the lines they are about; every other byte of the file stays as it was.
///
/// Each edit builds the new text, parses it again and checks that it reads back as asked; if not, it throws
/// `ConfigError.invalidEdit` and the file is unchanged. New lines use the file's own line break, and a new key
/// takes the indentation of the key above it.
extension ConfigFile {
    /// Sets a key, rewriting only the value part of its line, or adds it after the section's last key, or adds
    /// the section at the end of the file when there is none.
    /// - Parameters:
    ///   - value: the new value; no line breaks and no leading or trailing whitespace (they would not read
    ///     back). An empty value is written as `key =`.
    ///   - key: the key; compared case-insensitively with existing keys.
    ///   - header: the section header, e.g. `"profile dev"` (see `profileHeader(for:)`).
    /// - Throws: `ConfigError.invalidEdit` when the key, value or header cannot be written; nothing changes.
    public mutating func setValue(_ value: String, forKey key: String, inSection header: String) throws(ConfigError) {
        try replaceSection(named: header, updating: [(key, value)], removing: .none)
    }

    /// Removes a key and its continuation lines.
    /// - Parameters:
    ///   - key: the key; compared case-insensitively.
    ///   - header: the section header.
    /// - Returns: whether the key was there.
    /// - Throws: `ConfigError.invalidEdit` if the result would not parse (it always does for a parsed file).
    @discardableResult
    public mutating func removeValue(forKey key: String, inSection header: String) throws(ConfigError) -> Bool {
        guard let section = section(named: header), let entry = section.entry(forKey: key) else { return false }
        var buffer = LineBuffer(lines)
        buffer.replace(entry.line - 1..<entry.lastLine, with: [])
        try commit(buffer) { $0.section(named: header)?.entry(forKey: key) == nil }
        return true
    }

    /// Removes a section: its header, its keys and the comments among them, and the blank lines that
    /// separated it from what follows. Comments after its last key stay (they usually introduce the next one).
    /// - Parameter header: the section header.
    /// - Returns: whether the section was there.
    /// - Throws: `ConfigError.invalidEdit` if the result would not parse.
    @discardableResult
    public mutating func removeSection(named header: String) throws(ConfigError) -> Bool {
        guard let section = section(named: header) else { return false }
        var start = section.headerIndex
        var end = section.lastContentIndex + 1
        while end < section.endIndex, lines[end].role == .blank { end += 1 }
        if end == lines.count {
            while start > 0, lines[start - 1].role == .blank { start -= 1 }
        }
        let before = sections.filter { $0.header == header }.count
        var buffer = LineBuffer(lines)
        buffer.replace(start..<end, with: [])
        try commit(buffer) { file in file.sections.filter { $0.header == header }.count == before - 1 }
        return true
    }

    /// Makes a section hold exactly these keys: unchanged keys keep their lines byte for byte, changed ones
    /// are rewritten in place, missing ones are removed and new ones are added after the last key. Comments in
    /// the section stay. Adds the section at the end of the file when there is none.
    /// - Parameters:
    ///   - header: the section header.
    ///   - keyValues: the keys and values, in the order new keys are added; keys must differ case-insensitively.
    /// - Throws: `ConfigError.invalidEdit` when a key, value or the header cannot be written; nothing changes.
    public mutating func replaceSection(
        named header: String, with keyValues: [(key: String, value: String)]
    )
        throws(ConfigError)
    {
        try replaceSection(named: header, updating: keyValues, removing: .allOthers)
    }

    /// Sets `keyValues` in a section and removes `keys` (the ones not set), keeping every other key and
    /// comment: how the credential keys of a profile are replaced while its `region`, `output` and notes stay
    /// (issue 12, item 12). Adds the section at the end when there is none.
    /// - Parameters:
    ///   - header: the section header.
    ///   - keyValues: the keys to set, in the order new ones are added.
    ///   - keys: keys to remove when present and not set (compared case-insensitively).
    /// - Throws: `ConfigError.invalidEdit` when the edit cannot be made; nothing changes.
    public mutating func updateSection(
        named header: String, setting keyValues: [(key: String, value: String)], removing keys: Set<String>
    ) throws(ConfigError) {
        try replaceSection(named: header, updating: keyValues, removing: .keys(Set(keys.map { $0.lowercased() })))
    }

    /// Which keys of a section an edit removes besides the ones it sets.
    private enum Removal {
        case none
        case allOthers
        case keys(Set<String>)

        func removes(_ key: String) -> Bool {
            switch self {
            case .none: return false
            case .allOthers: return true
            case .keys(let keys): return keys.contains(key)
            }
        }
    }

    private mutating func replaceSection(
        named header: String, updating pairs: [(key: String, value: String)], removing removal: Removal
    ) throws(ConfigError) {
        try validate(header: header)
        var wanted: [String: String] = [:]
        for (key, value) in pairs {
            try validate(key: key, value: value)
            guard wanted.updateValue(value, forKey: key.lowercased()) == nil else {
                throw .invalidEdit(file: fileName, reason: "key \"\(key)\" given twice for [\(header)]")
            }
        }
        var buffer = LineBuffer(lines)
        if let section = section(named: header) {
            buffer.replace(
                section.headerIndex..<section.lastContentIndex + 1,
                with: rewritten(section, wanted, pairs, removal))
        } else {
            var added: [LineBuffer.Line] = []
            if let last = lines.last, last.role != .blank { added.append(LineBuffer.Line("", lineBreak)) }
            added.append(LineBuffer.Line("[\(header)]", lineBreak))
            added += pairs.map { LineBuffer.Line(Self.entryText(indent: "", key: $0.key, value: $0.value), lineBreak) }
            buffer.replace(lines.count..<lines.count, with: added)
        }
        try commit(buffer) { file in
            guard let section = file.section(named: header) else { return false }
            let readBack = section.entries.filter { wanted[$0.key] != nil }.map { ($0.key, $0.value) }
            let keysOK: Bool
            switch removal {
            case .none: keysOK = true
            case .allOthers: keysOK = section.entries.count == wanted.count
            case .keys(let keys): keysOK = !section.entries.contains { keys.contains($0.key) && wanted[$0.key] == nil }
            }
            return keysOK && readBack.count == wanted.count && readBack.allSatisfy { wanted[$0.0] == $0.1 }
        }
    }

    /// The new lines from a section's header to its last key.
    private func rewritten(
        _ section: ConfigSection, _ wanted: [String: String], _ pairs: [(key: String, value: String)],
        _ removal: Removal
    ) -> [LineBuffer.Line] {
        var output: [LineBuffer.Line] = []
        var written: Set<String> = []
        var indent: Substring = ""
        var index = section.headerIndex
        while index <= section.lastContentIndex {
            let line = lines[index]
            guard case .entry(_, let entryIndex, let layout) = line.role else {
                output.append(LineBuffer.Line(line))
                index += 1
                continue
            }
            let entry = section.entries[entryIndex]
            let span = entry.line - 1..<entry.lastLine
            indent = line.content.prefix(PythonText.indentation(line.content))
            if let value = wanted[entry.key] {
                written.insert(entry.key)
                if value == entry.value && entry.line == entry.lastLine {
                    output.append(LineBuffer.Line(line))
                } else {
                    let terminator = lines[span.upperBound - 1].terminator
                    output.append(
                        LineBuffer.Line(Self.replacingValue(of: line, layout: layout, with: value), String(terminator)))
                }
            } else if !removal.removes(entry.key) {
                output += span.map { LineBuffer.Line(lines[$0]) }
            }
            index = span.upperBound
        }
        for (key, value) in pairs where !written.contains(key.lowercased()) {
            output.append(LineBuffer.Line(Self.entryText(indent: indent, key: key, value: value), lineBreak))
        }
        return output
    }

    /// A key line with a new value: the key, its spacing and the delimiter stay as they were.
    private static func replacingValue(of line: RawLine, layout: RawLine.EntryLayout, with value: String) -> String {
        let content = line.content
        if layout.value.isEmpty {
            let head = content[..<content.unicodeScalars.index(after: layout.delimiter)]
            return value.isEmpty ? String(head) : head + (layout.spacedDelimiter ? " " : "") + value
        }
        return content[..<layout.value.lowerBound] + value + content[layout.value.upperBound...]
    }

    private static func entryText<S: StringProtocol>(indent: S, key: String, value: String) -> String {
        value.isEmpty ? "\(indent)\(key) =" : "\(indent)\(key) = \(value)"
    }

    private func validate(header: String) throws(ConfigError) {
        guard !header.isEmpty, !header.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) else {
            throw .invalidEdit(file: fileName, reason: "section header must be one non-empty line")
        }
    }

    private func validate(key: String, value: String) throws(ConfigError) {
        let scalars = key.unicodeScalars
        let keyOK =
            !key.isEmpty && PythonText.strip(key) == key
            && !scalars.contains { $0 == "=" || $0 == ":" || $0 == "\n" || $0 == "\r" }
            && !["#", ";", "["].contains(scalars.first)
        guard keyOK else { throw .invalidEdit(file: fileName, reason: "cannot write key \"\(key)\"") }
        guard PythonText.strip(value) == value, !value.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" })
        else {
            let reason = "value of \"\(key)\" must be one line without leading or trailing whitespace"
            throw .invalidEdit(file: fileName, reason: reason)
        }
    }

    /// Parses the edited text and keeps it only if it parses and passes the check.
    mutating func commit(_ buffer: LineBuffer, check: (ConfigFile) -> Bool) throws(ConfigError) {
        let edited: ConfigFile
        do {
            edited = try ConfigFile(contents: buffer.text, fileName: fileName, kind: kind)
        } catch {
            throw .invalidEdit(file: fileName, reason: "the edit would make the file unreadable (\(error))")
        }
        guard check(edited) else {
            throw .invalidEdit(file: fileName, reason: "the edit would not read back as written")
        }
        self = edited
    }
}

/// The lines of a file being edited; `text` adds a line break to any line that lost its place at the end.
struct LineBuffer {
    /// One line: its content and its terminator.
    struct Line {
        var content: String
        var terminator: String

        init(_ content: String, _ terminator: String) {
            self.content = content
            self.terminator = terminator
        }

        init(_ line: RawLine) {
            self.init(String(line.content), String(line.terminator))
        }
    }

    private var lines: [Line]
    private let lineBreak: String

    init(_ raw: [RawLine]) {
        lines = raw.map(Line.init)
        lineBreak = raw.first { !$0.terminator.isEmpty }.map { String($0.terminator) } ?? "\n"
    }

    mutating func replace(_ range: Range<Int>, with newLines: [Line]) {
        lines.replaceSubrange(range, with: newLines)
    }

    var text: String {
        var text = ""
        for (index, line) in lines.enumerated() {
            text += line.content
            text += line.terminator.isEmpty && index < lines.count - 1 ? lineBreak : line.terminator
        }
        return text
    }
}

import Foundation

/// A lossless `~/.aws/config` or `~/.aws/credentials`: read as the AWS CLI reads it, written back byte for byte.
///
/// Parsing keeps every byte (comments, blank lines, odd spacing, CRLF, keys nobody knows), so `text` of an
/// unmodified file equals its input, and an edit changes only the lines it is about.
///
/// ```swift
/// var file = try ConfigFile(contents: text, fileName: "~/.aws/config")
/// let region = file.section(named: "profile dev")?.value(forKey: "region")
/// try file.setValue("eu-west-1", forKey: "region", inSection: "profile dev")
/// try file.text.write(to: url, atomically: true, encoding: .utf8)
/// ```
///
/// Files botocore refuses (duplicate sections or keys, lines that are not `key = value`, bad UTF-8) are
/// refused here too, with the file and line; see `INIParser` for the exact rules.
public struct ConfigFile: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// Which of the two files this is; it decides how section headers name profiles.
    public enum Kind: Sendable, Equatable {
        /// `~/.aws/config`: `[default]`, `[profile NAME]`, `[sso-session NAME]`, `[services NAME]`.
        case config
        /// `~/.aws/credentials`: every `[NAME]` is the profile `NAME`.
        case credentials
    }

    /// Which file this is.
    public let kind: Kind
    /// The name used in errors, e.g. `~/.aws/config`.
    public let fileName: String
    /// The file's text; byte-identical to the input until an edit.
    public private(set) var text: String
    /// The sections in file order (`[DEFAULT]` sections included, with kind `.defaults`).
    public private(set) var sections: [ConfigSection]
    /// The physical lines, each with its role.
    private(set) var lines: [RawLine]

    /// Parses a file's text.
    /// - Parameters:
    ///   - contents: the whole file.
    ///   - fileName: the name errors show, e.g. `~/.aws/config`.
    ///   - kind: `.config` or `.credentials`; decides how headers map to profiles.
    /// - Throws: `ConfigError` for anything botocore would refuse, naming the file and line.
    public init(contents: String, fileName: String, kind: Kind = .config) throws(ConfigError) {
        let parsed = try INIParser(text: contents, fileName: fileName, kind: kind).parse()
        self.kind = kind
        self.fileName = fileName
        self.text = contents
        self.sections = parsed.sections
        self.lines = parsed.lines
    }

    /// Parses a file's bytes, which must be UTF-8 as the AWS CLI requires.
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - fileName: the name errors show.
    ///   - kind: `.config` or `.credentials`.
    /// - Throws: `ConfigError.invalidEncoding` naming the line of the first bad byte, or a parse error.
    public init(data: Data, fileName: String, kind: Kind = .config) throws(ConfigError) {
        guard let text = String(validating: data, as: UTF8.self) else {
            throw .invalidEncoding(file: fileName, line: Self.firstInvalidLine(in: data))
        }
        try self.init(contents: text, fileName: fileName, kind: kind)
    }

    /// The first section with this header.
    /// - Parameter header: the text between the brackets, e.g. `"profile dev"` or `"default"`.
    /// - Returns: the section, or `nil`.
    public func section(named header: String) -> ConfigSection? {
        sections.first { $0.header == header }
    }

    /// The section the AWS CLI reads for a profile in this file (the last one naming it, as botocore's
    /// profile map keeps the last), or `nil`.
    /// - Parameter name: the profile name, e.g. `"dev"`.
    public func profileSection(named name: String) -> ConfigSection? {
        sections.last { $0.kind == .profile(name) }
    }

    /// The profile names this file defines, in file order, each once.
    public var profileNames: [String] {
        var seen: Set<String> = []
        return sections.compactMap { section in
            guard case .profile(let name) = section.kind, seen.insert(name).inserted else { return nil }
            return name
        }
    }

    /// The header to edit a profile under: the header of the section the AWS CLI reads for it when there is
    /// one (so `[profile   dev]` is edited in place), else `default`, `profile NAME` or, in a credentials file,
    /// `NAME`. A config-file name with spaces, quotes or backslashes is quoted (`profile "my dev"`) so that
    /// botocore's `shlex.split` reads it back as one word.
    /// - Parameter name: the profile name.
    public func profileHeader(for name: String) -> String {
        if let existing = profileSection(named: name) { return existing.header }
        switch kind {
        case .credentials: return name
        case .config:
            if name == "default" { return "default" }
            let special: Set<Unicode.Scalar> = [" ", "\t", "\r", "\n", "'", "\"", "\\"]
            guard name.isEmpty || name.unicodeScalars.contains(where: special.contains) else {
                return "profile \(name)"
            }
            var quoted = String.UnicodeScalarView()
            for scalar in name.unicodeScalars {
                if scalar == "\"" || scalar == "\\" { quoted.append("\\") }
                quoted.append(scalar)
            }
            return "profile \"\(String(quoted))\""
        }
    }

    /// The line break the file uses (that of its first line; `"\n"` for a file without one).
    var lineBreak: String {
        lines.first { !$0.terminator.isEmpty }.map { String($0.terminator) } ?? "\n"
    }

    /// The line (as universal newlines count them) of the first byte sequence that is not UTF-8.
    private static func firstInvalidLine(in data: Data) -> Int {
        var line = 1
        var afterCR = false
        var iterator = data.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\r" || (scalar == "\n" && !afterCR) { line += 1 }
                afterCR = scalar == "\r"
            case .emptyInput, .error:
                return line
            }
        }
    }

    public var description: String {
        "\(fileName) (\(sections.count) sections, \(lines.count) lines)"
    }

    public var debugDescription: String { "ConfigFile(\(description))" }

    public var customMirror: Mirror {
        Mirror(self, children: ["fileName": fileName, "kind": kind, "sections": sections])
    }
}

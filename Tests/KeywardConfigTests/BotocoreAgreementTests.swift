import Foundation
import KeywardConfig
import KeywardTestSupport
import Testing

/// What botocore's `raw_config_parse` and `build_profile_map` make of a file, in a form both sides can write.
struct ParseOutcome: Codable, Equatable {
    struct Option: Codable, Equatable {
        var key: String
        var text: String?
        var nested: [[String]]?
    }

    struct Section: Codable, Equatable {
        var name: String
        var options: [Option]
    }

    var error: String?
    var line: Int?
    var sections: [Section]?
    var profiles: [String]?

    /// Keyward's name for `[profile x` without its `]`.
    static let unclosedHeader = "UnclosedSectionHeader"

    /// Equal outcomes, or an unclosed header Keyward names where configparser fails on that line or after
    /// it (a missing header first, a line without "=" inside a section, or the duplicate key that follows).
    func agreesWith(_ botocore: ParseOutcome) -> Bool {
        guard error == Self.unclosedHeader, let line else { return self == botocore }
        let consequences: Set<String> = ["MissingSectionHeaderError", "ParsingError", "DuplicateOptionError"]
        return botocore.error.map(consequences.contains) == true && (botocore.line ?? 0) >= line
    }

    /// Keyward's reading of the same bytes, shaped like botocore's.
    init(bytes: [UInt8]) {
        let file: ConfigFile
        do {
            file = try ConfigFile(data: Data(bytes), fileName: "fuzz")
        } catch {
            switch error {
            case .missingSectionHeader(_, let line): (self.error, self.line) = ("MissingSectionHeaderError", line)
            case .duplicateSection(_, let line, _): (self.error, self.line) = ("DuplicateSectionError", line)
            case .duplicateKey(_, let line, _, _): (self.error, self.line) = ("DuplicateOptionError", line)
            case .malformedLine(_, let line): (self.error, self.line) = ("ParsingError", line)
            case .unclosedSectionHeader(_, let line):
                // configparser has no such error: see `agreesWith`.
                (self.error, self.line) = (Self.unclosedHeader, line)
            case .malformedNestedLine: self.error = "ValueError"
            case .invalidEncoding: self.error = "UnicodeDecodeError"
            default: self.error = "unexpected \(error)"
            }
            return
        }
        var defaults: [ConfigEntry] = []
        for section in file.sections where section.kind == .defaults {
            defaults += section.entries.filter { entry in !defaults.contains { $0.key == entry.key } }
        }
        sections = file.sections.filter { $0.kind != .defaults }.map { section in
            let inherited = defaults.filter { section.entry(forKey: $0.key) == nil }
            return Section(name: section.header, options: (section.entries + inherited).map(Self.option))
        }
        profiles = file.profileNames
    }

    private static func option(_ entry: ConfigEntry) -> Option {
        guard let nested = entry.nested else { return Option(key: entry.key, text: entry.value) }
        // A Python dict: a repeated key keeps its first position and takes the last value.
        var pairs: [[String]] = []
        for pair in nested {
            if let index = pairs.firstIndex(where: { $0[0] == pair.key }) {
                pairs[index][1] = pair.value
            } else {
                pairs.append([pair.key, pair.value])
            }
        }
        return Option(key: entry.key, nested: pairs)
    }
}

@Suite("Agreement with botocore's own parser on generated files")
struct BotocoreAgreementTests {
    static let script = """
        import sys, json, base64, os, tempfile, configparser
        from botocore import configloader
        from botocore.exceptions import ConfigParseError
        cases = json.load(open(sys.argv[1]))
        path = os.path.join(tempfile.mkdtemp(), 'config')
        out = []
        for encoded in cases:
            with open(path, 'wb') as f:
                f.write(base64.b64decode(encoded))
            try:
                raw = configloader.raw_config_parse(path)
            except ConfigParseError as e:
                err = e.kwargs.get('error')
                line = getattr(err, 'lineno', None)
                if type(err) is configparser.ParsingError:
                    line = err.errors[0][0]
                out.append({'error': type(err).__name__, 'line': line})
                continue
            sections = []
            for name, options in raw.items():
                opts = []
                for key, value in options.items():
                    if isinstance(value, dict):
                        opts.append({'key': key, 'nested': [[k, v] for k, v in value.items()]})
                    else:
                        opts.append({'key': key, 'text': value})
                sections.append({'name': name, 'options': opts})
            profiles = list(configloader.build_profile_map(raw)['profiles'].keys())
            out.append({'sections': sections, 'profiles': profiles})
        json.dump(out, open(sys.argv[2], 'w'))
        """

    @Test(
        "Keyward and botocore agree on sections, keys, values, blocks, profiles and errors",
        .enabled(
            if: TestRequirement.runs(PythonHarness.interpreter != nil),
            "python3 with botocore and awscli is not on PATH"))
    func agreement() throws {
        var generator = SeededRandom(seed: 0x6B65_7977_6172_6403)
        var cases: [[UInt8]] = (0..<1200).map { index in
            index % 4 == 0
                ? FuzzInput.randomBytes(&generator) : FuzzInput.mutation(&generator, validUTF8: index % 3 != 0)
        }
        cases.append(FuzzInput.realistic)
        let input = try JSONEncoder().encode(cases.map { Data($0).base64EncodedString() })
        let output = try PythonHarness.runScript(Self.script, input: input)
        let expected = try JSONDecoder().decode([ParseOutcome].self, from: output)
        try #require(expected.count == cases.count)
        var disagreements = 0
        for (bytes, botocore) in zip(cases, expected) {
            let keyward = ParseOutcome(bytes: bytes)
            if !keyward.agreesWith(botocore) {
                disagreements += 1
                if disagreements <= 5 {
                    Issue.record(
                        "\(String(decoding: bytes, as: UTF8.self).debugDescription)\nkeyward: \(keyward)\nbotocore: \(botocore)"
                    )
                }
            }
        }
        #expect(disagreements == 0)
        // The generator reaches every outcome botocore has.
        let kinds = Set(expected.map { $0.error ?? "ok" })
        #expect(kinds.count == 7, "\(kinds.sorted())")
        #expect(expected.filter { $0.error == nil }.count > 300)
    }
}

import Foundation
import KeywardConfig
import Testing

@Suite("INI parsing as botocore reads it")
struct ParserTests {
    @Test("profiles, sso-session, services, and other sections are told apart")
    func sectionKinds() throws {
        let file = try configFile(
            """
            [default]
            region = us-east-1
            [profile dev]
            role_arn = arn:aws:iam::123456789012:role/dev
            [sso-session corp]
            sso_start_url = https://corp.awsapps.com/start
            [services local]
            sts =
              endpoint_url = http://127.0.0.1:5000
            [preview]
            cloudfront = true
            [profile "my dev"]
            region = eu-west-1
            [profile my dev]
            region = ignored
            [profile]
            region = ignored
            [ profile spaced ]
            """)
        #expect(
            file.sections.map(\.kind) == [
                .profile("default"), .profile("dev"), .ssoSession("corp"), .services("local"), .other,
                .profile("my dev"), .ignored, .ignored, .other,
            ])
        #expect(file.sections.map(\.header).last == " profile spaced ")
        #expect(file.profileNames == ["default", "dev", "my dev"])
        #expect(
            file.section(named: "services local")?.entry(forKey: "sts")?.nestedValue(forKey: "endpoint_url")
                == "http://127.0.0.1:5000")
    }

    @Test("every section of a credentials file is a profile named by its header")
    func credentialsSections() throws {
        let file = try credentialsFile("[default]\na = 1\n[jo]\nb = 2\n[profile x]\nc = 3\n")
        #expect(file.profileNames == ["default", "jo", "profile x"])
        #expect(file.profileHeader(for: "jo") == "jo")
        #expect(file.profileHeader(for: "new") == "new")
        let config = try configFile("[profile   spaced]\n[profile \"q\"]\n")
        #expect(config.profileHeader(for: "spaced") == "profile   spaced")
        #expect(config.profileHeader(for: "q") == "profile \"q\"")
        #expect(config.profileHeader(for: "jo") == "profile jo")
        #expect(config.profileHeader(for: "default") == "default")
        #expect(config.profileHeader(for: "my \"dev\"\\x") == #"profile "my \"dev\"\\x""#)
        var edited = config
        try edited.setValue("eu-west-1", forKey: "region", inSection: config.profileHeader(for: "my \"dev\"\\x"))
        #expect(edited.profileNames == ["spaced", "q", "my \"dev\"\\x"])
    }

    @Test("comments are whole lines only; # and ; after a value are part of it, as in the AWS CLI")
    func comments() throws {
        let file = try configFile(
            """
            # leading comment
            ; another
            [default]
              # indented comment
            region = us-east-1 # not a comment
            output = json;text
            [profile a] ; text after the last bracket is dropped
            x=1
            """)
        #expect(pairs(file.section(named: "default")) == ["region=us-east-1 # not a comment", "output=json;text"])
        #expect(pairs(file.section(named: "profile a")) == ["x=1"])
    }

    @Test("keys split at the first = or :, are lowercased, and spacing is free")
    func delimitersAndSpacing() throws {
        let file = try configFile(
            "[default]\nRegion=us-west-2\nrole_arn: arn:aws:iam::1:role/r\nOutput   =   json   \nurl = http://a=b:c\nk=\n"
        )
        #expect(
            pairs(file.section(named: "default")) == [
                "region=us-west-2", "role_arn=arn:aws:iam::1:role/r", "output=json", "url=http://a=b:c", "k=",
            ])
        // A tab is deeper than no indentation, so this line continues the value above it.
        let tabbed = try configFile("[default]\nrole_arn = r\n\tOutput = json\n")
        #expect(pairs(tabbed.section(named: "default")) == ["role_arn=r\nOutput = json"])
        #expect(file.section(named: "default")?.value(forKey: "REGION") == "us-west-2")
    }

    @Test("deeper-indented lines continue a value, even after blank lines; a block of pairs is nested")
    func continuations() throws {
        let file = try configFile(
            """
            [default]
            s3 =
              max_concurrent_requests = 20

              addressing_style = path
            note = first
                second
            region = us-east-1

              [not a header]
            """)
        let section = try #require(file.section(named: "default"))
        let s3 = try #require(section.entry(forKey: "s3"))
        #expect(s3.value == "\nmax_concurrent_requests = 20\n\naddressing_style = path")
        #expect(
            s3.nested == [
                ConfigEntry.NestedValue(key: "max_concurrent_requests", value: "20", line: 3),
                ConfigEntry.NestedValue(key: "addressing_style", value: "path", line: 5),
            ])
        #expect(s3.line == 2)
        #expect(s3.lastLine == 5)
        #expect(section.entry(forKey: "note")?.value == "first\nsecond")
        #expect(section.entry(forKey: "note")?.nested == nil)
        #expect(section.entry(forKey: "region")?.value == "us-east-1\n\n[not a header]")
        #expect(file.sections.count == 1)
    }

    @Test("an indented key directly under a header starts the section; equal indentation is a new key")
    func indentedKeys() throws {
        let file = try configFile("[a]\n  x = 1\n  y = 2\n[b]\n  x = 1\n    y = 2\n")
        #expect(pairs(file.section(named: "a")) == ["x=1", "y=2"])
        #expect(pairs(file.section(named: "b")) == ["x=1\ny = 2"])
    }

    @Test("CRLF, lone CR and a missing final newline are all line ends, numbered as Python numbers them")
    func lineEnds() throws {
        let file = try configFile("[a]\r\nx = 1\ry = 2\r\n\r\n[b]\nz = 3")
        #expect(pairs(file.section(named: "a")) == ["x=1", "y=2"])
        #expect(file.section(named: "a")?.entry(forKey: "y")?.line == 3)
        #expect(file.section(named: "b")?.line == 5)
        #expect(file.section(named: "b")?.entry(forKey: "z")?.line == 6)
    }

    @Test("a header runs to the last ] on its line")
    func headerBrackets() throws {
        let file = try configFile("[a]b]\nx = 1\n[]]\ny = 2\n")
        #expect(file.sections.map(\.header) == ["a]b", "]"])
    }

    @Test("[DEFAULT] keys fill every section of the file; it may repeat")
    func defaultsSection() throws {
        let text =
            "[DEFAULT]\nregion = eu-west-1\n[profile a]\n[DEFAULT]\noutput = json\n[profile b]\nregion = us-east-1\n"
        let resolver = try resolver(config: text)
        #expect(resolver.rawValue(forKey: "region", inProfile: "a")?.text == "eu-west-1")
        #expect(resolver.rawValue(forKey: "output", inProfile: "a")?.text == "json")
        #expect(resolver.rawValue(forKey: "region", inProfile: "b")?.text == "us-east-1")
        #expect(resolver.profileNames == ["a", "b"])
    }

    @Test("Unicode whitespace is whitespace to Python, so it is trimmed and indents")
    func unicodeWhitespace() throws {
        let file = try configFile("[a]\n\u{A0}x = 1\u{2003}\n\u{3000}\u{3000}y\n")
        #expect(pairs(file.section(named: "a")) == ["x=1\ny"])
    }

    @Test("a byte-order mark is not whitespace: the first line is not a header, as for the AWS CLI")
    func byteOrderMark() {
        #expect(
            configError { try configFile("\u{FEFF}[default]\nregion = x\n") }
                == .missingSectionHeader(file: "~/.aws/config", line: 1))
    }

    @Test("files botocore refuses are refused with file and line")
    func refusedFiles() {
        let cases: [(String, ConfigError)] = [
            ("region = x\n[a]\n", .missingSectionHeader(file: "~/.aws/config", line: 1)),
            ("[a]\nx = 1\n[b]\n[a]\n", .duplicateSection(file: "~/.aws/config", line: 4, section: "a")),
            ("[a]\nx = 1\nX = 2\n", .duplicateKey(file: "~/.aws/config", line: 3, section: "a", key: "x")),
            (
                "[DEFAULT]\nx = 1\n[DEFAULT]\nx = 2\n",
                .duplicateKey(file: "~/.aws/config", line: 4, section: "DEFAULT", key: "x")
            ),
            ("[a]\nx = 1\njunk\n[a b\n", .malformedLine(file: "~/.aws/config", line: 3)),
            ("[a]\n= 1\n", .malformedLine(file: "~/.aws/config", line: 2)),
            ("[a]\ns3 =\n  nokey\n", .malformedNestedLine(file: "~/.aws/config", line: 3, key: "s3")),
            ("[a]\nbad\n[a]\n", .duplicateSection(file: "~/.aws/config", line: 3, section: "a")),
        ]
        for (text, expected) in cases {
            #expect(configError { try configFile(text) } == expected, "\(text.debugDescription)")
        }
    }

    @Test("a bad block in [DEFAULT] only matters when some section inherits it")
    func nestedDefaults() throws {
        #expect(try configFile("[DEFAULT]\ns3 =\n  nokey\n").sections.count == 1)
        #expect(
            configError { try configFile("[DEFAULT]\ns3 =\n  nokey\n[a]\n") }
                == .malformedNestedLine(file: "~/.aws/config", line: 3, key: "s3"))
        #expect(try configFile("[DEFAULT]\ns3 =\n  nokey\n[a]\ns3 = x\n").sections.count == 2)
    }

    @Test("invalid UTF-8 is refused naming the line")
    func invalidEncoding() {
        let data = Data("[a]\nx = 1\r\ny = ".utf8) + Data([0xFF, 0x0A])
        #expect(
            configError { try ConfigFile(data: data, fileName: "~/.aws/config") }
                == .invalidEncoding(file: "~/.aws/config", line: 3))
    }

    @Test("an empty file and a file of comments have no sections")
    func emptyFiles() throws {
        #expect(try configFile("").sections.isEmpty)
        #expect(try configFile("# only\n\n;comments\n").sections.isEmpty)
    }
}

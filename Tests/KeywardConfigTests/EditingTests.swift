import Foundation
import KeywardConfig
import Testing

@Suite("Lossless round trips and minimal edits")
struct EditingTests {
    static let realistic = """
        # Keyward test config\r
        [default]\r
        region = us-east-1\r
        output=json\r
        \r
        ; the read-only user\r
        [profile jo]\r
        mfa_serial = arn:aws:iam::111111111111:mfa/jo   \r
        s3 =\r
            max_concurrent_requests = 20\r
            addressing_style = path\r
        \r
        [profile admin]\r
          role_arn   :   arn:aws:iam::111111111111:role/admin\r
          source_profile = jo # inline text stays\r
          Duration_Seconds = 3600\r
        [sso-session corp]\r
        sso_start_url = https://corp.awsapps.com/start\r
        [services local]\r
        sts =\r
          endpoint_url = http://127.0.0.1:5000\r
        [unknown]\r
        whatever = \u{00E9}t\u{00E9} \u{1F600}
        """

    static let fixtures: [String] = [
        "", "\n", "\r\n", "[a]", "[a]\n", "[a]\nx = 1", "[a]\r\nx = 1\r\n", "[a]\rx = 1\r", "# c\n\n[a]\n\n\n",
        "[a]\n  x = 1\n    more\n\n  y : 2  \n", "[DEFAULT]\nr = 1\n[b]\n", "\t[a]\t\n\tk\t=\tv\t\n",
        "[profile \"q p\"]\nk = v # x ; y\n", realistic,
    ]

    @Test("an unmodified parse gives back the input byte for byte", arguments: fixtures)
    func roundTrip(_ text: String) throws {
        let file = try configFile(text)
        #expect(Array(file.text.utf8) == Array(text.utf8))
        let fromData = try ConfigFile(data: Data(text.utf8), fileName: "f")
        #expect(Array(fromData.text.utf8) == Array(text.utf8))
    }

    @Test("changing a value rewrites only the value; key spacing, delimiter and trailing text stay")
    func setExistingValue() throws {
        var file = try configFile(Self.realistic)
        try file.setValue("900", forKey: "duration_seconds", inSection: "profile admin")
        try file.setValue("arn:aws:iam::111111111111:role/ops", forKey: "ROLE_ARN", inSection: "profile admin")
        let expected = Self.realistic
            .replacingOccurrences(of: "Duration_Seconds = 3600", with: "Duration_Seconds = 900")
            .replacingOccurrences(of: "role/admin\r", with: "role/ops\r")
        #expect(Array(file.text.utf8) == Array(expected.utf8))
        #expect(file.section(named: "profile admin")?.value(forKey: "duration_seconds") == "900")
    }

    @Test("a multi-line value is replaced by one line; trailing spaces after a value are kept")
    func setNestedValue() throws {
        var file = try configFile(Self.realistic)
        try file.setValue("path", forKey: "s3", inSection: "profile jo")
        try file.setValue("arn:aws:iam::111111111111:mfa/jo2", forKey: "mfa_serial", inSection: "profile jo")
        let expected = Self.realistic
            .replacingOccurrences(
                of: "s3 =\r\n    max_concurrent_requests = 20\r\n    addressing_style = path\r\n", with: "s3 = path\r\n"
            )
            .replacingOccurrences(of: "mfa/jo   \r", with: "mfa/jo2   \r")
        #expect(Array(file.text.utf8) == Array(expected.utf8))
    }

    @Test("a new key goes after the section's last key, with its indentation and the file's line break")
    func addKey() throws {
        var file = try configFile(Self.realistic)
        try file.setValue("eu-west-1", forKey: "region", inSection: "profile admin")
        try file.setValue("", forKey: "empty", inSection: "profile jo")
        let expected = Self.realistic
            .replacingOccurrences(
                of: "  Duration_Seconds = 3600\r\n", with: "  Duration_Seconds = 3600\r\n  region = eu-west-1\r\n"
            )
            .replacingOccurrences(of: "addressing_style = path\r\n", with: "addressing_style = path\r\nempty =\r\n")
        #expect(Array(file.text.utf8) == Array(expected.utf8))
        #expect(file.section(named: "profile jo")?.value(forKey: "empty") == "")
    }

    @Test("setting a key in a missing section appends the section after a blank line")
    func addSection() throws {
        var file = try configFile("[default]\nregion = us-east-1")
        try file.setValue("arn:aws:iam::1:role/r", forKey: "role_arn", inSection: "profile new")
        #expect(file.text == "[default]\nregion = us-east-1\n\n[profile new]\nrole_arn = arn:aws:iam::1:role/r\n")
        var empty = try configFile("")
        try empty.replaceSection(named: "default", with: [("region", "eu-west-1"), ("output", "json")])
        #expect(empty.text == "[default]\nregion = eu-west-1\noutput = json\n")
    }

    @Test("an empty value becomes 'key = value' when set, keeping the key's spacing style")
    func fillEmptyValue() throws {
        var file = try configFile("[a]\nx =\ny=\n")
        try file.setValue("1", forKey: "x", inSection: "a")
        try file.setValue("2", forKey: "y", inSection: "a")
        #expect(file.text == "[a]\nx = 1\ny=2\n")
    }

    @Test("removing a key takes its continuation lines and nothing else")
    func removeKey() throws {
        var file = try configFile(Self.realistic)
        #expect(try file.removeValue(forKey: "s3", inSection: "profile jo"))
        #expect(try !file.removeValue(forKey: "s3", inSection: "profile jo"))
        #expect(try !file.removeValue(forKey: "x", inSection: "no such section"))
        let expected = Self.realistic.replacingOccurrences(
            of: "s3 =\r\n    max_concurrent_requests = 20\r\n    addressing_style = path\r\n", with: "")
        #expect(Array(file.text.utf8) == Array(expected.utf8))
    }

    @Test("removing a section takes its lines and the blank lines after it; a comment before the next stays")
    func removeSection() throws {
        var file = try configFile(Self.realistic)
        #expect(try file.removeSection(named: "default"))
        #expect(try !file.removeSection(named: "default"))
        let expected = Self.realistic.replacingOccurrences(
            of: "[default]\r\nregion = us-east-1\r\noutput=json\r\n\r\n", with: "")
        #expect(Array(file.text.utf8) == Array(expected.utf8))

        var last = try configFile("[a]\nx = 1\n\n[b]\ny = 2\n")
        try last.removeSection(named: "b")
        #expect(last.text == "[a]\nx = 1\n")
        var commented = try configFile("[a]\nx = 1\n# about b\n[b]\n")
        try commented.removeSection(named: "a")
        #expect(commented.text == "# about b\n[b]\n")
    }

    @Test("replacing a section keeps unchanged lines and comments, rewrites changed ones, drops the rest")
    func replaceSection() throws {
        var file = try configFile(
            "[profile x]\nregion   =   us-east-1\n# why\nrole_arn = old\nmfa_serial = m\n\n[profile y]\n")
        try file.replaceSection(
            named: "profile x", with: [("role_arn", "new"), ("region", "us-east-1"), ("output", "json")])
        #expect(
            file.text == "[profile x]\nregion   =   us-east-1\n# why\nrole_arn = new\noutput = json\n\n[profile y]\n")
    }

    @Test("edits that could not read back are refused and change nothing")
    func refusedEdits() throws {
        let original = try configFile("[a]\nx = 1\n")
        let cases: [(String, String, String, String)] = [
            (
                "two\nlines", "x", "a",
                "~/.aws/config: value of \"x\" must be one line without leading or trailing whitespace"
            ),
            (
                " padded", "x", "a",
                "~/.aws/config: value of \"x\" must be one line without leading or trailing whitespace"
            ),
            ("v", "k=y", "a", "~/.aws/config: cannot write key \"k=y\""),
            ("v", "#k", "a", "~/.aws/config: cannot write key \"#k\""),
            ("v", "", "a", "~/.aws/config: cannot write key \"\""),
            ("v", "k", "a\nb", "~/.aws/config: section header must be one non-empty line"),
        ]
        for (value, key, header, message) in cases {
            var file = original
            let error = configError { try file.setValue(value, forKey: key, inSection: header) }
            #expect(error?.description == message)
            #expect(file == original)
        }
        var file = original
        let twice = configError { try file.replaceSection(named: "a", with: [("x", "1"), ("X", "2")]) }
        #expect(twice?.description == "~/.aws/config: key \"X\" given twice for [a]")
    }

    @Test("a key added after a last line without a line break gets one")
    func addAfterUnterminatedLine() throws {
        var file = try configFile("[a]\r\nx = 1")
        try file.setValue("2", forKey: "y", inSection: "a")
        #expect(file.text == "[a]\r\nx = 1\r\ny = 2\r\n")
    }
}

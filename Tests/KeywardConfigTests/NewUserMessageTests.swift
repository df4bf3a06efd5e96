import KeywardConfig
import Testing

/// Issue 21, item 14: config errors that pointed the wrong way.
@Suite struct NewUserMessageTests {
    /// `[profile x` with its `]` missing said "expected a [section] header before the first key" (first
    /// line) or "expected key = value" (later): it is the header that is not closed, on that line.
    @Test func item14AnUnclosedHeaderIsSaidSo() {
        #expect(
            configError { try configFile("[profile dev\nregion = us-east-1\n") }
                == .unclosedSectionHeader(file: "~/.aws/config", line: 1))
        #expect(
            configError { try configFile("[default]\nregion = us-east-1\n\n[profile dev\nregion = x\n") }
                == .unclosedSectionHeader(file: "~/.aws/config", line: 4))
        #expect(
            ConfigError.unclosedSectionHeader(file: "~/.aws/config", line: 4).description
                == "~/.aws/config:4: the section header is not closed: expected \"]\" at the end of the line")
        // A line configparser reads as a key stays one; the first bad line is still the one named.
        #expect(
            configError { try configFile("[a]\njunk\n[profile b\n") } == .malformedLine(file: "~/.aws/config", line: 2))
    }

    /// A bad value brought in by `include_profile` names it (it read as the asked profile's own mistake).
    @Test func item14IncludeProfileProblemsNameIt() throws {
        let files = try resolver(
            config: "[profile base]\nduration_seconds = abc\n\n[profile dev]\ninclude_profile = base\n")
        #expect(
            configError { try files.profile(named: "dev") }
                == .invalidValue(
                    file: "~/.aws/config", line: 2, key: "duration_seconds",
                    reason: "\"abc\" is not a whole number of seconds (of profile \"base\", which include_profile "
                        + "brings into \"dev\")"))
        #expect(
            configError { try files.profile(named: "base") }
                == .invalidValue(
                    file: "~/.aws/config", line: 2, key: "duration_seconds",
                    reason: "\"abc\" is not a whole number of seconds"))
    }
}

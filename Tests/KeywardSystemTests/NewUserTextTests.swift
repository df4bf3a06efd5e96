import KeywardSystem
import Testing

/// Issue 21, item 14: the text rules behind "did you mean" and pasteable suggested commands.
@Suite struct NewUserTextTests {
    @Test func item14TheClosestNamesComeFirst() {
        let names = ["admin", "ro", "jo", "default", "admin-eu", "prod"]
        #expect(NameSuggestions.closest(to: "admn", among: names) == ["admin"])
        #expect(NameSuggestions.closest(to: "admin-e", among: names) == ["admin-eu", "admin"])
        #expect(NameSuggestions.closest(to: "dfeault", among: names) == ["default"])
        #expect(NameSuggestions.closest(to: "xyzzy", among: names) == [])
        #expect(NameSuggestions.closest(to: "admin", among: names) == ["admin-eu"])
        #expect(NameSuggestions.closest(to: "Prod", among: names) == ["prod"])
    }

    @Test func item14SuggestedCommandsQuoteNamesWithSpaces() {
        #expect(ShellQuoting.quoted("jo") == "jo")
        #expect(ShellQuoting.quoted("my dev") == "'my dev'")
        #expect(ShellQuoting.quoted("it's") == "'it'\\''s'")
        #expect(ShellQuoting.quoted("") == "''")
    }
}

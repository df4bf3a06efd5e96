import Testing

@testable import KeywardSystem

/// The one duration parser (issue 12, item 14): bounded, never trapping.
@Suite struct DurationTextTests {
    @Test(arguments: [
        ("3600", 3600), ("900s", 900), ("45m", 2700), ("1h", 3600), ("1h30m", 5400), ("2h0m5s", 7205),
        ("604800", 604_800),
    ])
    func readsWhatPeopleType(text: String, seconds: Int) {
        #expect(DurationText.seconds(from: text) == seconds)
    }

    @Test(arguments: [
        "", "0", "0s", "h", "1x", "-5", "1.5h", "1h30", " 1h", "99999999999999999999h", "9999999999999999h",
        "604801", "169h", "18446744073709551616", String(repeating: "9", count: 40),
    ])
    func refusesAnythingElseWithoutTrapping(text: String) {
        #expect(DurationText.seconds(from: text) == nil)
    }

    @Test func randomTextNeverTrapsAndStaysInBounds() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789hms -x.")
        for _ in 0..<20_000 {
            let length = Int.random(in: 0...24, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            if let seconds = DurationText.seconds(from: text) {
                #expect(seconds >= 1 && seconds <= DurationText.maximumSeconds, "\(text)")
            }
        }
    }
}

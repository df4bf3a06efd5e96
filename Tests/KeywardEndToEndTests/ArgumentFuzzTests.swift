import ArgumentParser
import Foundation
import KeywardPolicy
import KeywardServer
import KeywardSystem
import KeywardTestSupport
import Testing

@testable import keyward

/// Issue 12: every `ExpressibleByArgument` of the CLI takes random text without trapping, and what it
/// accepts is what it means (an enum's raw value; a bounded duration).
@Suite struct ArgumentFuzzTests {
    static let alphabet = Array(
        "0123456789hmsx-=.,: /\\\"'\u{0}\u{7F}éñ日🙂jsontextenvinicredential-processec2ecsidentity")

    static func randomTexts(count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            let length = Int.random(in: 0...40, using: &generator)
            return String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
        } + ["", "99999999999999999999h", String(repeating: "9", count: 400), "1h" + String(repeating: "0", count: 50)]
    }

    static func expectRawValueRoundTrip<T: ExpressibleByArgument & RawRepresentable>(_ type: T.Type, _ text: String)
    where T.RawValue == String {
        if let value = T(argument: text) { #expect(value.rawValue == text, "\(T.self) from \(text.debugDescription)") }
    }

    @Test func everyArgumentTypeTakesRandomTextWithoutTrapping() {
        for text in Self.randomTexts(count: 5_000) {
            if let duration = CredentialDuration(argument: text) {
                #expect(duration.seconds >= 1 && duration.seconds <= DurationText.maximumSeconds, "\(text)")
            }
            Self.expectRawValueRoundTrip(ExportCommand.Format.self, text)
            Self.expectRawValueRoundTrip(ServerKind.self, text)
            Self.expectRawValueRoundTrip(PolicyKind.self, text)
            Self.expectRawValueRoundTrip(PolicyValidateCommand.Format.self, text)
            Self.expectRawValueRoundTrip(PolicySimulateCommand.OutputFormat.self, text)
        }
    }

    /// Item 5: neither test switch is in the binary at all (as `strings` would show).
    @Test func item05NoTestSwitchIsInTheBinary() throws {
        let bytes = try Data(contentsOf: KeywardCLI.binary)
        for name in ["KEYWARD_TEST_IMPORT_KILL_AFTER_WRITES", "KEYWARD_FILE_SCRYPT_LOG2N"] {
            #expect(bytes.range(of: Data(name.utf8)) == nil, "\(name) is in \(KeywardCLI.binary.path)")
        }
    }
}

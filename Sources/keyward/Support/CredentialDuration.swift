import ArgumentParser
import KeywardSystem

/// A session length on the command line: `3600`, `900s`, `45m`, `1h`, `1h30m` (`DurationText`, the one
/// parser).
struct CredentialDuration: ExpressibleByArgument, Sendable, Equatable {
    /// The length in seconds.
    var seconds: Int

    init?(argument: String) {
        guard let seconds = DurationText.seconds(from: argument) else { return nil }
        self.seconds = seconds
    }

    static var defaultValueDescription: String { "1h" }
}

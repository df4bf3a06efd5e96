import KeywardSystem

/// Session lengths as people type them: `3600`, `3600s`, `15m`, `1h`, `1h30m` (Go's `time.ParseDuration`
/// units that make sense for a session, as aws-vault's `--duration` accepts them).
public enum SessionDuration {
    /// Parses a duration into whole seconds.
    /// - Parameter text: digits alone (seconds), or numbers each followed by `h`, `m` or `s`.
    /// - Returns: the number of seconds, at least 1.
    /// - Throws: `FederationError.invalidDuration` for anything else.
    public static func seconds(from text: String) throws(FederationError) -> Int {
        guard let seconds = DurationText.seconds(from: text) else { throw .invalidDuration(text) }
        return seconds
    }
}

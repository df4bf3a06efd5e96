/// Session lengths as people type them: `3600`, `3600s`, `15m`, `1h`, `1h30m` (Go's `time.ParseDuration`
/// units that make sense for a session, as aws-vault's `--duration` accepts them).
public enum SessionDuration {
    /// Parses a duration into whole seconds.
    /// - Parameter text: digits alone (seconds), or numbers each followed by `h`, `m` or `s`.
    /// - Returns: the number of seconds, at least 1.
    /// - Throws: `FederationError.invalidDuration` for anything else.
    public static func seconds(from text: String) throws(FederationError) -> Int {
        if let plain = Int(text), plain > 0 { return plain }
        var total = 0
        var number = ""
        var sawUnit = false
        for character in text {
            if character.isASCII, character.isNumber {
                number.append(character)
                continue
            }
            let scale: Int
            switch character {
            case "h": scale = 3600
            case "m": scale = 60
            case "s": scale = 1
            default: throw .invalidDuration(text)
            }
            guard let value = Int(number), value <= 1_000_000 else { throw .invalidDuration(text) }
            total += value * scale
            number = ""
            sawUnit = true
        }
        guard sawUnit, number.isEmpty, total > 0 else { throw .invalidDuration(text) }
        return total
    }
}

/// Durations as people type them, the one parser for every flag and variable: `3600`, `900s`, `45m`, `1h`,
/// `1h30m` (Go's `time.ParseDuration` units that make sense for sessions, as aws-vault's `--duration`).
///
/// Bounded: no value may pass `maximumSeconds`, so `99999999999999999999h` is refused instead of
/// overflowing (issue 12, item 14).
///
/// ```swift
/// DurationText.seconds(from: "1h30m")  // 5400
/// DurationText.seconds(from: "0")      // nil
/// ```
public enum DurationText {
    /// Longer than any AWS session (36 hours for GetSessionToken) by far: a week.
    public static let maximumSeconds = 7 * 24 * 3600

    /// The whole seconds `text` stands for.
    /// - Parameter text: digits alone (seconds), or numbers each followed by `h`, `m` or `s`.
    /// - Returns: the seconds, from 1 to `maximumSeconds`; `nil` for anything else.
    public static func seconds(from text: String) -> Int? {
        guard !text.isEmpty, text.utf8.count <= 32 else { return nil }
        var total = 0
        var number = 0
        var digits = 0
        var sawUnit = false
        for byte in text.utf8 {
            if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                number = number * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                guard number <= maximumSeconds else { return nil }
                continue
            }
            let scale: Int
            switch byte {
            case UInt8(ascii: "h"): scale = 3600
            case UInt8(ascii: "m"): scale = 60
            case UInt8(ascii: "s"): scale = 1
            default: return nil
            }
            guard digits > 0 else { return nil }
            total += number * scale
            guard total <= maximumSeconds else { return nil }
            number = 0
            digits = 0
            sawUnit = true
        }
        if digits > 0 {
            guard !sawUnit else { return nil }
            total = number
        } else if !sawUnit {
            return nil
        }
        return total > 0 ? total : nil
    }
}

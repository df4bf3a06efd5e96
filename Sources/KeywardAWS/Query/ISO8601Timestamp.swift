import Foundation

/// Reads and writes the ISO 8601 timestamps AWS uses (`2026-11-23T10:00:00Z`, with or without fractions).
public enum ISO8601Timestamp {
    /// Parses a timestamp; `nil` when it is not ISO 8601.
    public static func parse(_ text: String) -> Date? {
        let plain = ISO8601DateFormatter()
        if let date = plain.date(from: text) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }

    /// Formats a date as `yyyy-MM-ddTHH:mm:ssZ` in UTC, the form the SDKs expect in `Expiration`.
    public static func format(_ date: Date) -> String {
        ISO8601DateFormatter().string(from: date)
    }
}

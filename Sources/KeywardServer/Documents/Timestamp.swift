import Foundation

/// The timestamps IMDS and ECS write: ISO 8601 in UTC to the second, `2026-11-23T05:09:34Z`, the one shape
/// every SDK parses (botocore's IMDS fetcher uses `strptime("%Y-%m-%dT%H:%M:%SZ")`).
enum Timestamp {
    /// `date` truncated to the second, so an expiry is never reported later than it is.
    static func format(_ date: Date) -> String {
        date.formatted(.iso8601)
    }
}

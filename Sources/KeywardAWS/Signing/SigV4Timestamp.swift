import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The two SigV4 renderings of a signing instant, in UTC: `X-Amz-Date` (`20150830T123600Z`) and the credential
/// scope's date (`20150830`).
///
/// Built from `gmtime_r` and a fixed-width digit writer rather than a `DateFormatter`: every request is
/// signed, and a formatter costs locale and calendar work the fixed ISO 8601 basic format does not need.
public struct SigV4Timestamp: Sendable, Hashable {
    /// `yyyyMMdd'T'HHmmss'Z'`, the value of `X-Amz-Date`.
    public let amzDate: String

    /// `yyyyMMdd`, the date in the credential scope.
    public var dateStamp: String { String(amzDate.prefix(8)) }

    /// Renders `date` in UTC, dropping fractions of a second. Dates outside years 0...9999 are clamped to them.
    /// - Parameter date: The signing instant.
    public init(_ date: Date) {
        // 0000-01-01T00:00:00Z ... 9999-12-31T23:59:59Z keeps four-digit years and stays clear of overflow.
        let seconds = date.timeIntervalSince1970
        let clamped = seconds.isNaN ? 0 : min(max(seconds.rounded(.down), -62_167_219_200), 253_402_300_799)
        var time = time_t(clamped)
        var parts = tm()
        _ = gmtime_r(&time, &parts)
        var digits: [UInt8] = []
        digits.reserveCapacity(16)
        Self.append(Int(parts.tm_year) + 1900, width: 4, to: &digits)
        Self.append(Int(parts.tm_mon) + 1, width: 2, to: &digits)
        Self.append(Int(parts.tm_mday), width: 2, to: &digits)
        digits.append(UInt8(ascii: "T"))
        Self.append(Int(parts.tm_hour), width: 2, to: &digits)
        Self.append(Int(parts.tm_min), width: 2, to: &digits)
        Self.append(Int(parts.tm_sec), width: 2, to: &digits)
        digits.append(UInt8(ascii: "Z"))
        amzDate = String(decoding: digits, as: UTF8.self)
    }

    private static func append(_ value: Int, width: Int, to digits: inout [UInt8]) {
        var divisor = 1
        for _ in 1..<width {
            divisor *= 10
        }
        var remainder = value
        while divisor > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(remainder / divisor % 10))
            remainder %= divisor
            divisor /= 10
        }
    }
}

/// Typed readings of condition values: numbers, booleans and dates, as IAM reads them.
///
/// Policy values are read once when a policy is compiled; request values once when a request is built, so
/// evaluation compares doubles and never parses.
enum ScalarParsing {
    /// A decimal number (`42`, `-1.5`, `1e3`), or `nil`. Leading and trailing spaces are not allowed.
    static func number(_ bytes: [UInt8]) -> Double? {
        bytes.withUnsafeBufferPointer { number($0) }
    }

    /// A decimal number read from bytes; integers of up to 15 digits without allocating.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty, bytes.count < 64 else { return nil }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return nil }
        var integer: Int64 = 0
        var digits = 0
        var simple = true
        while index < bytes.count {
            let byte = bytes[index]
            guard byte &- 0x30 < 10 else {
                simple = false
                break
            }
            integer = integer &* 10 &+ Int64(byte &- 0x30)
            digits += 1
            index += 1
        }
        if simple {
            guard digits > 0, digits <= 15 else { return digits > 0 ? slowNumber(bytes) : nil }
            return negative ? -Double(integer) : Double(integer)
        }
        return slowNumber(bytes)
    }

    private static func slowNumber(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        var sawDigit = false
        var sawExponent = false
        var sawPoint = false
        var previous: UInt8 = 0
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): sawDigit = true
            case UInt8(ascii: "."):
                if sawExponent || sawPoint { return nil }
                sawPoint = true
            case UInt8(ascii: "e"), UInt8(ascii: "E"):
                if sawExponent || !sawDigit { return nil }
                sawExponent = true
            case UInt8(ascii: "-"), UInt8(ascii: "+"):
                if offset != 0 && previous != UInt8(ascii: "e") && previous != UInt8(ascii: "E") { return nil }
            default: return nil
            }
            previous = byte
        }
        guard sawDigit, previous &- 0x30 < 10 || previous == UInt8(ascii: ".") else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// `true`/`false` in any letter case, or `nil`.
    static func bool(_ bytes: [UInt8]) -> Bool? {
        bytes.withUnsafeBufferPointer { bool($0) }
    }

    /// `true`/`false` in any letter case, or `nil`, without allocating.
    static func bool(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        if bytes.count == 4, bytes[0] | 0x20 == 0x74, bytes[1] | 0x20 == 0x72, bytes[2] | 0x20 == 0x75,
            bytes[3] | 0x20 == 0x65
        {
            return true
        }
        if bytes.count == 5, bytes[0] | 0x20 == 0x66, bytes[1] | 0x20 == 0x61, bytes[2] | 0x20 == 0x6C,
            bytes[3] | 0x20 == 0x73, bytes[4] | 0x20 == 0x65
        {
            return false
        }
        return nil
    }

    /// A date as seconds since 1970-01-01T00:00:00Z, or `nil`.
    ///
    /// Accepts the ISO 8601 forms AWS documents (`2020-01-01`, `2020-01-01T12:00Z`,
    /// `2020-01-01T12:00:00Z`, `2020-01-01T12:00:00.123+02:00`, basic forms without dashes and colons are not
    /// accepted) and epoch seconds (`1577836800`).
    static func date(_ bytes: [UInt8]) -> Double? {
        bytes.withUnsafeBufferPointer { date($0) }
    }

    /// A date read from bytes without allocating.
    static func date(_ bytes: UnsafeBufferPointer<UInt8>) -> Double? {
        guard !bytes.isEmpty, bytes.count < 64 else { return nil }
        if bytes.allSatisfy({ isDigit($0) || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }),
            !(bytes.count >= 10 && bytes[4] == UInt8(ascii: "-"))
        {
            return number(bytes)
        }
        var reader = DigitReader(bytes: bytes)
        guard let year = reader.digits(4), reader.skip("-"), let month = reader.digits(2), reader.skip("-"),
            let day = reader.digits(2), (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(daysSinceEpoch(year: year, month: month, day: day)) * 86_400
        if reader.atEnd { return seconds }
        guard reader.skip("T") || reader.skip("t") || reader.skip(" "),
            let hour = reader.digits(2), reader.skip(":"), let minute = reader.digits(2), hour < 24, minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if reader.skip(":") {
            guard let second = reader.digits(2), second <= 60 else { return nil }
            seconds += Double(second)
            if reader.skip(".") {
                var scale = 0.1
                var fraction = 0.0
                var count = 0
                while let digit = reader.digits(1) {
                    fraction += Double(digit) * scale
                    scale /= 10
                    count += 1
                }
                guard count > 0 else { return nil }
                seconds += fraction
            }
        }
        if reader.atEnd || reader.skip("Z") || reader.skip("z") {
            return reader.atEnd ? seconds : nil
        }
        let sign: Double
        if reader.skip("+") {
            sign = 1
        } else if reader.skip("-") {
            sign = -1
        } else {
            return nil
        }
        guard let offsetHours = reader.digits(2), offsetHours < 24 else { return nil }
        _ = reader.skip(":")
        let offsetMinutes = reader.digits(2) ?? 0
        guard reader.atEnd, offsetMinutes < 60 else { return nil }
        return seconds - sign * Double(offsetHours * 3600 + offsetMinutes * 60)
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to the given civil date (proleptic Gregorian).
    private static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let adjustedYear = month <= 2 ? year - 1 : year
        let era = (adjustedYear >= 0 ? adjustedYear : adjustedYear - 399) / 400
        let yearOfEra = adjustedYear - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private struct DigitReader {
        let bytes: UnsafeBufferPointer<UInt8>
        var index = 0

        var atEnd: Bool { index == bytes.count }

        mutating func digits(_ count: Int) -> Int? {
            guard index + count <= bytes.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let byte = bytes[index + offset]
                guard byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
            }
            index += count
            return value
        }

        mutating func skip(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(ascii: character) else { return false }
            index += 1
            return true
        }
    }
}

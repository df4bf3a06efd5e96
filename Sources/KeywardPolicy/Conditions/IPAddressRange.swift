/// An IPv4 or IPv6 network in CIDR notation, as `IpAddress` and `NotIpAddress` compare them.
///
/// A bare address is a /32 (IPv4) or /128 (IPv6) network. IPv4 addresses never fall inside IPv6
/// networks and vice versa. Stored as two 64-bit words so matching is two masked compares.
public struct IPAddressRange: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// `true` for IPv6.
    public let isIPv6: Bool
    /// The network address's high 64 bits (IPv6) or 0 (IPv4).
    let high: UInt64
    /// The network address's low 64 bits (IPv6) or the IPv4 address in the low 32 bits.
    let low: UInt64
    /// The prefix length: 0...32 for IPv4, 0...128 for IPv6.
    public let prefixLength: Int

    /// Parses `203.0.113.0/24`, `2001:DB8:1234:5678::/64` or a bare address; `nil` if malformed.
    ///
    /// - Parameter text: the CIDR block or address.
    public init?(_ text: String) {
        self.init(bytes: Array(text.utf8))
    }

    init?(bytes: [UInt8]) {
        guard let range = bytes.withUnsafeBufferPointer({ IPAddressRange(buffer: $0) }) else { return nil }
        self = range
    }

    /// Parses from bytes; IPv4 without allocating.
    init?(buffer bytes: UnsafeBufferPointer<UInt8>) {
        var addressPart = bytes[...]
        var prefix: Int?
        if let slash = bytes.firstIndex(of: UInt8(ascii: "/")) {
            addressPart = bytes[..<slash]
            let digits = bytes[(slash + 1)...]
            guard !digits.isEmpty, digits.count <= 3,
                digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") })
            else { return nil }
            prefix = digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
        }
        if let v4 = IPAddressRange.parseIPv4(addressPart) {
            let length = prefix ?? 32
            guard length <= 32 else { return nil }
            isIPv6 = false
            high = 0
            low = UInt64(v4) & IPAddressRange.mask32(length)
            prefixLength = length
            return
        }
        guard let (parsedHigh, parsedLow) = IPAddressRange.parseIPv6(addressPart) else { return nil }
        let length = prefix ?? 128
        guard length <= 128 else { return nil }
        isIPv6 = true
        let (maskHigh, maskLow) = IPAddressRange.mask128(length)
        high = parsedHigh & maskHigh
        low = parsedLow & maskLow
        prefixLength = length
    }

    /// Whether `address` (a single address, parsed the same way) lies inside this network.
    public func contains(_ address: IPAddressRange) -> Bool {
        contains(isIPv6: address.isIPv6, high: address.high, low: address.low)
    }

    @inline(__always)
    func contains(isIPv6 otherIsIPv6: Bool, high otherHigh: UInt64, low otherLow: UInt64) -> Bool {
        guard otherIsIPv6 == isIPv6 else { return false }
        if !isIPv6 {
            return otherLow & IPAddressRange.mask32(prefixLength) == low
        }
        let (maskHigh, maskLow) = IPAddressRange.mask128(prefixLength)
        return otherHigh & maskHigh == high && otherLow & maskLow == low
    }

    /// The network in CIDR notation (IPv6 in full, uncompressed hex groups).
    public var description: String {
        if !isIPv6 {
            let parts = [24, 16, 8, 0].map { String((low >> UInt64($0)) & 0xFF) }
            return parts.joined(separator: ".") + "/\(prefixLength)"
        }
        let groups = (0..<8).map { group -> String in
            let word = group < 4 ? high : low
            let shift = UInt64((3 - group % 4) * 16)
            return String((word >> shift) & 0xFFFF, radix: 16)
        }
        return groups.joined(separator: ":") + "/\(prefixLength)"
    }

    @inline(__always)
    static func mask32(_ length: Int) -> UInt64 {
        length == 0 ? 0 : (UInt64(0xFFFF_FFFF) << UInt64(32 - length)) & 0xFFFF_FFFF
    }

    @inline(__always)
    static func mask128(_ length: Int) -> (UInt64, UInt64) {
        if length >= 64 {
            return (UInt64.max, length == 64 ? 0 : UInt64.max << UInt64(128 - length))
        }
        return (length == 0 ? 0 : UInt64.max << UInt64(64 - length), 0)
    }

    static func parseIPv4<C: Collection>(_ bytes: C) -> UInt32? where C.Element == UInt8 {
        var value: UInt32 = 0
        var octets = 0
        var current = -1
        var digits = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard current >= 0, octets < 3 else { return nil }
                value = value << 8 | UInt32(current)
                octets += 1
                current = -1
                digits = 0
            } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
                digits += 1
                guard digits <= 3 else { return nil }
                current = max(current, 0) * 10 + Int(byte - UInt8(ascii: "0"))
                guard current <= 255 else { return nil }
            } else {
                return nil
            }
        }
        guard current >= 0, octets == 3 else { return nil }
        return value << 8 | UInt32(current)
    }

    static func parseIPv6(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> (UInt64, UInt64)? {
        guard bytes.count >= 2, bytes.count <= 45 else { return nil }
        var groups: [UInt16] = []
        var gapIndex: Int?
        let text = Array(bytes)
        var index = 0
        if text.starts(with: [UInt8(ascii: ":"), UInt8(ascii: ":")]) {
            gapIndex = 0
            index = 2
        } else if text[0] == UInt8(ascii: ":") {
            return nil
        }
        while index < text.count {
            var end = index
            while end < text.count, text[end] != UInt8(ascii: ":") { end += 1 }
            let part = text[index..<end]
            if part.contains(UInt8(ascii: ".")) {
                guard end == text.count, let v4 = parseIPv4(part) else { return nil }
                groups.append(UInt16(v4 >> 16))
                groups.append(UInt16(v4 & 0xFFFF))
                index = end
                break
            }
            guard !part.isEmpty, part.count <= 4, let group = UInt16(String(decoding: part, as: UTF8.self), radix: 16)
            else { return nil }
            groups.append(group)
            if end == text.count {
                index = end
                break
            }
            if end + 1 < text.count, text[end + 1] == UInt8(ascii: ":") {
                guard gapIndex == nil else { return nil }
                gapIndex = groups.count
                index = end + 2
            } else {
                guard end + 1 < text.count else { return nil }
                index = end + 1
            }
        }
        if let gap = gapIndex {
            guard groups.count < 8 else { return nil }
            groups.insert(contentsOf: [UInt16](repeating: 0, count: 8 - groups.count), at: gap)
        }
        guard groups.count == 8 else { return nil }
        var high: UInt64 = 0
        var low: UInt64 = 0
        for group in 0..<4 { high = high << 16 | UInt64(groups[group]) }
        for group in 4..<8 { low = low << 16 | UInt64(groups[group]) }
        return (high, low)
    }
}

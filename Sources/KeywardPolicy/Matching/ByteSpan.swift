/// A range of bytes inside an arena (a request's or a compiled policy's byte storage).
///
/// Plain 32-bit offsets keep compiled statements and request entries trivially copyable, so the evaluation
/// loop never retains or releases anything.
struct ByteSpan: Sendable, Equatable, BitwiseCopyable {
    var start: Int32
    var count: Int32

    static let empty = ByteSpan(start: 0, count: 0)

    init(start: Int, count: Int) {
        self.start = Int32(truncatingIfNeeded: start)
        self.count = Int32(truncatingIfNeeded: count)
    }

    var end: Int { Int(start) + Int(count) }
}

/// A word-at-a-time hash of lowercased key bytes, used to pre-hash condition keys and service prefixes so
/// lookups compare one integer first. Policies and requests hash the same way; equal hashes are always
/// confirmed by comparing bytes.
enum KeyHash {
    @inline(__always)
    static func mix(_ hash: UInt64, _ word: UInt64) -> UInt64 {
        var mixed = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
        mixed ^= mixed >> 29
        return mixed
    }

    @inline(__always)
    static func of(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(count)
        var index = 0
        while index &+ 8 <= count {
            hash = mix(hash, UnsafeRawPointer(pointer + index).loadUnaligned(as: UInt64.self))
            index &+= 8
        }
        if index < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                word |= UInt64(pointer[index]) << shift
                shift &+= 8
                index &+= 1
            }
            hash = mix(hash, word)
        }
        return hash
    }

    static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        guard let base = bytes.baseAddress else { return of(UnsafePointer(bitPattern: 1)!, 0) }
        return of(base, bytes.count)
    }

    static func of(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { of($0) }
    }

    static func of(_ text: String) -> UInt64 {
        of(Array(text.utf8))
    }

    /// Lowercases ASCII letters in place, eight bytes at a time, and returns the hash of the result.
    @inline(__always)
    static func lowerInPlace(_ pointer: UnsafeMutablePointer<UInt8>, _ count: Int) -> UInt64 {
        // One pass, the same word sequence as `of(_:_:)`, so both hash alike.
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(count)
        var index = 0
        while index &+ 8 <= count {
            let raw = UnsafeMutableRawPointer(pointer + index)
            let lowered = SWAR.lowercased(raw.loadUnaligned(as: UInt64.self))
            raw.storeBytes(of: lowered, as: UInt64.self)
            hash = mix(hash, lowered)
            index &+= 8
        }
        if index < count {
            var word: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                let byte = ASCII.lower(pointer[index])
                pointer[index] = byte
                word |= UInt64(byte) << shift
                shift &+= 8
                index &+= 1
            }
            hash = mix(hash, word)
        }
        return hash
    }
}

/// Byte tricks on 64-bit words.
enum SWAR {
    static let ones: UInt64 = 0x0101_0101_0101_0101
    static let highs: UInt64 = 0x8080_8080_8080_8080

    /// ASCII `A`-`Z` bytes of a word turned into `a`-`z`; other bytes unchanged.
    @inline(__always)
    static func lowercased(_ word: UInt64) -> UInt64 {
        let heptets = word & 0x7F7F_7F7F_7F7F_7F7F
        let atLeastA = heptets &+ ones &* (0x80 - 0x41)
        let pastZ = heptets &+ ones &* (0x80 - 0x5B)
        let upper = atLeastA & ~pastZ & ~word & highs
        return word | (upper >> 2)
    }

    /// High bit set in each byte of `word` that is zero (the lowest flagged byte is exact).
    @inline(__always)
    static func zeroBytes(_ word: UInt64) -> UInt64 {
        (word &- ones) & ~word & highs
    }

    /// Flags bytes that are `"`, `\` or below 0x20: where a JSON string's plain run ends.
    @inline(__always)
    static func stringStops(_ word: UInt64) -> UInt64 {
        zeroBytes(word ^ (ones &* 0x22)) | zeroBytes(word ^ (ones &* 0x5C)) | ((word &- ones &* 0x20) & ~word & highs)
    }
}

/// ASCII case folding on bytes (IAM's case-insensitive comparisons are on ASCII letters).
enum ASCII {
    @inline(__always)
    static func lower(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    static func lowered(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map(lower)
    }

    static func lowered(_ text: String) -> [UInt8] {
        text.utf8.map(lower)
    }
}

/// Compares `count` bytes at two addresses.
@inline(__always)
func bytesEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var index = 0
    while index &+ 8 <= count {
        let left = UnsafeRawPointer(lhs + index).loadUnaligned(as: UInt64.self)
        let right = UnsafeRawPointer(rhs + index).loadUnaligned(as: UInt64.self)
        if left != right { return false }
        index &+= 8
    }
    while index < count {
        if lhs[index] != rhs[index] { return false }
        index &+= 1
    }
    return true
}

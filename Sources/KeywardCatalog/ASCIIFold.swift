import Foundation

/// ASCII case folding on UTF-8 bytes, without building lowercased copies: action names and condition keys
/// match case-insensitively (IAM User Guide, "IAM JSON policy elements: Action"), and the catalogue is
/// searched tens of thousands of times per wildcard.
enum ASCIIFold {
    @inline(__always) static func lower(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
    }

    static func equal<A: Collection<UInt8>, B: Collection<UInt8>>(_ lhs: A, _ rhs: B) -> Bool {
        lhs.count == rhs.count && zip(lhs, rhs).allSatisfy { lower($0) == lower($1) }
    }

    static func compare<A: Sequence<UInt8>, B: Sequence<UInt8>>(_ lhs: A, _ rhs: B) -> ComparisonResult {
        var left = lhs.makeIterator()
        var right = rhs.makeIterator()
        while true {
            switch (left.next().map(lower), right.next().map(lower)) {
            case (nil, nil): return .orderedSame
            case (nil, _): return .orderedAscending
            case (_, nil): return .orderedDescending
            case (let a?, let b?):
                if a != b { return a < b ? .orderedAscending : .orderedDescending }
            }
        }
    }
}

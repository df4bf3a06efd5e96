/// SplitMix64: the one small deterministic generator of the property and fuzz tests, so a failing input
/// can be found again from its seed.
public struct SeededRandom: RandomNumberGenerator, Sendable {
    /// The generator's state; the seed to start from.
    public var state: UInt64

    /// Starts from `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    /// One of `values`, which must not be empty.
    public mutating func pick<T>(_ values: [T]) -> T {
        values[below(values.count)]
    }

    /// True `percent` times in a hundred.
    public mutating func chance(_ percent: some BinaryInteger) -> Bool {
        next() % 100 < UInt64(percent)
    }

    /// A number in `0..<bound`.
    public mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }
}

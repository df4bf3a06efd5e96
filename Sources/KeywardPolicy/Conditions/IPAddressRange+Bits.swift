extension IPAddressRange {
    /// The network address as two 64-bit words (IPv4 in the low 32 bits of `low`), for analyses that
    /// construct addresses inside or outside a range.
    public var networkBits: (high: UInt64, low: UInt64) { (high, low) }
}

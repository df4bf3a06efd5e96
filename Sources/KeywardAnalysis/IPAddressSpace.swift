import KeywardPolicy

/// The addresses `IpAddress`/`NotIpAddress` conditions can tell apart: CIDR blocks nest or are disjoint,
/// so an address's class is the smallest block holding it. One address is built inside each block and
/// outside its smaller blocks (walking the block's bits towards a free branch), one outside every block
/// of each version, and one value that is no address.
struct IPAddressSpace {
    private struct Block: Hashable {
        var high: UInt64
        var low: UInt64
        var length: Int
        var isIPv6: Bool

        var width: Int { isIPv6 ? 128 : 32 }

        /// Bit `index` (0 = most significant) of the address.
        func bit(_ index: Int) -> Bool {
            if !isIPv6 { return low >> UInt64(31 - index) & 1 == 1 }
            return index < 64 ? high >> UInt64(63 - index) & 1 == 1 : low >> UInt64(127 - index) & 1 == 1
        }

        func setting(_ index: Int, _ value: Bool) -> Block {
            var copy = self
            let mask: UInt64
            if !isIPv6 {
                mask = 1 << UInt64(31 - index)
                copy.low = value ? low | mask : low & ~mask
            } else if index < 64 {
                mask = 1 << UInt64(63 - index)
                copy.high = value ? high | mask : high & ~mask
            } else {
                mask = 1 << UInt64(127 - index)
                copy.low = value ? low | mask : low & ~mask
            }
            return copy
        }

        /// Whether `other` lies within this block (or is it).
        func contains(_ other: Block) -> Bool {
            other.isIPv6 == isIPv6 && other.length >= length && (0..<length).allSatisfy { bit($0) == other.bit($0) }
        }

        var text: String {
            if !isIPv6 { return (0..<4).map { String((low >> UInt64(24 - 8 * $0)) & 0xFF) }.joined(separator: ".") }
            let groups = (0..<8).map { group -> String in
                let word = group < 4 ? high : low
                return String((word >> UInt64(48 - 16 * (group % 4))) & 0xFFFF, radix: 16)
            }
            return groups.joined(separator: ":")
        }
    }

    var configs: [KeySpace.Config] = []

    init(_ values: [String], origin: String) throws(Undecidable) {
        var blocks: Set<Block> = []
        for value in values {
            guard let range = IPAddressRange(value) else { continue }
            let bits = range.networkBits
            blocks.insert(Block(high: bits.high, low: bits.low, length: range.prefixLength, isIPv6: range.isIPv6))
        }
        let roots = [
            Block(high: 0, low: 0, length: 0, isIPv6: false), Block(high: 0, low: 0, length: 0, isIPv6: true),
        ]
        for block in roots + blocks.sorted(by: { $0.length < $1.length }) {
            let inner = blocks.filter { $0 != block && block.contains($0) }
            guard let address = IPAddressSpace.free(block, avoiding: inner) else { continue }
            let text = address.text
            guard let check = IPAddressRange(text), check.prefixLength == address.width else {
                throw Undecidable(reason: "\(origin): cannot write the address \(text)")
            }
            // A narrow block is a fixed network (S3 User Guide, "The meaning of 'public'").
            let pinned = block.length >= (block.isIPv6 ? 32 : 8)
            configs.append(KeySpace.Config(values: [text], pinned: pinned))
        }
        configs.append(KeySpace.Config(values: ["keyward-not-an-address"], pinned: false))
    }

    /// An address in `block` outside every block of `avoiding`.
    private static func free(_ block: Block, avoiding: Set<Block>) -> Block? {
        if avoiding.contains(where: { $0.contains(block) }) { return nil }
        let below = avoiding.filter { block.contains($0) }
        if below.isEmpty || block.length == block.width { return below.isEmpty ? block : nil }
        for value in [false, true] {
            var child = block.setting(block.length, value)
            child.length += 1
            if let found = free(child, avoiding: below) { return found }
        }
        return nil
    }
}

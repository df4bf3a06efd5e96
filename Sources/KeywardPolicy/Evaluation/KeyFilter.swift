/// The condition keys a policy set can look at, and which typed readings each needs.
///
/// A batch reads each request against one known policy set, so it keeps only the context keys some
/// condition or policy variable names, and reads each value only as the types its operators compare
/// (a date for `aws:CurrentTime`, an address for `aws:SourceIp`). An open-addressing table of key hashes:
/// two keys with the same hash share (OR) their flags, which only means a little extra work.
struct KeyFilter: Sendable {
    static let keep: UInt8 = 1
    static let lowered: UInt8 = 2
    static let number: UInt8 = 4
    static let date: UInt8 = 8
    static let address: UInt8 = 16
    static let boolean: UInt8 = 32
    static let all: UInt8 = 0xFF

    private var hashes: [UInt64]
    private var flags: [UInt8]
    private let mask: Int
    /// Readings needed for each derived key (``EvaluationRequest/DerivedKey/all`` order), looked up once.
    let derived: [UInt8]

    init(_ entries: [(hash: UInt64, flags: UInt8)]) {
        var table = KeyFilter.Table(entries)
        hashes = table.hashes
        flags = table.flags
        mask = table.mask
        derived = EvaluationRequest.DerivedKey.all.map { table.readings(for: $0.hash) }
        table = KeyFilter.Table([])
    }

    /// The open-addressing table itself.
    private struct Table {
        var hashes: [UInt64]
        var flags: [UInt8]
        let mask: Int

        init(_ entries: [(hash: UInt64, flags: UInt8)]) {
            var size = 16
            while size < entries.count * 4 { size <<= 1 }
            hashes = [UInt64](repeating: 0, count: size)
            flags = [UInt8](repeating: 0, count: size)
            mask = size - 1
            for entry in entries {
                let hash = entry.hash == 0 ? 1 : entry.hash
                var slot = Int(truncatingIfNeeded: hash) & mask
                while hashes[slot] != 0, hashes[slot] != hash { slot = (slot + 1) & mask }
                hashes[slot] = hash
                flags[slot] |= entry.flags
            }
        }

        func readings(for rawHash: UInt64) -> UInt8 {
            let hash = rawHash == 0 ? 1 : rawHash
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let stored = hashes[slot]
                if stored == hash { return flags[slot] }
                if stored == 0 { return 0 }
                slot = (slot + 1) & mask
            }
        }
    }

    /// The readings needed for a key hash; 0 when no policy looks at the key.
    @inline(__always)
    func readings(for rawHash: UInt64) -> UInt8 {
        let hash = rawHash == 0 ? 1 : rawHash
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = hashes[slot]
            if stored == hash { return flags[slot] }
            if stored == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// Readings a condition family needs.
    static func readings(for family: ConditionOperator.Family) -> UInt8 {
        switch family {
        case .string, .stringLike, .binary, .arn, .null: return keep
        case .stringIgnoreCase: return keep | lowered
        case .numeric: return keep | number
        case .date: return keep | date
        case .ipAddress: return keep | address
        case .bool: return keep | boolean
        }
    }
}

extension PolicyProgram {
    /// Every key this policy's conditions and variables look at, with the readings they need.
    var keyReadings: [(hash: UInt64, flags: UInt8)] {
        var result: [(hash: UInt64, flags: UInt8)] = []
        for index in 0..<conditionCount {
            let condition = conditions[index]
            result.append((condition.keyHash, KeyFilter.readings(for: condition.family)))
        }
        for index in 0..<tokenCount where tokens[index].kind == TokenCode.variable {
            result.append((tokens[index].keyHash, KeyFilter.keep | KeyFilter.lowered))
        }
        return result
    }
}

extension PolicySet {
    /// The filter for all policies of this set.
    func makeKeyFilter() -> KeyFilter {
        KeyFilter(policies.flatMap { $0.program.keyReadings })
    }
}

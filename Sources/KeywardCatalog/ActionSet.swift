/// A set of the catalogue's actions as one bit per action: the union of a policy's `Allow` statements and the
/// subtraction of its `Deny` are a few hundred word operations, even when `*` brings in all 20,000.
///
/// ```swift
/// var granted = catalog.actionSet(matching: "iam:*")
/// granted.subtract(catalog.actionSet(matching: "iam:Delete*"))
/// granted.contains(catalog.action("iam:PutUserPolicy")!)    // true
/// ```
public struct ActionSet: Sendable, Equatable {
    private var words: [UInt64]
    /// The number of actions of the catalogue.
    private let capacity: Int

    /// An empty set for a catalogue of `count` actions.
    init(capacity count: Int) {
        words = [UInt64](repeating: 0, count: (count + 63) / 64)
        capacity = count
    }

    /// Whether the set has no action.
    public var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// The number of actions in the set.
    public var count: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    /// Adds an action of the same catalogue.
    public mutating func insert(_ action: CatalogAction) {
        words[action.index / 64] |= 1 << UInt64(action.index % 64)
    }

    /// Whether the set holds an action of the same catalogue.
    public func contains(_ action: CatalogAction) -> Bool {
        action.index / 64 < words.count && words[action.index / 64] & (1 << UInt64(action.index % 64)) != 0
    }

    /// Adds every action of `other`.
    public mutating func formUnion(_ other: ActionSet) {
        for index in words.indices where index < other.words.count { words[index] |= other.words[index] }
    }

    /// Removes every action of `other`.
    public mutating func subtract(_ other: ActionSet) {
        for index in words.indices where index < other.words.count { words[index] &= ~other.words[index] }
    }

    /// The actions not in the set (what `NotAction` grants).
    public var complement: ActionSet {
        var result = self
        for index in result.words.indices { result.words[index] = ~result.words[index] }
        // The bits past the last action stand for nothing.
        if capacity % 64 != 0, let last = result.words.indices.last {
            result.words[last] &= (1 << UInt64(capacity % 64)) &- 1
        }
        return result
    }

    /// The indices of the actions in the set, in catalogue order.
    var indices: [Int] {
        var result: [Int] = []
        for (wordIndex, word) in words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                result.append(wordIndex * 64 + bits.trailingZeroBitCount)
                bits &= bits - 1
            }
        }
        return result
    }
}

extension ServiceCatalog {
    /// The actions a pattern matches, as a set (see ``actions(matching:)``).
    public func actionSet(matching pattern: String) -> ActionSet {
        var set = emptyActionSet
        for action in actions(matching: pattern) { set.insert(action) }
        return set
    }

    /// An empty set sized for this catalogue.
    public var emptyActionSet: ActionSet { ActionSet(capacity: storage.actions.count) }

    /// The actions of a set, in catalogue order (by service prefix, then name).
    public func actions(in set: ActionSet) -> [CatalogAction] {
        // A complement holds actions of services nothing has read yet.
        var last = -1
        return set.indices.filter { $0 < storage.actions.count }.map { index in
            let service = storage.service(ofAction: index)
            if service != last {
                storage.load(service)
                last = service
            }
            return CatalogAction(storage: storage, index: index)
        }
    }
}

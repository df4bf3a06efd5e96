/// One action of the catalogue: `s3:GetObject` with its access level, resource types, condition keys and
/// dependent actions (Service Authorization Reference, "Actions defined by ...").
///
/// A light view into the catalogue (a reference and an index): expanding `*` to 20,000 actions builds
/// 20,000 of these and no strings; the properties decode the data when read.
public struct CatalogAction: Sendable, Hashable, CustomStringConvertible {
    let storage: CatalogStorage
    let index: Int

    private var record: CatalogStorage.ActionRecord { storage.actions[index] }

    /// The service the action belongs to.
    public var service: CatalogService { CatalogService(storage: storage, index: Int(record.service)) }
    /// The service prefix, e.g. `s3`.
    public var prefix: String { storage.string(storage.services[Int(record.service)].prefix) }
    /// The action name as the reference spells it, e.g. `GetObject`.
    public var name: String { storage.string(record.name) }
    /// `s3:GetObject`.
    public var fullName: String { prefix + ":" + name }
    /// `s3:GetObject`.
    public var description: String { fullName }
    /// List, Read, Write, Permissions management or Tagging.
    public var accessLevel: AccessLevel { record.level }

    /// The resource types the action can be scoped to; empty when it supports only `"Resource": "*"`.
    public var resources: [ActionResource] {
        let service = self.service
        let serviceRecord = storage.services[Int(record.service)]
        return storage.parts(record.rows, UInt8(ascii: ";")).map { row in
            let pieces = storage.parts(row, UInt8(ascii: "="))
            var head = pieces[0]
            let required = storage.bytes[Int(head.end) - 1] == UInt8(ascii: "!")
            if required { head.end -= 1 }
            let resource = Int(serviceRecord.resources.lowerBound) + storage.numbers(head)[0]
            let keys = pieces.count > 1 ? keyNames(storage.numbers(pieces[1])) : []
            return ActionResource(
                resourceType: service.resourceType(at: resource), required: required, conditionKeys: keys)
        }
    }

    /// The action-level condition keys (those of the reference's row without a resource type).
    public var conditionKeys: [String] { keyNames(storage.numbers(record.keys)) }

    /// Other actions a call may need, e.g. `iam:PassRole` for `ec2:RunInstances`.
    public var dependentActions: [String] {
        storage.parts(record.dependents, UInt8(ascii: ",")).map(storage.string)
    }

    /// Every condition key usable with the action: action-level keys, the keys of each of its resource rows,
    /// and the keys of its resource types.
    public var allConditionKeys: [String] {
        var seen = Set<String>()
        var keys: [String] = []
        for key in conditionKeys + resources.flatMap({ $0.conditionKeys + $0.resourceType.conditionKeys })
        where seen.insert(key.lowercased()).inserted {
            keys.append(key)
        }
        return keys
    }

    /// Whether a condition key written in a policy is one the action has (action-level, on one of its resource
    /// rows, or of one of its resource types), case-insensitively, a trailing template (`${TagKey}`, `<key>`)
    /// standing for any text. Compares bytes in place: the validator asks this of thousands of actions.
    ///
    /// - Parameter written: the key from a policy's `Condition`, e.g. `ec2:ResourceTag/team`.
    public func hasConditionKey(_ written: String) -> Bool {
        let key = Array(written.utf8)
        let base = Int(storage.services[Int(record.service)].keys.lowerBound)
        let resourceBase = Int(storage.services[Int(record.service)].resources.lowerBound)
        func matches(_ relative: Int) -> Bool {
            ConditionKey.matches(template: storage.slice(storage.keys[base + relative].name), written: key)
        }
        if storage.numbers(record.keys).contains(where: matches) { return true }
        for row in storage.parts(record.rows, UInt8(ascii: ";")) {
            let pieces = storage.parts(row, UInt8(ascii: "="))
            var head = pieces[0]
            if storage.bytes[Int(head.end) - 1] == UInt8(ascii: "!") { head.end -= 1 }
            if pieces.count > 1, storage.numbers(pieces[1]).contains(where: matches) { return true }
            let resource = storage.resources[resourceBase + storage.numbers(head)[0]]
            if storage.numbers(resource.keys).contains(where: matches) { return true }
        }
        return false
    }

    /// Whether the action supports only `"Resource": "*"` (no resource-level permissions).
    public var requiresStarResource: Bool { record.rows.isEmpty }

    /// Whether the action's name (without prefix) matches a lowercased or mixed-case wildcard pattern.
    func nameMatches(_ pattern: [UInt8]) -> Bool {
        Wildcard.matches(pattern: pattern, subject: storage.slice(record.name), foldCase: true)
    }

    private func keyNames(_ relative: [Int]) -> [String] {
        let base = Int(storage.services[Int(record.service)].keys.lowerBound)
        return relative.map { storage.string(storage.keys[base + $0].name) }
    }

    /// The same action of the same catalogue.
    public static func == (lhs: CatalogAction, rhs: CatalogAction) -> Bool {
        lhs.storage === rhs.storage && lhs.index == rhs.index
    }

    /// Hashes the action's position in the catalogue.
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }
}

/// One resource type an action can be scoped to.
public struct ActionResource: Sendable, Equatable {
    /// The resource type.
    public let resourceType: ResourceType
    /// Whether the reference marks it required (`*` in its table).
    public let required: Bool
    /// Condition keys the reference lists on this action's row for this type.
    public let conditionKeys: [String]

    /// Creates a row.
    public init(resourceType: ResourceType, required: Bool, conditionKeys: [String]) {
        self.resourceType = resourceType
        self.required = required
        self.conditionKeys = conditionKeys
    }
}

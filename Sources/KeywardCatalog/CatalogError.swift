/// The ways the catalogue can fail.
public enum CatalogError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The embedded catalogue text is not in the format `scripts/catalog-generate` writes (a build defect,
    /// never user input).
    case malformedData(line: Int, reason: String)
    /// An action pattern matched no action of the catalogue (or was not `service:Action` or `*`).
    case noMatch(pattern: String)

    /// One line of fact.
    public var description: String {
        switch self {
        case .malformedData(let line, let reason): return "service catalogue line \(line): \(reason)"
        case .noMatch(let pattern):
            return pattern.contains(":") || pattern == "*"
                ? "\"\(pattern)\" matches no action" : "\"\(pattern)\" is not an action pattern like s3:Get*"
        }
    }
}

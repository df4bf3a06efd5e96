extension PolicyKind {
    /// The kind in a sentence with its article, `an identity policy`, `a trust policy` (issue 21, item 14:
    /// messages said "in a identity policy"). The article follows the sound: `an scp policy`, "an ess".
    public var phrase: String {
        switch self {
        case .identity, .scp, .rcp: return "an \(rawValue) policy"
        case .resource, .trust, .keyPolicy, .boundary, .session: return "a \(rawValue) policy"
        }
    }
}

/// The findings of one policy, with what the renderers need to place them: the file, its bytes (for spans),
/// and for a policy inside an account's `GetAccountAuthorizationDetails` output, the principal or policy it
/// belongs to.
public struct FindingGroup: Sendable {
    /// The file name as given on the command line.
    public var file: String
    /// Where in an account the policy sits, e.g. `role Admin, trust policy`; `nil` for a policy file.
    public var subject: String?
    /// The file's bytes (empty when unknown).
    public var bytes: [UInt8]
    /// The findings, errors first.
    public var findings: [ValidationFinding]

    /// Creates a group.
    public init(file: String, subject: String? = nil, bytes: [UInt8], findings: [ValidationFinding]) {
        self.file = file
        self.subject = subject
        self.bytes = bytes
        self.findings = findings
    }
}

extension ValidationFinding {
    /// The finding's JSON path as Access Analyzer's `locations[].path` writes it: `Statement`, `0`, `Action`...
    /// A condition key keeps its dots (`token.actions.githubusercontent.com:sub`).
    var pathComponents: [PathComponent] {
        guard !path.isEmpty else { return [] }
        var pieces = path.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if pieces.count > 3, pieces[1] == "Condition" {
            pieces = Array(pieces[0...2]) + [pieces[3...].joined(separator: ".")]
        }
        var components: [PathComponent] = []
        for piece in pieces {
            // `Action[2]` is the key and then the index; a condition key is never split at brackets.
            if piece.hasSuffix("]"), let open = piece.lastIndex(of: "["),
                let index = Int(piece[piece.index(after: open)..<piece.index(before: piece.endIndex)])
            {
                components.append(.value(String(piece[..<open])))
                components.append(.index(index))
            } else {
                components.append(.value(piece))
            }
        }
        return components
    }

    /// One step of a JSON path.
    enum PathComponent: Equatable {
        case value(String)
        case index(Int)
    }
}

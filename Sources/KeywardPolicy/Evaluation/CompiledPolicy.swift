/// A policy document compiled for fast evaluation. Compile once, evaluate many requests.
///
/// ```swift
/// let document = try PolicyDocument.parse(json, source: "policy.json", kind: .identity)
/// let policy = CompiledPolicy(document)
/// let decision = PolicySet(identity: [policy]).decide(request)
/// ```
public struct CompiledPolicy: Sendable {
    /// The document this was compiled from (used for explanations).
    public let document: PolicyDocument
    let program: PolicyProgram
    /// For each statement, `{"policy":...,"statement":...,"sid":...}` ready to write into JSONL answers.
    let statementJSON: [[UInt8]]

    /// Compiles a document.
    ///
    /// - Parameter document: a parsed policy (see ``PolicyDocument/parse(_:source:kind:)-([UInt8],_,_)``).
    public init(_ document: PolicyDocument) {
        self.document = document
        program = PolicyProgram(ProgramBuilder(document: document))
        statementJSON = document.statements.map { statement in
            var json = JSONText()
            json.raw("{\"policy\":")
            json.string(document.source)
            json.raw(",\"statement\":")
            json.string(statement.path)
            if let sid = statement.sid {
                json.raw(",\"sid\":")
                json.string(sid)
            }
            json.raw(",\"effect\":")
            json.string(statement.effect.rawValue)
            json.raw("}")
            return json.bytes
        }
    }

    /// Parses and compiles a policy in one step.
    ///
    /// - Parameters:
    ///   - text: the policy JSON.
    ///   - source: the name used in messages.
    ///   - kind: how the policy is attached.
    /// - Throws: ``PolicyError`` when the policy cannot be evaluated faithfully.
    public init(_ text: String, source: String = "policy", kind: PolicyKind = .identity) throws(PolicyError) {
        self.init(try PolicyDocument.parse(text, source: source, kind: kind))
    }

    /// The name used in messages.
    public var source: String { document.source }
    /// How the policy is attached.
    public var kind: PolicyKind { document.kind }
}

/// A pattern or condition value of a policy as the evaluator reads it, for analyses outside this module
/// (KeywardAnalysis builds automata from them): literal text, wildcards and policy variables, and for ARN
/// patterns the fields the evaluator matches one by one.
///
/// ```swift
/// PolicyPattern("arn:aws:s3:::logs-*", variables: true, wildcards: true).arnFields?.count   // 5
/// ```
public struct PolicyPattern: Sendable, Equatable {
    /// One piece of a pattern.
    public enum Piece: Sendable, Equatable {
        /// Literal text (UTF-8).
        case literal([UInt8])
        /// `*`: any run of characters.
        case star
        /// `?`: any one character.
        case question
        /// `${key}` or `${key, 'default'}`, replaced by the request's value.
        case variable(key: String, defaultValue: [UInt8]?)
    }

    /// The pieces in order, as ``PatternTemplate`` reads them (the evaluator's own rule, not a copy).
    public let pieces: [Piece]

    /// Reads a pattern.
    ///
    /// - Parameters:
    ///   - text: the pattern or value as written.
    ///   - variables: whether `${...}` is a policy variable (version 2012-10-17).
    ///   - wildcards: whether `*` and `?` are wildcards (patterns, `...Like` operators).
    public init(_ text: String, variables: Bool, wildcards: Bool) {
        pieces = PatternTemplate(text, variables: variables, wildcards: wildcards).pieces.map(Self.piece)
    }

    private init(pieces: [Piece]) { self.pieces = pieces }

    private static func piece(_ piece: PatternTemplate.Piece) -> Piece {
        switch piece {
        case .literal(let bytes): return .literal(bytes)
        case .star: return .star
        case .question: return .question
        case .variable(let key, let defaultValue): return .variable(key: key, defaultValue: defaultValue)
        }
    }

    /// Whether any piece is a policy variable.
    public var hasVariables: Bool {
        pieces.contains { if case .variable = $0 { return true } else { return false } }
    }

    /// Whether any piece is a wildcard.
    public var hasWildcards: Bool { pieces.contains { $0 == .star || $0 == .question } }

    /// For a pattern `arn:...` (read with `text` minus its `arn:` prefix), the fields the evaluator
    /// matches: split at the first four literal colons; the last field is matched against the rest of the
    /// request's ARN, colons included.
    ///
    /// - Parameters:
    ///   - text: the whole pattern, starting with `arn:`.
    ///   - variables: whether `${...}` is a policy variable.
    /// - Returns: the fields, or `nil` when `text` does not start with `arn:`.
    public static func arnFields(_ text: String, variables: Bool) -> [PolicyPattern]? {
        guard text.hasPrefix("arn:") else { return nil }
        let template = PatternTemplate(String(text.dropFirst(4)), variables: variables, wildcards: true)
        return ProgramBuilder.splitFields(template.pieces).map { PolicyPattern(pieces: $0.map(Self.piece)) }
    }
}

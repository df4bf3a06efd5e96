import KeywardPolicy

/// One policy pattern as a sequence of tokens over Unicode scalars, the form the request-class automaton
/// (``StringSpace``) runs. It follows the evaluator's matching: `*` any run, `?` one character, ASCII case
/// folded for actions and `...IgnoreCase` operators, and inside the fields of an ARN pattern before the
/// last one, wildcards never cross a colon (the evaluator matches those fields one by one).
struct Glob: Sendable, Hashable {
    /// A token.
    enum Token: Sendable, Hashable {
        case literal(Unicode.Scalar)
        case any(crossesColon: Bool)
        case star(crossesColon: Bool)
    }

    var tokens: [Token]
    /// Literals compare ASCII letters without case.
    var folded: Bool

    /// Whether the pattern has no wildcard (it matches one string, or a handful of case variants).
    var isExact: Bool {
        tokens.allSatisfy { if case .literal = $0 { return true } else { return false } }
    }

    /// Literal text.
    init(literal text: String, folded: Bool = false) {
        tokens = text.unicodeScalars.map { .literal($0) }
        self.folded = folded
    }

    init(tokens: [Token], folded: Bool) {
        self.tokens = tokens
        self.folded = folded
    }

    /// A pattern as the policy reader parsed it.
    ///
    /// - Throws: ``Undecidable`` for a policy variable, which ties this value to another part of the request.
    init(_ pattern: PolicyPattern, folded: Bool, crossesColon: Bool = true, origin: String) throws(Undecidable) {
        self.folded = folded
        tokens = try Glob.tokens(pattern.pieces, crossesColon: crossesColon, origin: origin)
    }

    static func tokens(
        _ pieces: [PolicyPattern.Piece], crossesColon: Bool, origin: String
    ) throws(Undecidable) -> [Token] {
        var tokens: [Token] = []
        for piece in pieces {
            switch piece {
            case .literal(let bytes):
                tokens += String(decoding: bytes, as: UTF8.self).unicodeScalars.map { .literal($0) }
            case .star: tokens.append(.star(crossesColon: crossesColon))
            case .question: tokens.append(.any(crossesColon: crossesColon))
            case .variable(let key, _):
                throw Undecidable(reason: "\(origin): policy variable ${\(key)} ties the value to the request")
            }
        }
        return tokens
    }

    /// An ARN pattern (`arn:...`) read field by field as the evaluator matches it. The result must be
    /// combined with ``arnShape`` (the request's text must split into six fields).
    ///
    /// - Returns: `nil` when the text does not start with `arn:`.
    static func arn(_ text: String, variables: Bool, origin: String) throws(Undecidable) -> Glob? {
        guard let fields = PolicyPattern.arnFields(text, variables: variables) else { return nil }
        var tokens: [Token] = "arn:".unicodeScalars.map { .literal($0) }
        for (index, field) in fields.enumerated() {
            let last = index == fields.count - 1
            tokens += try Glob.tokens(field.pieces, crossesColon: last, origin: origin)
            if !last { tokens.append(.literal(":")) }
        }
        return Glob(tokens: tokens, folded: false)
    }

    /// The texts the evaluator splits as ARNs: `arn:` and at least four more colons.
    static let arnShape = Glob(
        tokens: "arn:".unicodeScalars.map { Token.literal($0) }
            + [
                .star(crossesColon: true), .literal(":"), .star(crossesColon: true), .literal(":"),
                .star(crossesColon: true), .literal(":"), .star(crossesColon: true), .literal(":"),
                .star(crossesColon: true),
            ],
        folded: false)

    /// The scalars the pattern's literals can match (both cases when folded).
    var alphabet: Set<Unicode.Scalar> {
        var result: Set<Unicode.Scalar> = []
        for case .literal(let scalar) in tokens {
            result.insert(scalar)
            if folded {
                result.insert(Glob.lower(scalar))
                result.insert(Glob.upper(scalar))
            }
        }
        return result
    }

    static func lower(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (65...90).contains(scalar.value) ? Unicode.Scalar(scalar.value + 32)! : scalar
    }

    static func upper(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        (97...122).contains(scalar.value) ? Unicode.Scalar(scalar.value - 32)! : scalar
    }

    /// Whether the pattern matches all of `text` (for tests and witness checks).
    func matches(_ text: String) -> Bool {
        var positions = closure([0])
        for scalar in text.unicodeScalars {
            positions = step(positions, scalar)
            if positions.isEmpty { return false }
        }
        return positions.contains(tokens.count)
    }

    /// Adds the positions reachable by letting a `*` match nothing. `positions` is sorted; so is the
    /// result (a `*` only moves one position on, so each position adds a run after it).
    func closure(_ positions: [Int]) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(positions.count + 2)
        for start in positions {
            if let last = result.last, start <= last { continue }
            var position = start
            result.append(position)
            while position < tokens.count, case .star = tokens[position] {
                position += 1
                result.append(position)
            }
        }
        return result
    }

    /// The positions after reading one scalar (sorted in, sorted out).
    func step(_ positions: [Int], _ scalar: Unicode.Scalar) -> [Int] {
        var next: [Int] = []
        for position in positions where position < tokens.count {
            let target: Int
            switch tokens[position] {
            case .literal(let expected):
                guard folded ? Glob.lower(expected) == Glob.lower(scalar) : expected == scalar else { continue }
                target = position + 1
            case .any(let crossesColon):
                guard crossesColon || scalar != ":" else { continue }
                target = position + 1
            case .star(let crossesColon):
                guard crossesColon || scalar != ":" else { continue }
                target = position
            }
            if let last = next.last, target <= last { continue }
            next.append(target)
        }
        return next.isEmpty ? next : closure(next)
    }
}

import KeywardSystem

/// Compiles a ``PolicyDocument`` into the tables of a ``PolicyProgram``.
///
/// Everything that can be decided without a request is decided here: action patterns lowercased, ARN
/// patterns split into fields, condition values parsed as numbers, dates, CIDR blocks and booleans,
/// condition keys lowercased and hashed, and statements indexed by the service prefix of their actions.
struct ProgramBuilder {
    var bytes: [UInt8] = [0]
    var tokens: [TokenCode] = []
    var patterns: [PatternCode] = []
    var resources: [ResourcePatternCode] = []
    var principals: [PrincipalCode] = []
    var conditions: [ConditionCode] = []
    var values: [ValueCode] = []
    var statements: [StatementCode] = []
    var serviceIndex: [ServiceIndexEntry] = []
    var alwaysMask: UInt64 = 0
    let variables: Bool
    /// Statements without `Principal` match nobody (resource-based policies grant only to whom they name).
    let requiresPrincipal: Bool

    init(document: PolicyDocument) {
        variables = document.version.supportsVariables
        requiresPrincipal = document.kind.isResourceBased
        for statement in document.statements { add(statement) }
        serviceIndex.sort { $0.hash < $1.hash }
    }

    mutating func store(_ piece: [UInt8]) -> ByteSpan {
        let start = bytes.count
        bytes.append(contentsOf: piece)
        return ByteSpan(start: start, count: piece.count)
    }

    // MARK: Patterns

    /// Adds a pattern built from template pieces and returns its index.
    mutating func addPattern(_ pieces: [PatternTemplate.Piece], folded: Bool) -> Int32 {
        let index = Int32(patterns.count)
        let fold: ([UInt8]) -> [UInt8] = { folded ? ASCII.lowered($0) : $0 }
        func simple(_ shape: UInt8, _ text: [UInt8]) -> Int32 {
            let span = store(fold(text))
            patterns.append(PatternCode(shape: shape, folded: folded, literal: span, tokenStart: 0, tokenCount: 0))
            return index
        }
        if pieces.isEmpty { return simple(PatternCode.exact, []) }
        if pieces == [.star] { return simple(PatternCode.any, []) }
        if pieces.count == 1, case .literal(let text) = pieces[0] { return simple(PatternCode.exact, text) }
        if pieces.count == 2, case .literal(let text) = pieces[0], pieces[1] == .star {
            return simple(PatternCode.prefix, text)
        }
        let tokenStart = Int32(tokens.count)
        for piece in pieces {
            switch piece {
            case .literal(let text):
                tokens.append(
                    TokenCode(
                        kind: TokenCode.literal, hasDefault: false, text: store(fold(text)), keyHash: 0, key: .empty))
            case .star:
                tokens.append(TokenCode(kind: TokenCode.star, hasDefault: false, text: .empty, keyHash: 0, key: .empty))
            case .question:
                tokens.append(
                    TokenCode(kind: TokenCode.question, hasDefault: false, text: .empty, keyHash: 0, key: .empty))
            case .variable(let key, let defaultValue):
                let loweredKey = ASCII.lowered(key)
                tokens.append(
                    TokenCode(
                        kind: TokenCode.variable, hasDefault: defaultValue != nil,
                        text: store(fold(defaultValue ?? [])),
                        keyHash: KeyHash.of(loweredKey), key: store(loweredKey)))
            }
        }
        patterns.append(
            PatternCode(
                shape: PatternCode.tokens, folded: folded, literal: .empty, tokenStart: tokenStart,
                tokenCount: Int32(tokens.count) - tokenStart))
        return index
    }

    /// Adds a `Resource` pattern or ARN condition value and returns its index in `resources`.
    mutating func addResource(_ text: String) -> Int32 {
        let index = Int32(resources.count)
        if text == "*" {
            resources.append(ResourcePatternCode(isAny: true, isARN: false, fieldStart: 0, fieldCount: 0))
            return index
        }
        guard text.hasPrefix("arn:") else {
            let pattern = addPattern(PatternTemplate(text, variables: variables, wildcards: true).pieces, folded: false)
            resources.append(ResourcePatternCode(isAny: false, isARN: false, fieldStart: pattern, fieldCount: 1))
            return index
        }
        let rest = String(text.dropFirst(4))
        let fields = ProgramBuilder.splitFields(PatternTemplate(rest, variables: variables, wildcards: true).pieces)
        let fieldStart = Int32(patterns.count)
        for field in fields { _ = addPattern(field, folded: false) }
        resources.append(
            ResourcePatternCode(isAny: false, isARN: true, fieldStart: fieldStart, fieldCount: Int32(fields.count)))
        return index
    }

    /// Splits pieces at the first four literal colons: partition, service, region, account, resource.
    static func splitFields(_ pieces: [PatternTemplate.Piece]) -> [[PatternTemplate.Piece]] {
        var fields: [[PatternTemplate.Piece]] = [[]]
        for piece in pieces {
            guard case .literal(let text) = piece, fields.count < 5 else {
                fields[fields.count - 1].append(piece)
                continue
            }
            var current: [UInt8] = []
            for byte in text {
                if byte == UInt8(ascii: ":"), fields.count < 5 {
                    if !current.isEmpty { fields[fields.count - 1].append(.literal(current)) }
                    current = []
                    fields.append([])
                } else {
                    current.append(byte)
                }
            }
            if !current.isEmpty { fields[fields.count - 1].append(.literal(current)) }
        }
        return fields
    }

    // MARK: Statements

    mutating func add(_ statement: PolicyStatement) {
        let actionStart = Int32(patterns.count)
        for action in statement.actions.patterns {
            _ = addPattern(
                PatternTemplate(
                    String(decoding: ASCII.lowered(action), as: UTF8.self), variables: false, wildcards: true
                ).pieces, folded: true)
        }
        let actionCount = Int32(patterns.count) - actionStart
        let resourceStart = Int32(resources.count)
        for resource in statement.resources?.patterns ?? [] { _ = addResource(resource) }
        let principalStart = Int32(principals.count)
        if let element = statement.principals { addPrincipals(element) }
        let conditionStart = Int32(conditions.count)
        for clause in statement.conditions { addCondition(clause) }
        let index = statements.count
        statements.append(
            StatementCode(
                isDeny: statement.effect == .deny, actionNegated: statement.actions.negated,
                actionStart: actionStart, actionCount: actionCount,
                resourceMode: statement.resources.map { $0.negated ? StatementCode.negated : StatementCode.positive }
                    ?? StatementCode.absent,
                resourceStart: resourceStart, resourceCount: Int32(resources.count) - resourceStart,
                principalMode: statement.principals.map { $0.negated ? StatementCode.negated : StatementCode.positive }
                    ?? (requiresPrincipal ? StatementCode.nobody : StatementCode.absent),
                principalStart: principalStart, principalCount: Int32(principals.count) - principalStart,
                conditionStart: conditionStart, conditionCount: Int32(conditions.count) - conditionStart))
        indexServices(statement, index: index)
    }

    private mutating func indexServices(_ statement: PolicyStatement, index: Int) {
        guard index < 64 else { return }
        let bit = UInt64(1) << UInt64(index)
        var services: [UInt64] = []
        var always = statement.actions.negated
        for action in statement.actions.patterns where !always {
            let lowered = ASCII.lowered(action)
            guard let colon = lowered.firstIndex(of: UInt8(ascii: ":")) else {
                always = true
                break
            }
            let service = Array(lowered[..<colon])
            if service.contains(UInt8(ascii: "*")) || service.contains(UInt8(ascii: "?")) {
                always = true
            } else {
                services.append(KeyHash.of(service))
            }
        }
        if always {
            alwaysMask |= bit
            return
        }
        for hash in services {
            if let existing = serviceIndex.firstIndex(where: { $0.hash == hash }) {
                serviceIndex[existing].mask |= bit
            } else {
                serviceIndex.append(ServiceIndexEntry(hash: hash, mask: bit))
            }
        }
    }

    private mutating func addPrincipals(_ element: PrincipalElement) {
        if element.anyone { principals.append(PrincipalCode(kind: PrincipalCode.anyone, text: .empty)) }
        for value in element.aws {
            if value == "*" {
                principals.append(PrincipalCode(kind: PrincipalCode.anyone, text: .empty))
            } else if value.utf8.count == 12, value.utf8.allSatisfy({ $0 &- 0x30 < 10 }) {
                principals.append(PrincipalCode(kind: PrincipalCode.account, text: store(Array(value.utf8))))
            } else if let arn = ARN(value), arn.service == "iam", arn.resource == "root" {
                principals.append(PrincipalCode(kind: PrincipalCode.account, text: store(Array(arn.account.utf8))))
            } else {
                principals.append(PrincipalCode(kind: PrincipalCode.arn, text: store(Array(value.utf8))))
            }
        }
        for value in element.service {
            let kind = value == "*" ? PrincipalCode.anyone : PrincipalCode.service
            principals.append(PrincipalCode(kind: kind, text: store(Array(value.utf8))))
        }
        for value in element.federated {
            principals.append(PrincipalCode(kind: PrincipalCode.webIdentity, text: store(Array(value.utf8))))
        }
        for value in element.canonicalUser {
            principals.append(PrincipalCode(kind: PrincipalCode.canonicalUser, text: store(Array(value.utf8))))
        }
    }
}

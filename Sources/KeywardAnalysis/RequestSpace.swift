import KeywardCatalog
import KeywardPolicy

/// Where the analysed policy sits in the evaluation, which decides who may call.
enum Placement: Sendable, Equatable {
    /// An identity-based policy of an unnamed caller: conditions on keys derived from the caller are free.
    case identity
    /// A resource-based policy of a resource in `account`, called from other accounts (whose own policies
    /// are taken to allow), by services, federated and anonymous callers.
    case resource(account: String)
}

/// The finitely many request classes the policies' literals can tell apart, one witness each, per part of
/// a request: actions, resources, callers and each condition key. A request is a choice in each part.
struct RequestSpace: Sendable {
    var actions: [String]
    var resources: [String]
    /// `nil` is an unnamed caller (identity policies).
    var principals: [String?]
    var keys: [KeySpace]
    /// Index into ``keys`` by lowercased key.
    var keyIndex: [String: Int]
    /// The accounts the policies name (resource placement).
    var namedAccounts: Set<String> = []

    /// Resource ARNs that must be told apart even when no policy names them: AWS-owned resources (which
    /// nobody may change) and KMS keys (which need a key policy).
    static let hiddenResources = [
        "arn:*:iam:*:aws:policy/*", "arn:*:iam:*:*:role/aws-service-role/*", "arn:*:kms:*:*:alias/aws/*",
        "arn:*:kms:*:*:key/?*",
    ]

    /// Builds the space of `documents`.
    ///
    /// - Parameters:
    ///   - documents: every policy the question involves.
    ///   - placement: how the policies are evaluated.
    ///   - catalog: the service catalogue, for recognisable action witnesses.
    ///   - actions: when given, the only actions asked about.
    ///   - resources: when given, the only resources asked about.
    ///   - principals: when given, the only callers asked about (resource placement).
    /// - Throws: ``Undecidable`` for a construct outside the procedure.
    init(
        _ documents: [PolicyDocument], placement: Placement, catalog: ServiceCatalog?, actions: [String]? = nil,
        resources: [String]? = nil, principals: [String]? = nil
    ) throws(Undecidable) {
        let statements = documents.flatMap { document in document.statements.map { (document, $0) } }
        self.actions = try RequestSpace.actionWitnesses(statements, catalog: catalog, restrictedTo: actions)
        self.resources = try RequestSpace.resourceWitnesses(statements, placement: placement, restrictedTo: resources)
        switch placement {
        case .identity:
            self.principals = [nil]
        case .resource(let account):
            if let principals {
                self.principals = principals
            } else {
                let fresh = RequestSpace.freshAccount(avoiding: documents, and: [account])
                let candidates = try PrincipalCandidates(documents, freshAccount: fresh, excluded: [account])
                self.principals = candidates.principals
                namedAccounts = Set(candidates.accounts)
            }
        }
        var grouped: [String: [(clause: ConditionClause, variables: Bool)]] = [:]
        var order: [String] = []
        for (document, statement) in statements {
            for clause in statement.conditions {
                let key = clause.key.lowercased()
                if case .resource = placement, PrincipalCandidates.derivedKeys.contains(key) { continue }
                if grouped[key] == nil { order.append(key) }
                grouped[key, default: []].append((clause, document.version.supportsVariables))
            }
        }
        var keys: [KeySpace] = []
        for key in order {
            let readings = grouped[key]!
            keys.append(try KeySpace(key: readings[0].clause.key, clauses: readings))
        }
        self.keys = keys
        keyIndex = Dictionary(uniqueKeysWithValues: order.enumerated().map { ($1, $0) })
    }

    private static func actionWitnesses(
        _ statements: [(PolicyDocument, PolicyStatement)], catalog: ServiceCatalog?, restrictedTo asked: [String]?
    ) throws(Undecidable) -> [String] {
        var space = StringSpace()
        var patterns: [String] = []
        var askedGlobs: [Glob] = []
        for action in asked ?? [] {
            let pattern = PolicyPattern(action.lowercased(), variables: false, wildcards: true)
            let glob = try Glob(pattern, folded: true, origin: "--action \(action)")
            askedGlobs.append(glob)
            space.add([glob], exact: !pattern.hasWildcards)
            patterns.append(action)
        }
        for (_, statement) in statements {
            for action in statement.actions.patterns {
                let pattern = PolicyPattern(action.lowercased(), variables: false, wildcards: true)
                space.add(
                    [try Glob(pattern, folded: true, origin: "\(statement.path).Action")], exact: !pattern.hasWildcards)
                patterns.append(action)
            }
        }
        // Changes to AWS-owned resources are refused whatever the policies say: those actions are a class,
        // when some statement can name one.
        if RequestSpace.namesRefusedActions(statements) {
            for kind in AWSOwnedResource.allCases {
                for action in kind.refusedActionNames.sorted() {
                    space.add([Glob(literal: action, folded: true)], exact: true)
                }
            }
        }
        var preferred: [String] = []
        if let catalog {
            // Patterns of one service are expanded through the catalogue; `*` and `*:Get*` would bring in
            // thousands, so common actions stand in for them.
            for pattern in Set(patterns).sorted()
            where !pattern.prefix(while: { $0 != ":" }).contains(where: { "*?".contains($0) }) {
                preferred += catalog.actions(matching: pattern).prefix(6).map(\.fullName)
            }
        }
        preferred += RequestSpace.commonActions
        let witnesses = try space.atoms(preferred: preferred).map(\.witness)
        guard asked != nil else { return witnesses }
        return witnesses.filter { witness in askedGlobs.contains { $0.matches(witness) } }
    }

    private static func resourceWitnesses(
        _ statements: [(PolicyDocument, PolicyStatement)], placement: Placement, restrictedTo asked: [String]?
    ) throws(Undecidable) -> [String] {
        var space = StringSpace()
        var preferred: [String] = []
        var askedMatchers: [[Glob]] = []
        if case .resource(let account) = placement {
            preferred.append("arn:aws:iam::\(account):role/\(PrincipalCandidates.name)")
        }
        @discardableResult
        func add(_ text: String, variables: Bool, origin: String) throws(Undecidable) -> [Glob] {
            guard text != "*" else { return [Glob(tokens: [.star(crossesColon: true)], folded: false)] }
            let globs: [Glob]
            if let arn = try Glob.arn(text, variables: variables, origin: origin) {
                globs = [arn, Glob.arnShape]
                space.add(globs, exact: arn.isExact)
            } else {
                let pattern = PolicyPattern(text, variables: variables, wildcards: true)
                globs = [try Glob(pattern, folded: false, origin: origin)]
                space.add(globs, exact: !pattern.hasWildcards)
            }
            preferred.append(text.map { $0 == "*" ? "keyward" : $0 == "?" ? "k" : String($0) }.joined())
            return globs
        }
        for resource in asked ?? [] {
            askedMatchers.append(try add(resource, variables: false, origin: "--resource \(resource)"))
        }
        for (document, statement) in statements {
            for resource in statement.resources?.patterns ?? [] {
                try add(
                    resource, variables: document.version.supportsVariables,
                    origin: "\(document.source): \(statement.path).Resource")
            }
        }
        let owned = RequestSpace.namesRefusedActions(statements)
        for hidden in RequestSpace.hiddenResources where owned || hidden.contains(":key/") {
            try add(hidden, variables: false, origin: "")
        }
        preferred.append("*")
        let witnesses = try space.atoms(preferred: preferred).map(\.witness)
        guard asked != nil else { return witnesses }
        return witnesses.filter { witness in askedMatchers.contains { $0.allSatisfy { $0.matches(witness) } } }
    }

    /// Witnesses people recognise for classes no single-service pattern covers.
    static let commonActions = [
        "s3:GetObject", "s3:PutObject", "iam:PassRole", "iam:CreateUser", "ec2:RunInstances", "sts:AssumeRole",
        "kms:Decrypt", "lambda:InvokeFunction", "sqs:SendMessage", "dynamodb:GetItem",
    ]

    /// Whether some statement can apply to an action refused on AWS-owned resources.
    static func namesRefusedActions(_ statements: [(PolicyDocument, PolicyStatement)]) -> Bool {
        let refused = AWSOwnedResource.allCases.flatMap(\.refusedActionNames)
        return statements.contains { _, statement in
            statement.actions.negated
                || statement.actions.patterns.contains { pattern in
                    let glob = try? Glob(
                        PolicyPattern(pattern.lowercased(), variables: false, wildcards: true), folded: true, origin: ""
                    )
                    return refused.contains { glob?.matches($0) ?? true }
                }
        }
    }

    /// A 12-digit account no policy names.
    static func freshAccount(avoiding documents: [PolicyDocument], and others: Set<String>) -> String {
        let text = documents.map { document in
            document.statements.map { "\($0)" }.joined()
        }.joined()
        for digit in ["9", "8", "7", "6", "5", "4", "3", "2"] {
            let candidate = "0000" + String(repeating: digit, count: 8)
            if !text.contains(candidate), !others.contains(candidate) { return candidate }
        }
        return "000000000001"
    }
}

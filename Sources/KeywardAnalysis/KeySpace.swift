import KeywardPolicy

/// The values one condition key can take in a request, up to what the policies' conditions on it can tell
/// apart: absent, one value of each class, several values (sets of classes, when a `ForAllValues:` or
/// `ForAnyValue:` operator reads the key).
struct KeySpace: Sendable {
    /// One way to give the key in a request.
    struct Config: Sendable, Equatable {
        /// The values; `nil` for an absent key.
        var values: [String]?
        /// Only values the policy names (finitely many) are in this class: an outsider cannot present them.
        var pinned: Bool

        static let absent = Config(values: nil, pinned: false)
    }

    /// The key as first written in a policy.
    var key: String
    /// The configurations, absent first.
    var configs: [Config]

    /// The most classes a multivalued key may have (all their subsets are tried).
    static let setClassLimit = 6

    /// Builds the space of a key from the clauses that read it.
    ///
    /// - Throws: ``Undecidable`` for clauses this procedure does not decide exactly.
    init(key: String, clauses readings: [(clause: ConditionClause, variables: Bool)]) throws(Undecidable) {
        self.key = key
        let clauses = readings.map(\.clause)
        let families = Set(clauses.map(\.conditionOperator.base.family)).subtracting([.null])
        let stringFamilies: Set<ConditionOperator.Family> = [
            .string, .stringIgnoreCase, .stringLike, .binary, .arn, .bool,
        ]
        let single: [Config]
        let origin = "condition key \(key)"
        if families.isSubset(of: stringFamilies) {
            single = try KeySpace.stringConfigs(readings, origin: origin)
        } else if families == [.numeric] || families == [.date] {
            single = try KeySpace.orderedConfigs(clauses, date: families == [.date], origin: origin)
        } else if families == [.ipAddress] {
            single = try IPAddressSpace(clauses.flatMap(\.values), origin: origin).configs
        } else {
            let names = families.map { "\($0)" }.sorted().joined(separator: " and ")
            throw Undecidable(reason: "\(origin) is compared as \(names)")
        }
        var configs = [Config.absent] + single
        let usesSets = clauses.contains { $0.conditionOperator.setOperator != nil }
        if usesSets {
            guard single.count <= KeySpace.setClassLimit else {
                throw Undecidable(
                    reason: "\(origin): multivalued key with \(single.count) value classes "
                        + "(at most \(KeySpace.setClassLimit))")
            }
            for mask in 1..<(1 << single.count) {
                let members = single.indices.filter { mask & (1 << $0) != 0 }.map { single[$0] }
                var values = members.compactMap { $0.values?.first }
                if values.count == 1 { values.append(values[0]) }
                configs.append(Config(values: values, pinned: members.contains(where: \.pinned)))
            }
        } else if let first = single.first?.values?.first {
            // Several values make every single-valued operator false, whatever they are.
            configs.append(Config(values: [first, first], pinned: single.first?.pinned ?? false))
        }
        self.configs = configs
    }

    private static func stringConfigs(
        _ readings: [(clause: ConditionClause, variables: Bool)], origin: String
    ) throws(Undecidable) -> [Config] {
        var space = StringSpace()
        for (clause, variables) in readings {
            let family = clause.conditionOperator.base.family
            for value in clause.values {
                switch family {
                case .string, .binary:
                    let pattern = PolicyPattern(value, variables: variables && family == .string, wildcards: false)
                    space.add([try Glob(pattern, folded: false, origin: origin)], exact: true)
                case .stringIgnoreCase:
                    let pattern = PolicyPattern(value, variables: variables, wildcards: false)
                    space.add([try Glob(pattern, folded: true, origin: origin)], exact: true)
                case .stringLike:
                    let pattern = PolicyPattern(value, variables: variables, wildcards: true)
                    space.add([try Glob(pattern, folded: false, origin: origin)], exact: !pattern.hasWildcards)
                case .arn:
                    if value == "*" { continue }
                    if let arn = try Glob.arn(value, variables: variables, origin: origin) {
                        space.add([arn, Glob.arnShape], exact: arn.isExact)
                    } else {
                        let pattern = PolicyPattern(value, variables: variables, wildcards: true)
                        space.add([try Glob(pattern, folded: false, origin: origin)], exact: !pattern.hasWildcards)
                    }
                case .bool:
                    // The evaluator reads `true`/`false` in any letter case as booleans.
                    space.add([Glob(literal: "true", folded: true)], exact: true)
                    space.add([Glob(literal: "false", folded: true)], exact: true)
                default:
                    continue
                }
            }
        }
        // The policy's own values are the witnesses people recognise for the classes they fall in.
        let preferred = readings.flatMap(\.clause.values) + ["true", "false"]
        return try space.atoms(preferred: preferred).map { Config(values: [$0.witness], pinned: $0.pinned) }
    }

    /// Numbers or dates: each constant, a value between each pair, one below, one above, and text that
    /// is no number at all.
    private static func orderedConfigs(
        _ clauses: [ConditionClause], date: Bool, origin: String
    ) throws(Undecidable) -> [Config] {
        func read(_ text: String) -> Double? {
            date ? ConditionValueReading.date(text) : ConditionValueReading.number(text)
        }
        let constants = Set(clauses.flatMap(\.values).compactMap { read($0) }).sorted()
        var points: [(Double, Bool)] = []
        for (index, constant) in constants.enumerated() {
            if index == 0 { points.append((constant - 1, false)) }
            points.append((constant, true))
            let next = index + 1 < constants.count ? constants[index + 1] : constant + 2
            points.append(((constant + next) / 2, false))
        }
        var configs: [Config] = []
        for (point, pinned) in points {
            let text = KeySpace.decimal(point)
            guard read(text) == point else {
                throw Undecidable(reason: "\(origin): cannot write a value equal to \(point)")
            }
            configs.append(Config(values: [text], pinned: pinned))
        }
        configs.append(Config(values: ["keyward-not-a-number"], pinned: false))
        return configs
    }

    /// A plain decimal the evaluator reads back exactly (no exponent).
    static func decimal(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

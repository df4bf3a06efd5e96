import KeywardCatalog

/// Validates policies the way IAM Access Analyzer's `ValidatePolicy` does: grammar errors, security
/// warnings, general warnings and suggestions, each with its JSON path and line.
///
/// ```swift
/// let findings = PolicyValidator.validate(bytes, source: "policy.json", kind: .identity)
/// let hasErrors = findings.contains { $0.severity == .error }
/// ```
public enum PolicyValidator {
    /// All findings for one policy, errors first, then in document order.
    ///
    /// - Parameters:
    ///   - bytes: the policy JSON.
    ///   - source: the name used in messages.
    ///   - kind: how the policy is attached.
    /// - Returns: the findings (empty for a clean policy).
    public static func validate(_ bytes: [UInt8], source: String, kind: PolicyKind) -> [ValidationFinding] {
        validate(bytes, source: source, options: ValidationOptions(kind: kind))
    }

    /// Validates a policy given as a string.
    public static func validate(_ text: String, source: String, kind: PolicyKind) -> [ValidationFinding] {
        validate(Array(text.utf8), source: source, kind: kind)
    }

    /// All findings for one policy, with the checks that need the service catalogue when `options` has one:
    /// errors first, then in document order.
    ///
    /// - Parameters:
    ///   - bytes: the policy JSON.
    ///   - source: the name used in messages.
    ///   - options: the policy's kind, the resource it is attached to, and the catalogue.
    /// - Returns: the findings (empty for a clean policy).
    public static func validate(_ bytes: [UInt8], source: String, options: ValidationOptions) -> [ValidationFinding] {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            // The reader words the syntax error with its place.
            return sorted(PolicyDocument.read(bytes, source: source, kind: options.kind).findings)
        }
        return validate(root, bytes: bytes, source: source, options: options)
    }

    /// Validates an already parsed policy (one of an account's, from `GetAccountAuthorizationDetails`).
    ///
    /// - Parameters:
    ///   - root: the policy object.
    ///   - bytes: the source its offsets point into, for line numbers (may be empty).
    ///   - source: the name used in messages.
    ///   - options: the policy's kind, the resource it is attached to, and the catalogue.
    /// - Returns: the findings, errors first.
    public static func validate(
        _ root: JSONNode, bytes: [UInt8], source: String, options: ValidationOptions
    ) -> [ValidationFinding] {
        validate(root, bytes: bytes, lines: bytes.isEmpty ? nil : LineIndex(bytes), source: source, options: options)
    }

    /// Validates a parsed policy whose file's line index is already built (one index for a whole account).
    static func validate(
        _ root: JSONNode, bytes: [UInt8], lines: LineIndex?, source: String, options: ValidationOptions
    ) -> [ValidationFinding] {
        let result = PolicyDocument.read(root, bytes: bytes, source: source, kind: options.kind)
        var findings = result.findings
        if let document = result.document {
            var reference = ReferenceChecks(
                document: document, bytes: bytes, lines: lines, resourceType: options.resourceType, root: root)
            reference.run()
            reference.checkValueKinds(root)
            // The reader's broader finding gives way where the reference has a precise one.
            findings.removeAll {
                reference.superseded.contains(ReferenceChecks.Superseded(code: $0.issueCode, path: $0.path))
            }
            findings += lint(document, lines: lines) + reference.findings
            if let catalog = options.catalog {
                let locator = PolicyLocator(root: root, lines: lines)
                var checks = CatalogChecks(catalog: catalog, locator: locator, resourceType: options.resourceType)
                checks.run(document)
                var risks = RiskChecks(catalog: catalog, locator: locator)
                risks.run(document)
                findings += checks.findings + risks.findings
            }
        }
        return sorted(findings)
    }

    static func sorted(_ findings: [ValidationFinding]) -> [ValidationFinding] {
        findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity
                ? lhs.element.severity < rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Statement-level checks that need the whole statement.
    static func lint(_ document: PolicyDocument, lines: LineIndex?) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        for statement in document.statements {
            let location = lines?.location(of: statement.offset)
            func add(_ code: IssueCode, _ suffix: String, _ message: String) {
                let path = suffix.isEmpty ? statement.path : statement.path + "." + suffix
                findings.append(ValidationFinding(code, path: path, message: message, location: location))
            }
            if let principals = statement.principals, principals.negated, statement.effect == .allow {
                add(
                    .allowWithNotPrincipal, "NotPrincipal",
                    "Allow with NotPrincipal grants access to everyone not listed")
            }
            for (code, element, message) in roleChecks(statement) { add(code, element, message) }
            for redundant in redundant(statement.actions.patterns, foldCase: true) {
                add(
                    .redundantAction, statement.actions.negated ? "NotAction" : "Action",
                    "\"\(redundant.0)\" is already covered by \"\(redundant.1)\"")
            }
            if let resources = statement.resources {
                for redundant in redundant(resources.patterns, foldCase: false) {
                    add(
                        .redundantResource, resources.negated ? "NotResource" : "Resource",
                        "\"\(redundant.0)\" is already covered by \"\(redundant.1)\"")
                }
            }
            for clause in statement.conditions
            where statement.effect == .deny && clause.conditionOperator == ConditionOperator(.bool)
                && clause.key.lowercased() == "aws:multifactorauthpresent"
                && clause.values.map({ $0.lowercased() }) == ["false"]
            {
                findings.append(
                    ValidationFinding(
                        .mfaBoolWithoutIfExists, path: clause.path,
                        message:
                            "requests signed with long-term access keys have no aws:MultiFactorAuthPresent, so this Deny never applies to them; use BoolIfExists",
                        location: location))
            }
        }
        return findings
    }

    /// Patterns matched by another pattern of the same list (variables are left alone).
    private static func redundant(_ patterns: [String], foldCase: Bool) -> [(String, String)] {
        // Each pattern is lowered once, and compared only with the patterns that can cover it: those whose text
        // before their first wildcard starts the subject. ReadOnlyAccess has 1,800 actions: every pair was
        // 3 million comparisons, each lowering both strings again.
        let variable = Array("${".utf8)
        let prepared: [[UInt8]?] = patterns.map { pattern in
            let bytes = foldCase ? ASCII.lowered(pattern) : Array(pattern.utf8)
            return bytes.indices.contains { bytes[$0...].starts(with: variable) } ? nil : bytes
        }
        // Patterns by their text before the first wildcard; a subject's candidates are the patterns filed under
        // one of its own prefixes, looked up as slices of the subject (no copies) and only at the lengths some
        // pattern's text has.
        var byLiteral: [ArraySlice<UInt8>: [Int]] = [:]
        for (index, bytes) in prepared.enumerated() {
            guard let bytes else { continue }
            byLiteral[bytes.prefix { $0 != UInt8(ascii: "*") && $0 != UInt8(ascii: "?") }, default: []].append(index)
        }
        let lengths = Set(byLiteral.keys.map(\.count)).sorted()
        var result: [(String, String)] = []
        for (index, subject) in prepared.enumerated() {
            guard let subject else { continue }
            var candidates: [Int] = []
            for length in lengths {
                guard length <= subject.count else { break }
                if let filed = byLiteral[subject[..<length]] { candidates += filed }
            }
            for otherIndex in candidates.sorted() where otherIndex != index {
                guard let other = prepared[otherIndex] else { continue }
                let covers = Wildcard.matches(pattern: other, subject: subject, foldCase: false)
                if covers && (other != subject || otherIndex < index) {
                    result.append((patterns[index], patterns[otherIndex]))
                    break
                }
            }
        }
        return result
    }
}

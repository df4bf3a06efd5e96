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
        let result = PolicyDocument.read(bytes, source: source, kind: kind)
        var findings = result.findings
        if let document = result.document {
            findings += lint(document, bytes: bytes)
        }
        return findings.enumerated().sorted { lhs, rhs in
            lhs.element.severity != rhs.element.severity
                ? lhs.element.severity < rhs.element.severity : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// Validates a policy given as a string.
    public static func validate(_ text: String, source: String, kind: PolicyKind) -> [ValidationFinding] {
        validate(Array(text.utf8), source: source, kind: kind)
    }

    /// Statement-level checks that need the whole statement.
    static func lint(_ document: PolicyDocument, bytes: [UInt8]) -> [ValidationFinding] {
        var findings: [ValidationFinding] = []
        for statement in document.statements {
            let location = bytes.isEmpty ? nil : SourceLocation.of(offset: statement.offset, in: bytes)
            func add(_ code: IssueCode, _ suffix: String, _ message: String) {
                let path = suffix.isEmpty ? statement.path : statement.path + "." + suffix
                findings.append(ValidationFinding(code, path: path, message: message, location: location))
            }
            if let principals = statement.principals, principals.negated, statement.effect == .allow {
                add(
                    .allowWithNotPrincipal, "NotPrincipal",
                    "Allow with NotPrincipal grants access to everyone not listed")
            }
            if statement.effect == .allow, !statement.actions.negated, grantsPassRole(statement.actions.patterns) {
                if let resources = statement.resources, resources.negated {
                    add(
                        .passRoleWithNotResource, "NotResource",
                        "iam:PassRole with NotResource lets any other role be passed")
                } else if statement.resources?.patterns.contains("*") ?? false {
                    add(
                        .passRoleWithStarInResource, "Resource",
                        "iam:PassRole on \"*\" lets every role be passed to a service")
                }
            }
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

    private static func grantsPassRole(_ actions: [String]) -> Bool {
        let target = Array("iam:passrole".utf8)
        return actions.contains { GlobMatch.matches(pattern: ASCII.lowered($0), subject: target) }
    }

    /// Patterns matched by another pattern of the same list (variables are left alone).
    private static func redundant(_ patterns: [String], foldCase: Bool) -> [(String, String)] {
        var result: [(String, String)] = []
        for (index, pattern) in patterns.enumerated() where !pattern.contains("${") {
            let subject = foldCase ? ASCII.lowered(pattern) : Array(pattern.utf8)
            for (otherIndex, other) in patterns.enumerated() where otherIndex != index && !other.contains("${") {
                let otherPattern = foldCase ? ASCII.lowered(other) : Array(other.utf8)
                let covers = GlobMatch.matches(pattern: otherPattern, subject: subject)
                let equal = otherPattern == subject
                if covers && (!equal || otherIndex < index) {
                    result.append((pattern, other))
                    break
                }
            }
        }
        return result
    }
}

/// Plain `*`/`?` matching of whole byte strings, for lint checks (not on the evaluation path).
enum GlobMatch {
    static func matches(pattern: [UInt8], subject: [UInt8]) -> Bool {
        var patternIndex = 0
        var subjectIndex = 0
        var star = -1
        var mark = 0
        while subjectIndex < subject.count {
            if patternIndex < pattern.count,
                pattern[patternIndex] == UInt8(ascii: "?") || pattern[patternIndex] == subject[subjectIndex]
            {
                patternIndex += 1
                subjectIndex += 1
            } else if patternIndex < pattern.count, pattern[patternIndex] == UInt8(ascii: "*") {
                star = patternIndex
                mark = subjectIndex
                patternIndex += 1
            } else if star >= 0 {
                patternIndex = star + 1
                mark += 1
                subjectIndex = mark
            } else {
                return false
            }
        }
        while patternIndex < pattern.count, pattern[patternIndex] == UInt8(ascii: "*") { patternIndex += 1 }
        return patternIndex == pattern.count
    }
}

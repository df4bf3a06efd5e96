/// What reading a policy produced: the document when its structure could be read, and every finding.
public struct PolicyReadResult: Sendable {
    /// The document, or `nil` when the JSON or its top-level shape was unusable.
    public var document: PolicyDocument?
    /// All findings, in document order.
    public var findings: [ValidationFinding]
}

extension PolicyDocument {
    /// Reads a policy, collecting every finding instead of stopping at the first.
    ///
    /// - Parameters:
    ///   - bytes: the policy as UTF-8 JSON.
    ///   - source: the name used in messages (usually the file name).
    ///   - kind: how the policy is attached; decides which elements are required or forbidden.
    /// - Returns: the document (if its structure was readable) and the findings.
    public static func read(_ bytes: [UInt8], source: String, kind: PolicyKind) -> PolicyReadResult {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            let finding = ValidationFinding(
                .jsonSyntaxError, path: "", message: error.reason,
                location: SourceLocation.of(offset: error.offset, in: bytes))
            return PolicyReadResult(document: nil, findings: [finding])
        }
        return read(root, bytes: bytes, source: source, kind: kind)
    }

    /// Reads a policy from an already parsed JSON value (e.g. one element of an SCP array).
    ///
    /// - Parameters:
    ///   - root: the policy object.
    ///   - bytes: the source the node's offsets point into, for line numbers (may be empty).
    ///   - source: the name used in messages.
    ///   - kind: how the policy is attached.
    /// - Returns: the document (if its structure was readable) and the findings.
    public static func read(_ root: JSONNode, bytes: [UInt8], source: String, kind: PolicyKind) -> PolicyReadResult {
        var reader = PolicyReader(bytes: bytes, source: source, kind: kind)
        let document = reader.readDocument(root)
        return PolicyReadResult(document: document, findings: reader.findings)
    }

    /// Parses a policy for evaluation, refusing one with a finding that makes its meaning unclear.
    ///
    /// - Parameters:
    ///   - bytes: the policy as UTF-8 JSON.
    ///   - source: the name used in messages (usually the file name).
    ///   - kind: how the policy is attached.
    /// - Returns: the document.
    /// - Throws: ``PolicyError/invalidJSON(source:location:reason:)`` or
    ///   ``PolicyError/invalidPolicy(source:path:reason:)`` for the first blocking finding.
    public static func parse(_ bytes: [UInt8], source: String, kind: PolicyKind) throws(PolicyError) -> PolicyDocument {
        try checked(read(bytes, source: source, kind: kind), source: source, kind: kind)
    }

    /// Parses a policy given as a string; see ``parse(_:source:kind:)-([UInt8],_,_)``.
    public static func parse(_ text: String, source: String, kind: PolicyKind) throws(PolicyError) -> PolicyDocument {
        try parse(Array(text.utf8), source: source, kind: kind)
    }

    static func checked(
        _ result: PolicyReadResult, source: String, kind: PolicyKind
    ) throws(PolicyError) -> PolicyDocument {
        if let blocking = result.findings.first(where: { $0.issueCode.blocksEvaluation(in: kind) }) {
            if blocking.issueCode == .jsonSyntaxError {
                throw .invalidJSON(
                    source: source, location: blocking.location ?? SourceLocation(line: 1, column: 1),
                    reason: blocking.message)
            }
            throw .invalidPolicy(source: source, path: blocking.path, reason: blocking.message)
        }
        guard let document = result.document else {
            throw .invalidPolicy(source: source, path: "", reason: "not a policy document")
        }
        return document
    }
}

/// Walks a JSON tree into a ``PolicyDocument``, reporting what Access Analyzer would.
struct PolicyReader {
    let bytes: [UInt8]
    let source: String
    let kind: PolicyKind
    var findings: [ValidationFinding] = []
    var version: PolicyVersion = .v2008_10_17

    init(bytes: [UInt8], source: String, kind: PolicyKind) {
        self.bytes = bytes
        self.source = source
        self.kind = kind
    }

    mutating func report(_ code: IssueCode, _ path: String, _ message: String, at offset: Int) {
        let location = bytes.isEmpty ? nil : SourceLocation.of(offset: offset, in: bytes)
        findings.append(ValidationFinding(code, path: path, message: message, location: location))
    }

    /// Reports exact duplicate keys (always) and keys differing only in case (when `caseInsensitive`).
    mutating func checkDuplicates(_ members: [JSONMember], path: String, caseInsensitive: Bool = false) {
        var seen: Set<String> = []
        var seenLowered: [String: String] = [:]
        for member in members {
            if !seen.insert(member.key).inserted {
                report(.duplicateKeys, path, "duplicate key \"\(member.key)\"", at: member.keyOffset)
            } else if caseInsensitive {
                let lowered = member.key.lowercased()
                if let other = seenLowered[lowered] {
                    report(
                        .duplicateKeysWithDifferentCase, path,
                        "keys \"\(other)\" and \"\(member.key)\" differ only in case", at: member.keyOffset)
                } else {
                    seenLowered[lowered] = member.key
                }
            }
        }
    }

    static func join(_ path: String, _ element: String) -> String {
        path.isEmpty ? element : path + "." + element
    }

    mutating func readDocument(_ root: JSONNode) -> PolicyDocument? {
        guard case .object(let members) = root.value else {
            report(
                .dataTypeMismatch, "", "a policy must be a JSON object, found \(root.value.typeName)", at: root.offset)
            return nil
        }
        checkDuplicates(members, path: "")
        var hasVersion = false
        var id: String?
        var statementNode: JSONNode?
        for member in members {
            switch member.key {
            case "Version":
                hasVersion = true
                readVersion(member.value)
            case "Id":
                if case .string(let text) = member.value.value {
                    id = text
                } else {
                    report(.dataTypeMismatch, "Id", "Id must be a string", at: member.value.offset)
                }
            case "Statement":
                statementNode = member.value
            default:
                report(.invalidPolicyElement, "", "unknown element \"\(member.key)\"", at: member.keyOffset)
            }
        }
        if !hasVersion {
            report(
                .missingVersion, "", "no Version: the policy is read as 2008-10-17, where ${...} is literal text",
                at: root.offset)
        }
        var statements: [PolicyStatement] = []
        if let node = statementNode {
            switch node.value {
            case .object:
                if let statement = readStatement(node, path: "Statement", index: 0) { statements.append(statement) }
            case .array(let elements):
                // An SCP or RCP with no statement is a policy that allows nothing; AWS Organizations attaches
                // such documents, so they are read rather than refused.
                if elements.isEmpty, kind != .scp, kind != .rcp {
                    report(.missingStatement, "Statement", "Statement is empty", at: node.offset)
                }
                for (index, element) in elements.enumerated() {
                    if let statement = readStatement(element, path: "Statement[\(index)]", index: index) {
                        statements.append(statement)
                    }
                }
            default:
                report(
                    .dataTypeMismatch, "Statement",
                    "Statement must be an object or an array, found \(node.value.typeName)",
                    at: node.offset)
            }
        } else {
            report(.missingStatement, "", "no Statement element", at: root.offset)
        }
        checkUniqueSids(statements)
        return PolicyDocument(
            source: source, kind: kind, version: version, hasExplicitVersion: hasVersion, id: id,
            statements: statements)
    }

    private mutating func readVersion(_ node: JSONNode) {
        guard case .string(let text) = node.value else {
            report(.dataTypeMismatch, "Version", "Version must be a string", at: node.offset)
            return
        }
        guard let parsed = PolicyVersion(rawValue: text) else {
            report(.invalidVersion, "Version", "invalid version \"\(text)\"; use \"2012-10-17\"", at: node.offset)
            return
        }
        version = parsed
    }

    private mutating func checkUniqueSids(_ statements: [PolicyStatement]) {
        var seen: Set<String> = []
        for statement in statements {
            guard let sid = statement.sid, !sid.isEmpty else { continue }
            if !seen.insert(sid).inserted {
                findings.append(
                    ValidationFinding(
                        .uniqueSidsRequired, path: statement.path + ".Sid", message: "duplicate Sid \"\(sid)\""))
            }
        }
    }

    mutating func readStatement(_ node: JSONNode, path: String, index: Int) -> PolicyStatement? {
        guard case .object(let members) = node.value else {
            report(
                .dataTypeMismatch, path, "a statement must be an object, found \(node.value.typeName)", at: node.offset)
            return nil
        }
        checkDuplicates(members, path: path)
        var sid: String?
        var effect: Effect?
        var sawEffect = false
        var actions: MatchList?
        var resources: MatchList?
        var principals: PrincipalElement?
        var conditionNode: JSONNode?
        for member in members {
            let memberPath = PolicyReader.join(path, member.key)
            switch member.key {
            case "Sid":
                sid = readSid(member.value, path: memberPath)
            case "Effect":
                sawEffect = true
                effect = readEffect(member.value, path: memberPath)
            case "Action", "NotAction":
                let negated = member.key == "NotAction"
                if actions != nil {
                    report(.unsupportedElementCombination, path, "Action and NotAction together", at: member.keyOffset)
                }
                let list = readStringList(member.value, path: memberPath, empty: .emptyArrayAction) ?? []
                for (offset, action) in list.enumerated() {
                    checkAction(
                        action, path: list.count > 1 ? memberPath + "[\(offset)]" : memberPath, at: member.value.offset)
                }
                actions = MatchList(list, negated: negated)
            case "Resource", "NotResource":
                let negated = member.key == "NotResource"
                if resources != nil {
                    report(
                        .unsupportedElementCombination, path, "Resource and NotResource together", at: member.keyOffset)
                }
                let list = readStringList(member.value, path: memberPath, empty: .emptyArrayResource) ?? []
                for (offset, resource) in list.enumerated() {
                    checkResource(
                        resource, path: list.count > 1 ? memberPath + "[\(offset)]" : memberPath,
                        at: member.value.offset)
                }
                resources = MatchList(list, negated: negated)
            case "Principal", "NotPrincipal":
                if principals != nil {
                    report(
                        .unsupportedElementCombination, path, "Principal and NotPrincipal together",
                        at: member.keyOffset)
                }
                principals = readPrincipal(member.value, path: memberPath, negated: member.key == "NotPrincipal")
            case "Condition":
                conditionNode = member.value
            default:
                report(.invalidPolicyElement, path, "unknown element \"\(member.key)\"", at: member.keyOffset)
            }
        }
        let conditions = conditionNode.map { readConditions($0, path: PolicyReader.join(path, "Condition")) } ?? []
        if !sawEffect { report(.missingEffect, path, "no Effect", at: node.offset) }
        if actions == nil { report(.missingAction, path, "no Action or NotAction", at: node.offset) }
        if resources == nil, kind != .trust {
            report(.missingResource, path, "no Resource or NotResource", at: node.offset)
        }
        if kind.namesPrincipals, principals == nil {
            report(
                .missingPrincipal, path, "no Principal or NotPrincipal in \(kind.phrase)", at: node.offset)
        } else if !kind.namesPrincipals, principals != nil {
            let code: IssueCode = kind == .scp ? .scpSyntaxErrorPrincipal : .unsupportedPrincipal
            report(code, path, "Principal is not allowed in \(kind.phrase)", at: node.offset)
        }
        guard let effect, let actions else { return nil }
        var statement = PolicyStatement(
            path: path, index: index, sid: sid, effect: effect, actions: actions, resources: resources,
            principals: principals, conditions: conditions)
        statement.offset = node.offset
        return statement
    }

    private mutating func readSid(_ node: JSONNode, path: String) -> String? {
        guard case .string(let text) = node.value else {
            report(.dataTypeMismatch, path, "Sid must be a string", at: node.offset)
            return nil
        }
        if text.isEmpty {
            report(.emptySidValue, path, "empty Sid", at: node.offset)
        } else if [.identity, .boundary, .session, .scp].contains(kind),
            !text.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) })
        {
            report(.unsupportedSid, path, "Sid \"\(text)\" may hold only letters and digits", at: node.offset)
        }
        return text
    }

    private mutating func readEffect(_ node: JSONNode, path: String) -> Effect? {
        guard case .string(let text) = node.value else {
            report(.dataTypeMismatch, path, "Effect must be a string", at: node.offset)
            return nil
        }
        guard let effect = Effect(rawValue: text) else {
            report(.invalidEffect, path, "invalid effect \"\(text)\"; use \"Allow\" or \"Deny\"", at: node.offset)
            return nil
        }
        return effect
    }

    /// A string or an array of strings.
    mutating func readStringList(_ node: JSONNode, path: String, empty: IssueCode) -> [String]? {
        switch node.value {
        case .string(let text):
            return [text]
        case .array(let elements):
            if elements.isEmpty { report(empty, path, "empty array", at: node.offset) }
            var list: [String] = []
            for (index, element) in elements.enumerated() {
                guard case .string(let text) = element.value else {
                    report(
                        .dataTypeMismatch, path + "[\(index)]", "expected a string, found \(element.value.typeName)",
                        at: element.offset)
                    continue
                }
                list.append(text)
            }
            return list
        default:
            report(
                .dataTypeMismatch, path, "expected a string or an array of strings, found \(node.value.typeName)",
                at: node.offset)
            return nil
        }
    }
}

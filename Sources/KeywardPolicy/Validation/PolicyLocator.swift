/// Finds the JSON value a finding is about (`Statement[1].Action[2]`) in the parsed tree, so catalogue
/// findings point at the very action, resource or condition key rather than at its statement.
struct PolicyLocator {
    let root: JSONNode
    let lines: LineIndex?

    init(root: JSONNode, lines: LineIndex?) {
        self.root = root
        self.lines = lines
    }

    /// The statement nodes in document order (a lone statement object counts as `Statement[0]`).
    var statements: [JSONNode] {
        guard case .object(let members) = root.value,
            let statement = members.first(where: { $0.key == "Statement" })?.value
        else { return [] }
        switch statement.value {
        case .array(let elements): return elements
        case .object: return [statement]
        default: return []
        }
    }

    /// The offset of `Statement[statement].key[element]` (or of the whole value when it is not an array).
    func offset(statement: Int, key: String, element: Int? = nil) -> Int? {
        let nodes = statements
        guard statement < nodes.count, case .object(let members) = nodes[statement].value,
            let value = members.first(where: { $0.key == key })?.value
        else { return nil }
        if let element, case .array(let items) = value.value {
            return element < items.count ? items[element].offset : value.offset
        }
        return value.offset
    }

    /// The offset of a condition key inside `Statement[statement].Condition[operator]`.
    func conditionKeyOffset(statement: Int, operatorName: String, key: String) -> Int? {
        let nodes = statements
        guard statement < nodes.count, case .object(let members) = nodes[statement].value,
            let condition = members.first(where: { $0.key == "Condition" })?.value,
            case .object(let operators) = condition.value,
            let clause = operators.first(where: { $0.key == operatorName })?.value,
            case .object(let keys) = clause.value,
            let member = keys.first(where: { $0.key == key })
        else { return nil }
        return member.keyOffset
    }

    /// The source location of an offset.
    func location(_ offset: Int?) -> SourceLocation? {
        guard let offset, let lines, lines.count > 0 else { return nil }
        return lines.location(of: offset)
    }
}

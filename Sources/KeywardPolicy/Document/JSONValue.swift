/// A parsed JSON value that remembers where it came from, so findings can name a line and column.
///
/// Objects keep their members in document order, duplicates included, because IAM's validator reports
/// duplicate and case-colliding keys rather than silently keeping one.
public struct JSONNode: Sendable, Equatable {
    /// The value itself.
    public var value: JSONValue
    /// Byte offset of the value's first character in the source.
    public var offset: Int

    /// Creates a node.
    public init(_ value: JSONValue, offset: Int = 0) {
        self.value = value
        self.offset = offset
    }
}

/// One `"key": value` member of a JSON object.
public struct JSONMember: Sendable, Equatable {
    /// The member's key, unescaped.
    public var key: String
    /// Byte offset of the key's opening quote.
    public var keyOffset: Int
    /// The member's value.
    public var value: JSONNode

    /// Creates a member.
    public init(key: String, keyOffset: Int = 0, value: JSONNode) {
        self.key = key
        self.keyOffset = keyOffset
        self.value = value
    }
}

/// The JSON data model. Numbers keep their source text so that `1.50` in a policy stays `1.50`.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array([JSONNode])
    case object([JSONMember])

    /// The JSON type's name as Access Analyzer spells it in findings.
    public var typeName: String {
        switch self {
        case .null: return "null"
        case .bool: return "boolean"
        case .number: return "number"
        case .string: return "string"
        case .array: return "array"
        case .object: return "object"
        }
    }

    /// The text of a scalar (string, number, boolean) as IAM compares it; `nil` for null, arrays, objects.
    public var scalarText: String? {
        switch self {
        case .string(let text): return text
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null, .array, .object: return nil
        }
    }
}

/// One `key = value` of a section, as the AWS CLI reads it.
///
/// `key` is lowercased (botocore's `configparser` folds key case). `value` is the text after the delimiter
/// without surrounding whitespace, with indented continuation lines joined by `"\n"`. A value that starts
/// with a line break (`s3 =` followed by indented `key = value` lines) is also offered as `nested` pairs.
/// Inline `#` or `;` after a value are part of the value: the AWS CLI does not strip them either.
///
/// `description` never shows the value of `aws_secret_access_key` or `aws_session_token`.
public struct ConfigEntry: Sendable, Equatable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// One `key = value` line of an indented block.
    public struct NestedValue: Sendable, Equatable {
        /// The key, case preserved (botocore does not fold nested keys).
        public var key: String
        /// The value without surrounding whitespace.
        public var value: String
        /// The 1-based line it is on.
        public var line: Int

        /// Creates a nested value.
        public init(key: String, value: String, line: Int) {
            self.key = key
            self.value = value
            self.line = line
        }
    }

    /// The key, lowercased.
    public let key: String
    /// The value as the AWS CLI sees it (continuations joined with `"\n"`).
    public let value: String
    /// The 1-based line of `key = value`.
    public let line: Int
    /// The 1-based line of the last continuation of the value (`line` when there is none).
    public let lastLine: Int
    /// The pairs of an indented block, when the value is one (`nil` otherwise).
    public let nested: [NestedValue]?

    /// Creates an entry.
    public init(key: String, value: String, line: Int, lastLine: Int, nested: [NestedValue]?) {
        self.key = key
        self.value = value
        self.line = line
        self.lastLine = lastLine
        self.nested = nested
    }

    /// The value of a key of the indented block; the last one wins, as in botocore.
    /// - Parameter key: the nested key, compared exactly.
    /// - Returns: the value, or `nil` when the entry is not a block or has no such key.
    public func nestedValue(forKey key: String) -> String? {
        nested?.last { $0.key == key }?.value
    }

    /// Whether the value must never be shown (`aws_secret_access_key`, `aws_session_token`, ...).
    public var isSecret: Bool { ConfigEntry.secretKeys.contains(key) }

    /// Keys whose values are secrets.
    static let secretKeys: Set<String> = ["aws_secret_access_key", "aws_session_token", "aws_security_token"]

    public var description: String {
        isSecret ? "\(key) = <redacted>" : "\(key) = \(value)"
    }

    public var debugDescription: String {
        "ConfigEntry(line \(line): \(description))"
    }

    public var customMirror: Mirror {
        Mirror(self, children: ["key": key, "line": line, "value": isSecret ? "<redacted>" : value])
    }
}

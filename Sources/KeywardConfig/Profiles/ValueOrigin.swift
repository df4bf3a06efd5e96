/// Where a value was read: the file as shown to the user and the 1-based line.
public struct ValueOrigin: Sendable, Hashable, CustomStringConvertible {
    /// The file, e.g. `~/.aws/config`.
    public var file: String
    /// The 1-based line.
    public var line: Int

    /// Creates an origin.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`, the prefix of every error about the value.
    public var description: String { "\(file):\(line)" }
}

/// One setting of a profile as the AWS CLI reads it, with where it came from.
public struct ConfigValue: Sendable, Equatable {
    /// The text (continuation lines joined with `"\n"`).
    public var text: String
    /// The pairs of an indented block (`s3 =` then indented `key = value` lines), else `nil`.
    public var nested: [ConfigEntry.NestedValue]?
    /// The file and line of the key.
    public var origin: ValueOrigin

    /// Creates a value.
    public init(text: String, nested: [ConfigEntry.NestedValue]? = nil, origin: ValueOrigin) {
        self.text = text
        self.nested = nested
        self.origin = origin
    }

    /// The value of a key of the indented block (the last one wins, as in botocore).
    public func nestedValue(forKey key: String) -> String? {
        nested?.last { $0.key == key }?.value
    }
}

/// The secret half of an AWS access key pair.
///
/// Its `description`, `debugDescription` and reflection never show the value, so a key that ends up in a
/// log line, an error or a `dump` prints as `<redacted>`. Read ``value`` only to sign or to store it.
public struct SecretAccessKey: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret itself.
    public var value: String

    /// Wraps a secret access key.
    /// - Parameter value: The secret, as AWS issued it (40 characters for IAM keys).
    public init(_ value: String) {
        self.value = value
    }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }

    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }

    /// A mirror without children, so `dump` and `Mirror` cannot reach the value.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}

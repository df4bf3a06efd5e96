/// The session token that comes with temporary AWS credentials (`X-Amz-Security-Token`).
///
/// Its `description`, `debugDescription` and reflection never show the value: it is as much a secret as the
/// secret access key it travels with.
public struct SessionToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The token itself.
    public var value: String

    /// Wraps a session token.
    /// - Parameter value: The token, as STS issued it.
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

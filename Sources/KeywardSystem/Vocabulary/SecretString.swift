/// A secret held as text (a passphrase, a secret access key, a session token, a secret read from a config
/// file) whose printed forms are redacted: Keyward's one secret wrapper, used by every module.
///
/// `description`, `debugDescription`, string interpolation and `dump` show `<redacted>`, so a secret that
/// reaches a log line or an error message by mistake is not revealed. Read the value with `unredacted`,
/// only where it is handed on (to a cipher, a keyring, a child process's standard input).
///
/// ```swift
/// let passphrase = try TerminalPrompt().readSecret(prompt: "Vault passphrase: ")
/// print(passphrase)            // <redacted>
/// let bytes = Array(passphrase.unredacted.utf8)
/// ```
///
/// - Warning: Swift strings cannot be wiped from memory; this type protects against printing, not against
///   reading the process's memory.
public struct SecretString: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The secret itself.
    public let unredacted: String

    /// Wraps `value`.
    /// - Parameter value: the secret text.
    public init(_ value: String) {
        self.unredacted = value
    }

    /// Whether the secret is the empty string.
    public var isEmpty: Bool { unredacted.isEmpty }

    /// The secret's UTF-8 bytes, for ciphers and key derivation.
    public var utf8Bytes: [UInt8] { Array(unredacted.utf8) }

    /// Always `<redacted>`.
    public var description: String { "<redacted>" }

    /// Always `SecretString(<redacted>)`.
    public var debugDescription: String { "SecretString(<redacted>)" }

    /// A mirror with no children, so `dump` and reflection show nothing of the secret.
    public var customMirror: Mirror { Mirror(self, children: [:]) }
}

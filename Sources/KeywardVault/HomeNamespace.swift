import Crypto
import KeywardSystem

/// The short name of a Keyward home that keeps what one home stores apart from another's in places every
/// home of the user shares (the kernel keyring): eight hex digits of the SHA-256 of the home's path.
///
/// Sessions (`SessionCache`) and the kernel keyring's long-lived keys (`KeyctlSecretStore.forHome`) both use
/// it, so two homes of one user, and parallel tests, never see each other's items (issue 21, item 2).
///
/// ```swift
/// let namespace = HomeNamespace.of(home: "/home/jo/.local/share/keyward")  // "1a2b3c4d"
/// ```
public enum HomeNamespace {
    /// The namespace of a Keyward home.
    /// - Parameter home: `KEYWARD_HOME`, as resolved (the same text always gives the same namespace).
    /// - Returns: eight lower-case hex digits.
    public static func of(home: String) -> String {
        String(Hex.string(SHA256.hash(data: Array(home.utf8))).prefix(8))
    }
}

/// What a secret store entry holds and whose it is: the identity of one stored secret.
///
/// Every backend maps it to its own naming: the file store keys its encrypted contents by it, the kernel
/// keyring uses the description `keyward:KIND:NAME`, the Secret Service the attributes `keyward-kind` and
/// `keyward-name`, and `pass` the entry `keyward/KIND/NAME`.
public struct VaultItem: Hashable, Sendable, CustomStringConvertible {
    /// The kinds of secret Keyward stores. The raw values appear in every backend's naming.
    public enum Kind: String, CaseIterable, Sendable {
        /// A long-lived IAM user access key pair (`StoredKey`), named by profile.
        case accessKey = "access-key"
        /// A cached temporary session, named by its cache key.
        case session
    }

    /// The longest name accepted, in UTF-8 bytes. Profile names of any sensible length must work (issue 21,
    /// item 6: one over 80 bytes broke `list`); each backend encodes what it cannot hold as it is (`pass`
    /// splits long names into directories, file names being at most 255 bytes), and this bound keeps a
    /// kernel keyring description (4,095 bytes) within its limit.
    public static let maximumNameLength = 1024

    /// What the item holds.
    public let kind: Kind
    /// Whose it is: a profile name for access keys, a cache key for sessions. Any Unicode text.
    public let name: String

    /// Names an item.
    /// - Parameters:
    ///   - kind: what it holds.
    ///   - name: a non-empty name of at most `maximumNameLength` UTF-8 bytes without control characters.
    /// - Throws: `VaultError.invalidItemName` when `name` breaks those rules.
    public init(kind: Kind, name: String) throws(VaultError) {
        if name.isEmpty { throw .invalidItemName(name: name, reason: "it is empty") }
        if name.utf8.count > Self.maximumNameLength {
            throw .invalidItemName(name: name, reason: "it is longer than \(Self.maximumNameLength) bytes")
        }
        if name.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            throw .invalidItemName(name: name, reason: "it contains a control character")
        }
        self.kind = kind
        self.name = name
    }

    /// The item holding the long-lived access key of `profile`.
    /// - Parameter profile: the profile name.
    /// - Returns: the item.
    /// - Throws: `VaultError.invalidItemName` when the profile name cannot name an item.
    public static func accessKey(profile: String) throws(VaultError) -> VaultItem {
        try VaultItem(kind: .accessKey, name: profile)
    }

    /// Items are equal when their kinds match and their names have the same Unicode scalars. Swift's own
    /// `String` equality would merge canonically equivalent names ("é" precomposed and "e" + combining
    /// accent), which the AWS CLI, the kernel keyring and `pass` all keep apart.
    public static func == (lhs: VaultItem, rhs: VaultItem) -> Bool {
        lhs.kind == rhs.kind && lhs.name.unicodeScalars.elementsEqual(rhs.name.unicodeScalars)
    }

    /// Hashes the kind and the name's Unicode scalars, consistently with `==`.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        for scalar in name.unicodeScalars { hasher.combine(scalar.value) }
    }

    /// Sorts names the way every store lists them: by Unicode scalar values, so the order is the same
    /// whatever the backend and canonically equivalent names stay apart.
    /// - Parameter names: the names to sort.
    /// - Returns: the sorted names.
    public static func sorted(_ names: [String]) -> [String] {
        names.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) { $0.value < $1.value } }
    }

    /// `access key for profile dev`, `session dev`.
    public var description: String {
        switch kind {
        case .accessKey: return "access key for profile \(name)"
        case .session: return "session \(name)"
        }
    }
}

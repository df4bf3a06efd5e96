import FoundationEssentials
import KeywardSystem
import KeywardVault

extension SessionCache {
    /// Whether the cache remembers which key id a vault profile holds: only when the cache lives in memory
    /// (the kernel keyring), where it lets a cached command skip the file vault's scrypt entirely.
    ///
    /// The memo is checked against a stamp of the key store (the vault file's inode, size and modification
    /// time), so `keyward add` or `rotate` writing a new key invalidates it at once.
    public var keepsKeyMemos: Bool { store.kind == .keyctl }

    /// The remembered key id of `profile` in the key store called `storeName`, if the stamp still matches.
    /// - Parameters:
    ///   - profile: the profile whose key it is.
    ///   - storeName: the key store's location.
    ///   - stamp: the key store's current stamp.
    /// - Returns: the access key id, or `nil`.
    func rememberedKeyID(profile: String, storeName: String, stamp: String) async -> String? {
        guard keepsKeyMemos, let item = try? memoItem(profile: profile, storeName: storeName),
            let secret = try? await store.read(item)
        else { return nil }
        // "KEY-ID\nSTAMP": the key id is not secret, but it lives with the sessions, in memory.
        let fields = secret.unredacted.split(separator: "\n", omittingEmptySubsequences: false)
        guard fields.count == 2, fields[1] == stamp, !fields[0].isEmpty else { return nil }
        return String(fields[0])
    }

    /// Remembers the key id of `profile` for a day (failures are ignored: the memo is only a shortcut).
    func rememberKeyID(_ accessKeyID: String, profile: String, storeName: String, stamp: String) async {
        guard keepsKeyMemos, let item = try? memoItem(profile: profile, storeName: storeName) else { return }
        try? await write(
            SecretString(accessKeyID + "\n" + stamp), item: item, until: now().addingTimeInterval(86_400))
    }

    private func memoItem(profile: String, storeName: String) throws(VaultError) -> VaultItem {
        try VaultItem(
            kind: .session,
            name: "\(namespace).k.\(String(Self.hexDigest(storeName + "\u{0}" + profile).prefix(40)))")
    }
}

extension SecretStoreKind {
    /// Whether what the backend holds is still there after a reboot: the kernel keyring lives in memory
    /// only; the file, the Secret Service and `pass` write to disk.
    public var survivesReboot: Bool {
        switch self {
        case .keyctl: return false
        case .file, .secretService, .pass: return true
        }
    }

    /// `kept across reboots` or `forgotten at reboot`, as `add`, `rotate` and `list` say it.
    public var persistence: String {
        survivesReboot ? "kept across reboots" : "forgotten at reboot"
    }
}

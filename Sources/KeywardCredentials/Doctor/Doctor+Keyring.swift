import KeywardSystem
import KeywardVault

extension Doctor {
    /// One finding per key an older Keyward stored in the kernel user keyring as `keyward:access-key:NAME`,
    /// before keyctl keys were namespaced by home (issue 21, item 2). No home reads such a key, and it may
    /// be the only copy, gone at the next reboot: the fix moves it into a persistent backend.
    func legacyKeyringFindings() -> [Finding] {
        guard let legacyKeyringProfiles else { return [] }
        let store = LegacyKeyctlKeys().store
        return legacyKeyringProfiles().map { profile in
            let description = (try? VaultItem.accessKey(profile: profile)).map(store.keyDescription) ?? profile
            return Finding(
                id: .legacyKeyringKey, severity: .medium, location: "kernel user keyring: \(description)",
                message: "an older Keyward left the long-lived key of profile \"\(profile)\" in the kernel user "
                    + "keyring, shared by every KEYWARD_HOME: no home reads it, and a reboot deletes it",
                fix: "keyward add \(ShellQuoting.quoted(profile)) --from-legacy-keyring (under the KEYWARD_HOME "
                    + "that should keep it; it moves the key to that home's backend and deletes the old copy)")
        }
    }
}

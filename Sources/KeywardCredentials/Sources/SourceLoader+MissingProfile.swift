import KeywardSystem

extension SourceLoader {
    /// Why a vault profile has no key: it exists (in a config file) and `keyward add` is the fix, or it exists
    /// nowhere, most often a typo, and the names closest to it are given instead of "keyward add admn"
    /// (issue 21, item 14). A missing `source_profile` names the profile that refers to it.
    func missingKey(_ profile: String) async -> CredentialsError {
        guard let configProfiles, !configProfiles.contains(profile) else { return .noCredentials(profile: profile) }
        let stored = (try? await keys.open().profiles()) ?? []
        guard !stored.contains(profile) else { return .noCredentials(profile: profile) }
        let referrer = requestedProfile.flatMap { $0 == profile ? nil : $0 }
        return .profileNotFound(
            profile: profile, referrer: referrer,
            closest: NameSuggestions.closest(to: profile, among: configProfiles + stored))
    }
}

extension CredentialPlan {
    /// The key of the chain up to and including the MFA session: the source and the `GetSessionToken`
    /// parameters. With the source's key identity it keys the MFA session's cache entry.
    public var sessionTokenKey: SessionKey? {
        guard let step = sessionToken else { return nil }
        return sourceKey.appending("gst", [step.mfaSerial, String(step.durationSeconds)])
    }

    /// The key of the final session: the source, the MFA session and every role with every parameter. With
    /// the source's key identity it keys the final cache entry.
    public var finalKey: SessionKey {
        var key = sessionTokenKey ?? sourceKey
        for role in roles {
            var values: [String?] = [
                role.roleARN, role.sessionName, String(role.durationSeconds), role.externalID, role.mfaSerial,
                role.sourceIdentity, String(role.tags.count),
            ]
            for tag in role.tags { values += [tag.key, tag.value] }
            values.append(String(role.transitiveTagKeys.count))
            values += role.transitiveTagKeys
            key = key.appending("role", values)
        }
        return key
    }

    /// The source part of the keys: its kind and profile (the key's identity is added by the resolver).
    var sourceKey: SessionKey {
        switch source {
        case .vaultKey(let profile): return SessionKey(["v2", "vault", profile])
        case .staticKeys(_, let profile): return SessionKey(["v2", "static", profile])
        case .credentialProcess(let command, let profile): return SessionKey(["v2", "process", profile, command])
        case .webIdentity(let file, let role, let name, let profile):
            return SessionKey(["v2", "web", profile, file, role, name])
        case .environment(let profile): return SessionKey(["v2", "env", profile])
        // The instance's or container's access key is the identity added to these keys, so new instance
        // credentials give new role sessions.
        case .instanceMetadata(_, let profile): return SessionKey(["v2", "imds", profile])
        case .container(let profile): return SessionKey(["v2", "container", profile])
        }
    }
}

extension CredentialPlan {
    /// The digest of the session this plan ends in, as `CachedSession.planDigest` records it: how `clear` and
    /// `list` find a profile's session by what it resolves to. Two identical role profiles share it, and so
    /// their session; the MFA session a role chain starts from stays its source profile's.
    public var sessionDigest: String { finalKey.digest }
}

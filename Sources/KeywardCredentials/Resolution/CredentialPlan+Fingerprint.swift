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
        }
    }
}

extension CredentialPlan {
    /// The digests of every session this plan reads or writes (the final one and its MFA session), as
    /// `CachedSession.planDigest` records them: how `clear` and `list` find a profile's sessions by what it
    /// resolves to. Two identical role profiles share these, and so their session.
    public var sessionDigests: Set<String> {
        var digests: Set<String> = [finalKey.digest]
        if let key = sessionTokenKey { digests.insert(key.digest) }
        return digests
    }
}

extension CredentialPlan {
    /// The text identifying the chain up to and including the MFA session: the source and the
    /// `GetSessionToken` parameters. Together with the source's key id it keys the MFA session's cache entry.
    public var sessionTokenFingerprint: String? {
        guard let step = sessionToken else { return nil }
        return sourceFingerprint + "|gst:\(step.mfaSerial ?? "-"):\(step.durationSeconds)"
    }

    /// The text identifying the final session: the source, the MFA session and every role with every
    /// parameter. Together with the source's key id it keys the final cache entry.
    public var finalFingerprint: String {
        var text = sessionTokenFingerprint ?? sourceFingerprint
        for role in roles {
            let tags = role.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
            text +=
                "|role:\(role.roleARN);\(role.sessionName);\(role.durationSeconds);\(role.externalID ?? "-");"
                + "\(role.mfaSerial ?? "-");\(tags);\(role.transitiveTagKeys.joined(separator: ","));"
                + "\(role.sourceIdentity ?? "-")"
        }
        return text
    }

    /// The source part of the fingerprints: its kind and profile (the key id is added by the resolver).
    var sourceFingerprint: String {
        switch source {
        case .vaultKey(let profile): return "v1|vault:\(profile)"
        case .staticKeys(_, let profile): return "v1|static:\(profile)"
        case .credentialProcess(let command, let profile): return "v1|process:\(profile):\(command)"
        case .webIdentity(let file, let role, let name, let profile):
            return "v1|web:\(profile):\(file);\(role);\(name)"
        case .environment(let profile): return "v1|env:\(profile)"
        }
    }
}

extension ProfileResolver {
    /// Resolves a profile and its `source_profile` chain the way botocore's `AssumeRoleProvider` walks it.
    ///
    /// A profile assumes a role when it has `role_arn` and no `web_identity_token_file`. Such a profile needs
    /// exactly one of `source_profile` and `credential_source`. The walk goes from `source_profile` to
    /// `source_profile` and stops at a profile that has static key material or assumes no role. Coming back to
    /// a visited profile is a loop, except that a profile may name itself when it has static keys (its own
    /// keys then assume its own role), as botocore allows.
    /// - Parameters:
    ///   - explicit: the profile named on the command line; `nil` selects as `selectProfile(explicit:)` does.
    ///   - allowMissing: resolve a profile that no file defines, the target or a `source_profile`, to an empty
    ///     profile (Keyward may hold its key, as aws-vault's keyring may) instead of throwing. An implicit
    ///     `default` that does not exist is always allowed, as in botocore.
    /// - Returns: the profile, its chain and where the chain's credentials come from.
    /// - Throws: `ConfigError` naming the file and line: a missing profile or source profile, a loop,
    ///   `role_arn` without a source or with two, partial keys, or an invalid field on the chain.
    public func resolve(_ explicit: String?, allowMissing: Bool = false) throws(ConfigError) -> ResolvedProfile {
        let selection = selectProfile(explicit: explicit)
        let target: Profile
        if hasProfile(named: selection.name) {
            target = try profile(named: selection.name)
        } else if allowMissing || selection.reason == .implicitDefault {
            target = Profile.missing(selection.name)
        } else {
            throw .profileNotFound(
                profile: selection.name, files: [configFile, credentialsFile].compactMap { $0?.fileName })
        }

        var chain = [target]
        var roleSteps: [Profile] = []
        var current = target
        let sourceCredentials: SourceCredentials
        if target.assumesRole {
            while true {
                roleSteps.append(current)
                if let next = try sourceStep(of: current, visited: chain, allowMissing: allowMissing) {
                    chain.append(next.profile)
                    if let credentials = next.credentials {
                        sourceCredentials = credentials
                        break
                    }
                    current = next.profile
                } else {
                    sourceCredentials = try credentialSource(of: current)
                    break
                }
            }
        } else {
            sourceCredentials = try target.sourceCredentials()
        }
        return ResolvedProfile(
            profile: target, chain: chain, roleSteps: roleSteps, source: chain[chain.count - 1],
            sourceCredentials: sourceCredentials, region: region(for: target))
    }

    /// The `source_profile` of a role profile, and its credentials when the chain ends there; `nil` when the
    /// role's source is `credential_source`.
    private func sourceStep(
        of role: Profile, visited: [Profile], allowMissing: Bool
    ) throws(ConfigError) -> (profile: Profile, credentials: SourceCredentials?)? {
        let sourceOrigin = role.origin(of: "source_profile")
        if role.credentialSource != nil, let sourceOrigin {
            throw .conflictingRoleSources(profile: role.name, file: sourceOrigin.file, line: sourceOrigin.line)
        }
        if role.credentialSource != nil { return nil }
        guard let sourceName = role.sourceProfile, let sourceOrigin else {
            let origin = role.origin(of: "role_arn") ?? role.origin ?? ValueOrigin(file: "?", line: 0)
            throw .missingRoleSource(profile: role.name, file: origin.file, line: origin.line)
        }
        guard hasProfile(named: sourceName) || allowMissing else {
            throw .sourceProfileNotFound(
                profile: role.name, source: sourceName, file: sourceOrigin.file, line: sourceOrigin.line)
        }
        let names = visited.map(\.name)
        if names.contains(sourceName), sourceName != role.name || !role.hasStaticKeyMaterial {
            throw .sourceProfileLoop(chain: names + [sourceName], file: sourceOrigin.file, line: sourceOrigin.line)
        }
        let source: Profile
        if sourceName == role.name {
            source = role
        } else if hasProfile(named: sourceName) {
            source = try profile(named: sourceName)
        } else {
            source = Profile.missing(sourceName)
        }
        if source.hasStaticKeyMaterial || !source.assumesRole {
            return (source, try source.sourceCredentials())
        }
        return (source, nil)
    }

    /// The `credential_source` of a role profile as its chain's source.
    private func credentialSource(of role: Profile) throws(ConfigError) -> SourceCredentials {
        guard let kind = role.credentialSource, let origin = role.origin(of: "credential_source") else {
            return .none
        }
        return .credentialSource(kind, origin: origin)
    }
}

extension Profile {
    /// Where this profile gets credentials when it is the root of a chain (or assumes no role), in botocore's
    /// order: web identity, IAM Identity Center, the credentials file's keys, `credential_process`, the
    /// config file's keys.
    /// - Returns: the source, or `.none` when the files hold none.
    /// - Throws: `ConfigError.missingWebIdentityRole`, or `.partialCredentials` for a key id without secret.
    public func sourceCredentials() throws(ConfigError) -> SourceCredentials {
        if let tokenFile = webIdentityTokenFile, let origin = origin(of: "web_identity_token_file") {
            guard let roleARN else {
                throw .missingWebIdentityRole(profile: name, file: origin.file, line: origin.line)
            }
            return .webIdentity(tokenFile: tokenFile, roleARN: roleARN, origin: origin)
        }
        if usesSingleSignOn {
            let origin = ["sso_session", "sso_start_url", "sso_region", "sso_account_id", "sso_role_name"]
                .lazy.compactMap { self.origin(of: $0) }.first
            return .singleSignOn(origin: origin)
        }
        if let credentials = try credentialsFileKeys.credentials(profile: name) { return .staticKeys(credentials) }
        if let command = credentialProcess, let origin = origin(of: "credential_process") {
            return .credentialProcess(command: command, origin: origin)
        }
        if let credentials = try configFileKeys.credentials(profile: name) { return .staticKeys(credentials) }
        return .none
    }

    /// The complete static key this profile holds, credentials file first; `nil` when neither file has one.
    /// - Throws: `ConfigError.partialCredentials` for a key id without secret in the file botocore reads first.
    public func staticCredentials() throws(ConfigError) -> StaticCredentials? {
        if let credentials = try credentialsFileKeys.credentials(profile: name) { return credentials }
        return try configFileKeys.credentials(profile: name)
    }
}

extension Profile.KeyMaterial {
    func credentials(profile: String) throws(ConfigError) -> StaticCredentials? {
        switch self {
        case .none, .secretOnly: return nil
        case .partial(let origin): throw .partialCredentials(profile: profile, file: origin.file, line: origin.line)
        case .complete(let credentials): return credentials
        }
    }
}

import FoundationEssentials
import KeywardAWS
import KeywardConfig
import KeywardSystem
import Logging

/// The calls to STS for one plan: the MFA session (cached on its own, under its own lock, so every role
/// chained from it reuses it), the web identity role, then each `AssumeRole` in order.
struct SessionFetcher: Sendable {
    var plan: CredentialPlan
    var sts: STSClient
    var cache: SessionCache?
    var mfa: MFACodeSource
    var logger: Logger
    var lockDirectory: String?
    var lockTimeout: Duration
    var lockNotice: CredentialLockNotice?

    /// Runs the plan from the loaded source to the final session.
    func fetch(loaded: SourceLoader.Loaded) async throws(CredentialsError) -> CachedSession {
        var current: CachedSession?
        var credentials = loaded.credentials
        if case .webIdentity(_, let roleARN, let sessionName, let profile) = plan.source,
            let token = loaded.webIdentityToken
        {
            let session = try await call(profile, "sts:AssumeRoleWithWebIdentity") { () async throws(AWSClientError) in
                try await sts.assumeRoleWithWebIdentity(
                    roleARN: roleARN, roleSessionName: sessionName, webIdentityToken: token)
            }
            credentials = session.credentials
            current = try cachedSession(
                .webIdentity, profile: profile, session.credentials, facts: SessionFacts(issuedAt: Date()))
        }
        if let step = plan.sessionToken, let source = credentials {
            let session = try await sessionToken(step, source: source, identity: loaded.identity)
            credentials = session.credentials
            current = session
        }
        for role in plan.roles {
            guard let caller = credentials else { throw .noCredentials(profile: plan.profile) }
            var code: String?
            if let serial = role.mfaSerial {
                code = try mfa.code(serial: serial, profile: role.profile, mfaProcess: role.mfaProcess)
            }
            let request = AssumeRoleRequest(
                roleARN: role.roleARN, roleSessionName: role.sessionName, durationSeconds: role.durationSeconds,
                externalID: role.externalID, tags: role.tags.map { SessionTag(key: $0.key, value: $0.value) },
                transitiveTagKeys: role.transitiveTagKeys, sourceIdentity: role.sourceIdentity,
                serialNumber: role.mfaSerial, tokenCode: code)
            logger.debug("assuming role", metadata: ["profile": "\(role.profile)", "role": "\(role.roleARN)"])
            let session = try await call(role.profile, "sts:AssumeRole") { () async throws(AWSClientError) in
                try await sts.assumeRole(request, credentials: caller).credentials
            }
            credentials = session
            // MFA checked now, or carried on from the MFA session whose credentials assumed the role; a
            // source identity, once set, stays for the rest of the chain.
            let now = Date()
            let facts = SessionFacts(
                issuedAt: now,
                multiFactorAuthenticatedAt: role.mfaSerial != nil ? now : current?.facts.multiFactorAuthenticatedAt,
                sourceIdentity: current?.facts.sourceIdentity ?? role.sourceIdentity)
            current = try cachedSession(.assumedRole, profile: plan.profile, session, facts: facts)
        }
        guard let current else { throw .noCredentials(profile: plan.profile) }
        return current
    }

    /// The MFA session: from the cache, else under its own lock, else one `GetSessionToken`.
    private func sessionToken(
        _ step: CredentialPlan.SessionTokenStep, source: AWSCredentials, identity: String
    ) async throws(CredentialsError) -> CachedSession {
        guard let planKey = plan.sessionTokenKey else { throw .noCredentials(profile: step.profile) }
        let key = planKey.identified(by: identity)
        if let hit = try await read(key) { return hit }
        return try await CredentialLock.withLock(
            directory: lockDirectory, purpose: .mfaSession, fingerprint: planKey.canonicalText, profile: step.profile,
            timeout: lockTimeout, notice: lockNotice
        ) { () async throws(CredentialsError) in
            if let hit = try await read(key) { return hit }
            return try await getSessionToken(step, source: source, key: key)
        }
    }

    private func getSessionToken(
        _ step: CredentialPlan.SessionTokenStep, source: AWSCredentials, key: SessionKey
    ) async throws(CredentialsError) -> CachedSession {
        var code: String?
        if let serial = step.mfaSerial {
            code = try mfa.code(serial: serial, profile: step.profile, mfaProcess: step.mfaProcess)
        }
        logger.debug(
            "opening a session", metadata: ["profile": "\(step.profile)", "mfa": "\(step.mfaSerial ?? "none")"])
        let credentials = try await call(step.profile, "sts:GetSessionToken") { () async throws(AWSClientError) in
            try await sts.getSessionToken(
                credentials: source, durationSeconds: step.durationSeconds, serialNumber: step.mfaSerial,
                tokenCode: code)
        }
        let now = Date()
        let session = try cachedSession(
            .sessionToken, profile: step.profile, credentials, chain: [step.profile], plan: plan.sessionTokenKey,
            facts: SessionFacts(issuedAt: now, multiFactorAuthenticatedAt: step.mfaSerial != nil ? now : nil))
        if let cache {
            do {
                try await cache.store(session, for: key)
            } catch {
                logger.debug("cannot cache the MFA session", metadata: ["error": "\(error)"])
            }
        }
        return session
    }

    private func read(_ key: SessionKey) async throws(CredentialsError) -> CachedSession? {
        guard let cache else { return nil }
        do {
            return try await cache.session(for: key)
        } catch {
            throw .vault(error)
        }
    }

    private func call<T: Sendable>(
        _ profile: String, _ operation: String, _ body: () async throws(AWSClientError) -> T
    ) async throws(CredentialsError) -> T {
        do {
            return try await body()
        } catch {
            throw .sts(profile: profile, error)
        }
    }

    private func cachedSession(
        _ kind: SessionKind, profile: String, _ credentials: AWSCredentials, chain: [String]? = nil,
        plan key: SessionKey? = nil, facts: SessionFacts
    ) throws(CredentialsError) -> CachedSession {
        guard let expiration = credentials.expiration else { throw .noCredentials(profile: profile) }
        return CachedSession(
            kind: kind, profile: profile, chain: chain ?? plan.chain, planDigest: (key ?? plan.finalKey).digest,
            credentials: credentials, expiration: expiration, facts: facts)
    }
}

import KeywardSystem

/// The cross-process lock around fetching one chain's session: a lock file per fingerprint under
/// `KEYWARD_HOME/locks`, so sixteen `credential_process` calls started at once make one STS call and show
/// one MFA prompt (issue 5); the others wait, then find the session in the cache.
enum CredentialLock {
    /// Takes the lock for `fingerprint`; without a directory, returns `nil` and locks nothing.
    static func acquire(
        directory: String?, fingerprint: String, timeout: Duration
    ) async throws(CredentialsError) -> FileLock.Held? {
        guard let directory else { return nil }
        do {
            try SecureFile.createDirectory(at: directory)
            let name = String(SessionCache.hexDigest(fingerprint).prefix(32))
            return try await FileLock(path: directory + "/" + name + ".lock").acquire(.exclusive, timeout: timeout)
        } catch {
            throw .lock(error)
        }
    }

    /// Releases a lock taken by `acquire`.
    static func release(_ held: consuming FileLock.Held?) {
        if let held { held.release() }
    }
}

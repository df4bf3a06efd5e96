import Glibc
import KeywardSystem

/// The cross-process lock around fetching one session: a lock file per purpose and fingerprint under
/// `KEYWARD_HOME/locks`, so sixteen `credential_process` calls started at once make one STS call and show
/// one MFA prompt (issue 5); the others wait, then find the session in the cache.
///
/// Two rules keep a process from ever waiting on itself (issue 11: a profile without a role hung for the
/// whole timeout because its chain lock and its MFA-session lock were the same file):
/// - the chain lock and the MFA-session lock live in separate name spaces, so they are never one file, and
///   they are always taken in that order (chain, then MFA session), so two processes cannot deadlock;
/// - a task that already holds a lock and asks for it again fails at once (`CredentialsError.lockReentered`)
///   instead of waiting; `flock` locks belong to an open file description, so a second `open` + `flock` in
///   the same process would never succeed.
enum CredentialLock {
    /// What a lock protects; part of the lock file's name.
    enum Purpose: String, Sendable {
        /// Fetching the final session of a chain.
        case chain
        /// Opening the (MFA) `GetSessionToken` session that chains start from.
        case mfaSession = "mfa-session"
    }

    /// The lock files the current task (and the tasks it started) holds.
    @TaskLocal static var held: Set<String> = []

    /// The lock file for `purpose` and `fingerprint` in `directory`.
    static func path(directory: String, purpose: Purpose, fingerprint: String) -> String {
        let name = String(SessionCache.hexDigest(purpose.rawValue + "\u{0}" + fingerprint).prefix(32))
        return directory + "/" + name + ".lock"
    }

    /// Runs `body` holding the lock for `purpose` and `fingerprint`; without a directory, locks nothing.
    /// - Parameters:
    ///   - directory: `KEYWARD_HOME/locks`, or `nil`.
    ///   - purpose: which of the two locks.
    ///   - fingerprint: the session's fingerprint.
    ///   - profile: the profile being resolved, for messages.
    ///   - timeout: how long to wait for another holder (it may be at an MFA prompt).
    ///   - notice: told once, after a few seconds of waiting, who holds the lock.
    ///   - body: the work done under the lock.
    /// - Throws: `CredentialsError.lockReentered` when this task already holds the lock, `.lock` when it
    ///   cannot be had in time, or what `body` throws.
    static func withLock<T: Sendable>(
        directory: String?, purpose: Purpose, fingerprint: String, profile: String, timeout: Duration,
        notice: CredentialLockNotice?, _ body: () async throws(CredentialsError) -> T
    ) async throws(CredentialsError) -> T {
        guard let directory else { return try await body() }
        let path = path(directory: directory, purpose: purpose, fingerprint: fingerprint)
        if held.contains(path) { throw .lockReentered(profile: profile, path: path) }
        let lock: FileLock.Held
        do {
            try SecureFile.createDirectory(at: directory)
            removeStaleLocks(in: directory, keeping: path)
            lock = try await FileLock(path: path).acquire(.exclusive, timeout: timeout) { holder in
                notice?(CredentialLockWait(profile: profile, purpose: purpose, holder: holder, path: path))
            }
        } catch {
            throw .lock(profile: profile, error)
        }
        let outcome: Result<T, CredentialsError> = await $held.withValue(held.union([path])) {
            do throws(CredentialsError) {
                return .success(try await body())
            } catch {
                return .failure(error)
            }
        }
        lock.release()
        return try outcome.get()
    }
}

extension CredentialLock {
    /// Lock files unused for this long are deleted when another lock is taken.
    static let staleAge: Double = 86_400

    /// Deletes the lock files of `directory` no one has used for a day, so they do not pile up: there is one
    /// per chain fingerprint, and fingerprints change with every key rotation or config edit (issue 21,
    /// item 15). A file is deleted only while this process holds its lock, and `FileLock` acquirers check
    /// that the file they locked is still in place, so a process waiting on a deleted file starts again.
    /// Failures are ignored: a file left behind costs nothing but a directory entry.
    static func removeStaleLocks(in directory: String, keeping current: String, now: Double = Double(time(nil))) {
        guard let names = try? SecureFile.entries(in: directory) else { return }
        for name in names where name.hasSuffix(".lock") {
            let path = directory + "/" + name
            var info = stat()
            guard path != current, stat(path, &info) == 0, now - Double(info.st_mtim.tv_sec) > staleAge else {
                continue
            }
            do {
                guard let held = try FileLock(path: path, removeWhenReleased: true).tryAcquire(.exclusive) else {
                    continue
                }
                held.release()
            } catch {
                continue
            }
        }
    }
}

/// A wait for another holder of a credential lock, told to the person after a few seconds.
public struct CredentialLockWait: Sendable, Equatable, CustomStringConvertible {
    /// The profile being resolved.
    public var profile: String
    /// Whether the chain's session or the MFA session is being fetched by the holder.
    public var isMFASession: Bool
    /// The holder's process id, as it recorded it in the lock file.
    public var holder: Int32?
    /// The lock file.
    public var path: String

    init(profile: String, purpose: CredentialLock.Purpose, holder: Int32?, path: String) {
        self.profile = profile
        self.isMFASession = purpose == .mfaSession
        self.holder = holder
        self.path = path
    }

    /// One line: whom Keyward waits for and why it may take a while.
    public var description: String {
        let whom = holder.map { "process \($0)" } ?? "another process"
        let what = isMFASession ? "the MFA session" : "the session"
        return
            "profile \(profile): waiting for \(whom), which is fetching \(what) (it may be at an MFA prompt); "
            + "lock file \(path)"
    }
}

/// Told once when a credential lock is not free after a few seconds.
public typealias CredentialLockNotice = @Sendable (CredentialLockWait) -> Void

import Foundation
import KeywardAWS
import KeywardSystem
import KeywardVault

/// Replaces the stored long-lived key of a profile with a new one, so that a failure at any step leaves a
/// working key stored (`keyward rotate PROFILE`).
///
/// The order, and why:
/// 1. read the stored key and ask `sts:GetCallerIdentity` who it is (the IAM user whose keys change);
/// 2. `iam:ListAccessKeys`: IAM allows two keys per user, so a user who already has two is refused before
///    anything changes;
/// 3. `iam:CreateAccessKey`;
/// 4. wait until the new key answers `sts:GetCallerIdentity`, polling with backoff: IAM is eventually
///    consistent ("Changes that I make are not always immediately visible", IAM User Guide,
///    troubleshooting), so a brand-new key can be refused for a few seconds;
/// 5. store the new key (the vault then holds a key that is known to work);
/// 6. `iam:DeleteAccessKey` of the old key, signed with the old key, which is known to be accepted by IAM
///    (the new key may still be propagating to IAM's own endpoint).
///
/// Before step 5 a failure deletes the unverified new key again when it can, and the old key stays stored;
/// after step 5 the new key stays stored and the error names the old key id to delete.
///
/// ```swift
/// let rotation = KeyRotation(profile: "jo", vault: vault, service: AWSAccessKeyService(sts: sts, iam: iam))
/// let outcome = try await rotation.run()
/// ```
public struct KeyRotation: Sendable {
    /// What a successful rotation did.
    public struct Outcome: Sendable, Equatable {
        /// The IAM user whose key was rotated.
        public var user: String
        /// The key that was replaced and deleted.
        public var oldKeyID: String
        /// The key now stored.
        public var newKeyID: String
        /// How many `GetCallerIdentity` calls it took the new key to answer.
        public var attempts: Int
        /// Whether the old key had already been deleted by someone else (`NoSuchEntity`).
        public var oldKeyWasAlreadyGone: Bool
        /// How many cached sessions minted from the old key were dropped.
        public var droppedSessions = 0

        /// Describes a rotation's result.
        public init(user: String, oldKeyID: String, newKeyID: String, attempts: Int, oldKeyWasAlreadyGone: Bool) {
            self.user = user
            self.oldKeyID = oldKeyID
            self.newKeyID = newKeyID
            self.attempts = attempts
            self.oldKeyWasAlreadyGone = oldKeyWasAlreadyGone
        }
    }

    /// The profile whose key is rotated.
    public var profile: String
    /// Where the key is stored.
    public var vault: KeyVault
    /// IAM and STS.
    public var service: any AccessKeyService
    /// The waits between `GetCallerIdentity` attempts with the new key; one more attempt than waits.
    /// The default doubles from 1 s to 8 s and stops after about a minute in all.
    public var propagationDelays: [Duration]
    /// How to wait (tests pass one that returns at once).
    public var sleep: @Sendable (Duration) async -> Void
    /// The clock for `StoredKey.storedAt`.
    public var now: @Sendable () -> Date
    /// Progress lines for the person running the command (never a secret).
    public var progress: @Sendable (String) -> Void

    /// The default waits between attempts with a new key: doubling from 1 s to 8 s, about a minute in all.
    public static let defaultPropagationDelays: [Duration] = [1, 2, 4, 8, 8, 8, 8, 8, 8].map { .seconds($0) }

    /// A rotation of `profile`'s key.
    /// - Parameters:
    ///   - profile: the profile whose stored key is replaced.
    ///   - vault: where the key is stored.
    ///   - service: IAM and STS.
    ///   - propagationDelays: the waits between `GetCallerIdentity` attempts with the new key.
    ///   - sleep: how to wait.
    ///   - now: the clock for the new key's `storedAt`.
    ///   - progress: receives a line after each step that changed something (never a secret).
    /// The MFA device and its current code: the IAM calls are then signed with a 15-minute MFA session
    /// instead of the long-lived key.
    public var mfa: (serial: String, code: String)?
    /// The cached sessions, whose entries minted from the old key are dropped once it is deleted: they stop
    /// working with it, and were listed next to the new key's sessions (issue 21, item 3).
    public var sessions: SessionCache?

    public init(
        profile: String, vault: KeyVault, service: any AccessKeyService,
        propagationDelays: [Duration] = KeyRotation.defaultPropagationDelays,
        sleep: @escaping @Sendable (Duration) async -> Void = { try? await Task.sleep(for: $0) },
        now: @escaping @Sendable () -> Date = { Date() },
        progress: @escaping @Sendable (String) -> Void = { _ in }
    ) {
        self.profile = profile
        self.vault = vault
        self.service = service
        self.propagationDelays = propagationDelays
        self.sleep = sleep
        self.now = now
        self.progress = progress
    }

    /// Runs the rotation.
    /// - Returns: what was done.
    /// - Throws: `KeyRotation.Failure`, whose description says what is stored and what is left to clean up.
    public func run() async throws(Failure) -> Outcome {
        let old = try await storedKey()
        // Before IAM makes a key that could then only be kept where a reboot loses it.
        do {
            try vault.checkKeepsKeys()
        } catch {
            throw .vaultUnreadable(profile: profile, error)
        }
        let oldCredentials = AWSCredentials(
            accessKeyID: old.accessKeyID, secretAccessKey: SecretString(old.secretAccessKey.unredacted))
        let identity: CallerIdentity
        do {
            identity = try await service.callerIdentity(oldCredentials)
        } catch {
            throw .storedKeyRejected(profile: profile, maskedKeyID: old.maskedAccessKeyID, error)
        }
        guard let user = Self.userName(fromARN: identity.arn) else {
            throw .notAnIAMUser(profile: profile, arn: identity.arn)
        }
        // The old key only identifies and, with MFA, opens a short session that signs the IAM calls.
        var signing = oldCredentials
        if let mfa {
            do {
                signing = try await service.mfaSession(serial: mfa.serial, code: mfa.code, credentials: oldCredentials)
            } catch {
                throw .mfaSessionRefused(profile: profile, serial: mfa.serial, error)
            }
        }
        let existing: [AccessKeyMetadata]
        do {
            existing = try await service.listAccessKeys(userName: user, credentials: signing)
        } catch {
            throw .cannotListKeys(profile: profile, user: user, error)
        }
        if existing.count >= 2 {
            throw .twoKeysAlready(profile: profile, user: user, keyIDs: existing.map(\.accessKeyID))
        }
        let new: AWSCredentials
        do {
            new = try await service.createAccessKey(userName: user, credentials: signing)
        } catch {
            throw .createFailed(profile: profile, user: user, error)
        }
        progress("Created the new key \(new.maskedAccessKeyID) for user \(user); waiting for it to work")
        let attempts = try await waitUntilWorking(new, as: identity.arn, user: user, signing: signing)
        try await store(new, user: user, old: oldCredentials, signing: signing)
        progress("Stored the new key \(new.maskedAccessKeyID) for profile \(profile)")
        var alreadyGone = false
        do {
            try await service.deleteAccessKey(old.accessKeyID, userName: user, credentials: signing)
        } catch {
            // Someone deleted it meanwhile: what rotation wanted is done.
            guard error.awsCode == "NoSuchEntity" else {
                throw .oldKeyNotDeleted(
                    profile: profile, user: user, oldKeyID: old.accessKeyID, newMaskedKeyID: new.maskedAccessKeyID,
                    error)
            }
            alreadyGone = true
        }
        var outcome = Outcome(
            user: user, oldKeyID: old.accessKeyID, newKeyID: new.accessKeyID, attempts: attempts,
            oldKeyWasAlreadyGone: alreadyGone)
        // Every session whose chain starts at this profile was minted from its stored key, which was the old
        // one until a moment ago. Failing to drop them loses nothing: their cache keys name the old key id,
        // so they are never used again, and they expire.
        outcome.droppedSessions = (try? await sessions?.clear(profile: profile)) ?? 0
        return outcome
    }

    /// The IAM user name in a user ARN (`arn:aws:iam::123456789012:user/division/jo` gives `jo`), or `nil`
    /// when the ARN is not an IAM user's.
    /// - Parameter arn: the caller's ARN.
    /// - Returns: the user name, or `nil`.
    public static func userName(fromARN arn: String) -> String? {
        ARN(arn)?.userName
    }

    private func storedKey() async throws(Failure) -> StoredKey {
        let key: StoredKey?
        do {
            key = try await vault.key(profile: profile)
        } catch {
            throw .vaultUnreadable(profile: profile, error)
        }
        guard let key else { throw .noStoredKey(profile: profile) }
        return key
    }

    /// Polls `GetCallerIdentity` with the new key; on giving up, deletes it again (signed with the old key).
    private func waitUntilWorking(
        _ new: AWSCredentials, as arn: String, user: String, signing: AWSCredentials
    ) async throws(Failure) -> Int {
        var attempt = 0
        while true {
            attempt += 1
            let answer: CallerIdentity
            do {
                answer = try await service.callerIdentity(new)
            } catch {
                // Only the service's refusals can be propagation delays; the client already retried
                // broken connections and throttling.
                guard case .service = error, attempt <= propagationDelays.count else {
                    let deleted = await deleteQuietly(new.accessKeyID, user: user, credentials: signing)
                    throw .newKeyNeverAnswered(
                        profile: profile, user: user, newKeyID: new.accessKeyID, attempts: attempt, last: error,
                        newKeyDeleted: deleted)
                }
                await sleep(propagationDelays[attempt - 1])
                continue
            }
            guard answer.arn == arn else {
                let deleted = await deleteQuietly(new.accessKeyID, user: user, credentials: signing)
                throw .newKeyIsSomeoneElse(
                    profile: profile, user: user, newKeyID: new.accessKeyID, arn: answer.arn, newKeyDeleted: deleted)
            }
            return attempt
        }
    }

    /// Stores the new key; when that fails, finds out what the vault holds before deciding what to undo.
    private func store(
        _ new: AWSCredentials, user: String, old: AWSCredentials, signing: AWSCredentials
    ) async throws(Failure) {
        let key = StoredKey(
            accessKeyID: new.accessKeyID, secretAccessKey: SecretString(new.secretAccessKey.unredacted), storedAt: now()
        )
        do {
            try await vault.storeKey(key, profile: profile)
        } catch {
            // A write can fail after the file was replaced (the directory's fsync), so look before undoing.
            let current = try? await vault.key(profile: profile)
            if current?.accessKeyID == new.accessKeyID { return }
            guard current?.accessKeyID == old.accessKeyID else {
                throw .storeUncertain(
                    profile: profile, user: user, oldKeyID: old.accessKeyID, newKeyID: new.accessKeyID, error)
            }
            let deleted = await deleteQuietly(new.accessKeyID, user: user, credentials: signing)
            throw .storeFailed(profile: profile, user: user, newKeyID: new.accessKeyID, error, newKeyDeleted: deleted)
        }
    }

    private func deleteQuietly(_ keyID: String, user: String, credentials: AWSCredentials) async -> Bool {
        do {
            try await service.deleteAccessKey(keyID, userName: user, credentials: credentials)
            return true
        } catch {
            return false
        }
    }
}

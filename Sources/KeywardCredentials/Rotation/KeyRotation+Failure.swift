import KeywardAWS
import KeywardSystem
import KeywardVault

extension KeyRotation {
    /// Why a rotation stopped, and what it left behind.
    ///
    /// Each `description` is one line saying which key is stored now and what, if anything, is left to clean
    /// up, with full key ids (they are not secrets, and the user pastes them into
    /// `aws iam delete-access-key`); never a secret. Kept apart from `CredentialsError` because every case
    /// must say which keys exist afterwards.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// No key is stored for the profile; nothing was changed.
        case noStoredKey(profile: String)
        /// The vault could not be read; nothing was changed.
        case vaultUnreadable(profile: String, VaultError)
        /// The stored key did not answer `sts:GetCallerIdentity`; nothing was changed.
        case storedKeyRejected(profile: String, maskedKeyID: String, AWSClientError)
        /// The stored key belongs to something other than an IAM user (a role session, the root).
        case notAnIAMUser(profile: String, arn: String)
        /// STS refused the MFA session (a wrong or used code, or the wrong device); nothing was changed.
        case mfaSessionRefused(profile: String, serial: String, AWSClientError)
        /// `iam:ListAccessKeys` failed; nothing was changed.
        case cannotListKeys(profile: String, user: String, AWSClientError)
        /// The user already has IAM's maximum of two keys; nothing was changed.
        case twoKeysAlready(profile: String, user: String, keyIDs: [String])
        /// `iam:CreateAccessKey` failed; nothing was changed.
        case createFailed(profile: String, user: String, AWSClientError)
        /// The new key never answered `sts:GetCallerIdentity`; the old key is still stored. `newKeyDeleted`
        /// says whether the unverified new key was deleted again.
        case newKeyNeverAnswered(
            profile: String, user: String, newKeyID: String, attempts: Int, last: AWSClientError, newKeyDeleted: Bool)
        /// The new key answered as another identity than the old one; the old key is still stored.
        case newKeyIsSomeoneElse(profile: String, user: String, newKeyID: String, arn: String, newKeyDeleted: Bool)
        /// The new key works but could not be stored; the old key is still stored.
        case storeFailed(profile: String, user: String, newKeyID: String, VaultError, newKeyDeleted: Bool)
        /// The new key could not be stored and the vault no longer says which key it holds.
        case storeUncertain(profile: String, user: String, oldKeyID: String, newKeyID: String, VaultError)
        /// The new key is stored and works, but the old key could not be deleted.
        case oldKeyNotDeleted(profile: String, user: String, oldKeyID: String, newMaskedKeyID: String, AWSClientError)

        /// One line: what failed, what is stored, what is left to clean up.
        public var description: String {
            switch self {
            case .noStoredKey(let profile):
                return
                    "profile \(profile): no access key is stored; run keyward add \(ShellQuoting.quoted(profile)) first"
            case .vaultUnreadable(let profile, let error):
                return "profile \(profile): \(error)"
            case .storedKeyRejected(let profile, let masked, let error):
                return "profile \(profile): the stored key \(masked) does not work (\(error)); nothing was changed"
            case .notAnIAMUser(let profile, let arn):
                return "profile \(profile): the stored key belongs to \(arn), not an IAM user; nothing was changed"
            case .mfaSessionRefused(let profile, let serial, let error):
                return "profile \(profile): STS refused an MFA session with \(serial) (\(error)); nothing was changed"
            case .cannotListKeys(let profile, let user, let error):
                return "profile \(profile): cannot list the access keys of user \(user) (\(error)); nothing was changed"
            case .twoKeysAlready(let profile, let user, let ids):
                return "profile \(profile): user \(user) already has 2 access keys (\(ids.joined(separator: ", "))), "
                    + "the most IAM allows; delete the one not in use and run keyward rotate \(profile) again; "
                    + "nothing was changed"
            case .createFailed(let profile, let user, let error):
                return
                    "profile \(profile): cannot create a new access key for user \(user) (\(error)); nothing was changed"
            case .newKeyNeverAnswered(let profile, let user, let id, let attempts, let last, let deleted):
                return "profile \(profile): the new key \(id) did not answer sts:GetCallerIdentity after \(attempts) "
                    + "attempts (last: \(last)); the old key is still stored; "
                    + Self.leftover(newKeyID: id, user: user, deleted: deleted)
            case .newKeyIsSomeoneElse(let profile, let user, let id, let arn, let deleted):
                return
                    "profile \(profile): the new key \(id) answered as \(arn), not user \(user); the old key is still "
                    + "stored; " + Self.leftover(newKeyID: id, user: user, deleted: deleted)
            case .storeFailed(let profile, let user, let id, let error, let deleted):
                return "profile \(profile): cannot store the new key (\(error)); the old key is still stored; "
                    + Self.leftover(newKeyID: id, user: user, deleted: deleted)
            case .storeUncertain(let profile, let user, let oldID, let newID, let error):
                return "profile \(profile): cannot tell whether the new key \(newID) was stored (\(error)); both keys "
                    + "still exist: check with keyward list, then delete the one not stored with "
                    + "aws iam delete-access-key --user-name \(user) --access-key-id \(oldID) (or \(newID))"
            case .oldKeyNotDeleted(let profile, let user, let oldID, let newMasked, let error):
                return "profile \(profile): the new key \(newMasked) is stored and works, but the old key \(oldID) "
                    + "was not deleted (\(error)); left to clean up: "
                    + "aws iam delete-access-key --user-name \(user) --access-key-id \(oldID)"
            }
        }

        private static func leftover(newKeyID: String, user: String, deleted: Bool) -> String {
            deleted
                ? "the new key was deleted again, nothing is left to clean up"
                : "left to clean up: aws iam delete-access-key --user-name \(user) --access-key-id \(newKeyID)"
        }
    }
}

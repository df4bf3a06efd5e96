import Foundation
import KeywardAWS
import KeywardConfig
import KeywardSystem

/// The two file steps of `keyward import --scrub`: keep a backup of the original file, then take each key
/// out once it is safely in the vault.
extension SharedCredentialsFile {
    /// What `removeImportedKey` did.
    public enum ScrubOutcome: Sendable, Equatable {
        /// The key lines are gone and the comment is where they were.
        case removed
        /// The profile holds no key in the file any more (scrubbed by an earlier run, or edited meanwhile).
        case notInFile
        /// The profile now holds another key than the one imported, which is left alone: removing it would
        /// lose a key the vault does not have.
        case keyDiffers
    }

    /// Copies the file, byte for byte, to a new backup file beside it
    /// (`ImportCandidate.backupPath(for:date:attempt:)`), mode 0600, written atomically and never over an
    /// existing file (a name already taken gets the next suffix). The copy is taken under the file's lock.
    /// - Parameter date: the time stamped into the backup's name.
    /// - Returns: the backup's path, or `nil` when the file does not exist (nothing to back up).
    /// - Throws: `FederationError.system` when the lock, the read or the write fails.
    public func backUp(date: Date) async throws(FederationError) -> String? {
        let held: FileLock.Held
        do {
            held = try await lock.acquire(.exclusive, timeout: .seconds(30))
        } catch {
            throw .system(error)
        }
        let outcome = Result { () throws(FederationError) in try copyLocked(date: date) }
        held.release()
        return try outcome.get()
    }

    /// The read-and-copy of `backUp`, run while the lock is held.
    private func copyLocked(date: Date) throws(FederationError) -> String? {
        let bytes: [UInt8]?
        do {
            bytes = try SecureFile.read(at: path)
        } catch {
            throw .system(error)
        }
        guard let bytes else { return nil }
        // Beside the file itself, not beside a link to it: the backup then lives where the keys lived.
        let target: String
        do {
            target = try SecureFile.editableTarget(of: path)
        } catch {
            throw .system(error)
        }
        var attempt = 1
        while true {
            let backup = ImportCandidate.backupPath(for: target, date: date, attempt: attempt)
            do {
                try SecureFile.createAtomically(bytes, at: backup, permissions: 0o600)
                return backup
            } catch {
                guard case .fileOperation(.link, _, EEXIST) = error, attempt < 1000 else { throw .system(error) }
                attempt += 1
            }
        }
    }

    /// Removes a profile's `aws_access_key_id` and `aws_secret_access_key` once the key is in the vault, and
    /// leaves `comment` where they were (the section goes when nothing else is left in it). Nothing is
    /// removed unless the file still holds exactly `key` for the profile, so a key changed meanwhile is
    /// never lost. The edit is locked, atomic and leaves the file mode 0600 (see `modify`).
    /// - Parameters:
    ///   - key: the key that was imported (id and secret).
    ///   - profile: the profile (section) it came from.
    ///   - comment: the whole comment line, e.g. `ImportCandidate.scrubComment(profile:backend:date:)`.
    /// - Returns: what was done.
    /// - Throws: `.credentialsFile` when the file cannot be parsed or edited, `.system` for I/O.
    public func removeImportedKey(
        _ key: AWSCredentials, profile: String, comment: String
    ) async throws(FederationError) -> ScrubOutcome {
        var outcome = ScrubOutcome.notInFile
        try await modify { file throws(FederationError) in
            guard let section = file.profileSection(named: profile),
                section.value(forKey: "aws_access_key_id") != nil
                    || section.value(forKey: "aws_secret_access_key") != nil
            else { return }
            guard case .longLivedKey(let held) = ImportCandidate.classify(section), held == key else {
                outcome = .keyDiffers
                return
            }
            do throws(ConfigError) {
                try file.removeValues(
                    ["aws_access_key_id", "aws_secret_access_key"], inSection: section.header,
                    leavingComment: comment)
            } catch {
                throw .credentialsFile(error)
            }
            outcome = .removed
        }
        return outcome
    }
}

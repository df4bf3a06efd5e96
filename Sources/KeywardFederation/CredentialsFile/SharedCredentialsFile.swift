import Foundation
import KeywardAWS
import KeywardConfig
import KeywardSystem

/// The shared credentials file (`~/.aws/credentials`), edited the safe way: under a lock, section by section,
/// every other byte kept, replaced atomically, mode 0600.
///
/// ```swift
/// let file = SharedCredentialsFile(path: paths.credentials, displayName: "~/.aws/credentials")
/// try await file.writeSession(session.credentials, profile: "dev")
/// ```
///
/// The lock is a separate file beside it (`.credentials.keyward-lock`), because the atomic rename replaces
/// the credentials file's inode and a lock on that inode would no longer exclude anyone.
public struct SharedCredentialsFile: Sendable {
    /// The file's path.
    public var path: String
    /// How errors name it, e.g. `~/.aws/credentials`.
    public var displayName: String
    /// The key written with the expiry of temporary credentials; botocore ignores it, and the name is the one
    /// saml2aws and gimme-aws-creds write.
    public static let expiryKey = "x_security_token_expires"

    /// Describes the file; nothing is read until an edit.
    public init(path: String, displayName: String) {
        self.path = path
        self.displayName = displayName
    }

    /// The lock every Keyward writer of this file takes.
    public var lock: FileLock {
        let url = URL(fileURLWithPath: path)
        return FileLock(
            path: url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent).path
                + ".keyward-lock")
    }

    /// The keys a session write replaces: everything else in the section (`region`, `output`, comments) stays.
    public static let credentialKeys: Set<String> = [
        "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "aws_security_token", expiryKey,
    ]

    /// Writes temporary credentials into `[profile]`, replacing that section's credential keys (its other
    /// keys and comments stay) or adding the section at the end.
    /// - Parameters:
    ///   - credentials: temporary credentials with a session token.
    ///   - profile: the profile (section) to write.
    /// - Throws: `FederationError.profileHoldsLongLivedKey` when the section holds a long-lived key (it is
    ///   never overwritten), `.credentialsFile` when the file cannot be parsed or edited, `.system` for I/O.
    public func writeSession(_ credentials: AWSCredentials, profile: String) async throws(FederationError) {
        var pairs: [(key: String, value: String)] = [
            ("aws_access_key_id", credentials.accessKeyID),
            ("aws_secret_access_key", credentials.secretAccessKey.unredacted),
        ]
        if let token = credentials.sessionToken { pairs.append(("aws_session_token", token.unredacted)) }
        if let expiration = credentials.expiration {
            pairs.append((Self.expiryKey, ISO8601Timestamp.format(expiration)))
        }
        try await modify { file throws(FederationError) in
            let header = file.profileHeader(for: profile)
            if let section = file.section(named: header), Self.holdsLongLivedKey(section) {
                throw .profileHoldsLongLivedKey(profile: profile, file: displayName)
            }
            do throws(ConfigError) {
                try file.updateSection(named: header, setting: pairs, removing: Self.credentialKeys)
            } catch {
                throw .credentialsFile(error)
            }
        }
    }

    /// Whether a section holds a long-lived key: an access key id without a session token, or one that looks
    /// like an IAM user's (`AKIA...`).
    public static func holdsLongLivedKey(_ section: ConfigSection) -> Bool {
        guard let id = section.value(forKey: "aws_access_key_id"), !id.isEmpty else { return false }
        let hasToken =
            section.value(forKey: "aws_session_token") != nil
            || section.value(forKey: "aws_security_token") != nil
        return id.hasPrefix("AKIA") || !hasToken
    }

    /// Reads the file under the lock (an empty one when missing), lets `change` edit it, and writes the
    /// result atomically with mode 0600 when it differs. The directory is created (0700) when missing.
    /// - Parameter change: the edit; throwing leaves the file untouched.
    /// - Throws: what `change` throws, `.credentialsFile` for a file that cannot be parsed, `.system` for I/O.
    public func modify(
        _ change: (inout ConfigFile) throws(FederationError) -> Void
    ) async throws(FederationError) {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            if !SecureFile.exists(at: directory) { try SecureFile.createDirectory(at: directory) }
        } catch {
            throw .system(error)
        }
        let held: FileLock.Held
        do {
            held = try await lock.acquire(.exclusive, timeout: .seconds(30))
        } catch {
            throw .system(error)
        }
        let outcome: Result<Void, FederationError>
        do throws(FederationError) {
            try editLocked(change)
            outcome = .success(())
        } catch {
            outcome = .failure(error)
        }
        held.release()
        try outcome.get()
    }

    /// The read-edit-write of `modify`, run while the lock is held.
    private func editLocked(_ change: (inout ConfigFile) throws(FederationError) -> Void) throws(FederationError) {
        let bytes: [UInt8]?
        do {
            bytes = try SecureFile.read(at: path)
        } catch {
            throw .system(error)
        }
        var file: ConfigFile
        do {
            file = try ConfigFile(data: Data(bytes ?? []), fileName: displayName, kind: .credentials)
        } catch {
            throw .credentialsFile(error)
        }
        let before = file.text
        try change(&file)
        guard file.text != before || bytes == nil || !Self.isPrivate(path) else { return }
        do {
            try SecureFile.writeAtomically(Array(file.text.utf8), to: path, permissions: 0o600)
        } catch {
            throw .system(error)
        }
    }

    /// Whether the file's mode gives nothing to group or others.
    static func isPrivate(_ path: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = attributes[.posixPermissions] as? NSNumber
        else { return false }
        return mode.intValue & 0o077 == 0
    }
}

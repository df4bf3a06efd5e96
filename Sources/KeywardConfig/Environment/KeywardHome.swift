import Glibc

/// Where Keyward keeps its vault, locks and backups: `KEYWARD_HOME`, else `$XDG_DATA_HOME/keyward`, else
/// `~/.local/share/keyward`; the one rule for every command.
///
/// Refused rather than guessed (issue 12, item 13): with `HOME` unset (cron, systemd, `env -i`) the old
/// fallback put the vault under `./.local/share/keyward`, relative to whatever the working directory was.
/// A home owned by another user, or writable by group or others, is refused too: whoever can write there
/// can replace the vault or plant lock files and backups.
///
/// ```swift
/// let home = try KeywardHome.resolve(environment)   // "/home/jo/.local/share/keyward"
/// ```
public enum KeywardHome {
    /// Why no home can be used.
    public enum Problem: Error, Equatable, Sendable, CustomStringConvertible {
        /// Neither `KEYWARD_HOME` nor `HOME` (nor an absolute `XDG_DATA_HOME`) is set.
        case unset
        /// The chosen path is not absolute.
        case notAbsolute(variable: String, path: String)
        /// The directory belongs to another user.
        case foreignOwner(path: String, owner: UInt32)
        /// Group or others may write to it.
        case writableByOthers(path: String, mode: UInt32)
        /// The path exists and is not a directory.
        case notADirectory(path: String)

        public var description: String {
            switch self {
            case .unset:
                return "HOME is not set, so there is no place for the vault; set KEYWARD_HOME to an absolute path"
            case .notAbsolute(let variable, let path):
                return "\(variable)=\(path) is not an absolute path; Keyward's home must be one"
            case .foreignOwner(let path, let owner):
                return
                    "\(path) belongs to uid \(owner), not to you (uid \(getuid())); Keyward refuses a home others own"
            case .writableByOthers(let path, let mode):
                let text = String(mode & 0o777, radix: 8)
                return "\(path) is writable by group or others (mode \(text)); run chmod 700 \(path)"
            case .notADirectory(let path):
                return "\(path) exists and is not a directory"
            }
        }
    }

    /// The path, checked.
    /// - Parameter environment: the process environment.
    /// - Throws: `KeywardHome.Problem`.
    public static func resolve(_ environment: Environment) throws(Problem) -> String {
        let path = try path(environment)
        try check(path)
        return path
    }

    /// The path the environment names, unchecked.
    /// - Throws: `.unset` or `.notAbsolute`.
    public static func path(_ environment: Environment) throws(Problem) -> String {
        if let home = environment["KEYWARD_HOME"], !home.isEmpty {
            guard home.hasPrefix("/") else { throw .notAbsolute(variable: "KEYWARD_HOME", path: home) }
            return home
        }
        // The XDG base-directory spec: relative values are invalid and are ignored.
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/keyward" }
        guard let home = environment.home, !home.isEmpty else { throw .unset }
        guard home.hasPrefix("/") else { throw .notAbsolute(variable: "HOME", path: home) }
        return home + "/.local/share/keyward"
    }

    /// Refuses an existing directory another user owns or others may write; a missing one is fine (Keyward
    /// creates it 0700).
    public static func check(_ path: String) throws(Problem) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return }
        guard info.st_mode & S_IFMT == S_IFDIR else { throw .notADirectory(path: path) }
        guard info.st_uid == getuid() else { throw .foreignOwner(path: path, owner: info.st_uid) }
        guard info.st_mode & 0o022 == 0 else { throw .writableByOthers(path: path, mode: info.st_mode) }
    }
}

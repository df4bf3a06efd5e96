import Glibc

/// Reads and writes small private files: atomically replaced, mode 0600 in a 0700 directory.
///
/// `writeAtomically` writes a temporary file in the same directory, flushes it to disk, renames it over the
/// target and flushes the directory, so a crash at any point leaves either the old file or the new one,
/// never a mix. A crash can leave a temporary file behind (`.NAME.tmp-XXXXXX`); `removeStaleTemporaries`
/// deletes them and is safe to call while holding the lock every writer of that file takes.
///
/// ```swift
/// try SecureFile.createDirectory(at: home)
/// try SecureFile.writeAtomically(bytes, to: home + "/vault.keyward")
/// let again = try SecureFile.read(at: home + "/vault.keyward")
/// ```
public enum SecureFile {
    /// The default upper bound for `read`: 16 MiB, far above any vault or cache file.
    public static let defaultReadLimit = 16 << 20

    /// Reads a whole file.
    /// - Parameters:
    ///   - path: the file to read.
    ///   - limit: the largest size accepted, in bytes; a larger file is an error rather than a large allocation.
    /// - Returns: the file's bytes, or `nil` when the file does not exist.
    /// - Throws: `SystemError.fileOperation` when the file exists but cannot be read,
    ///   `SystemError.fileTooLarge` when it is larger than `limit`.
    public static func read(at path: String, limit: Int = defaultReadLimit) throws(SystemError) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            let code = errno
            if code == ENOENT { return nil }
            throw .fileOperation(.open, path: path, code: code)
        }
        defer { close(fd) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .fileOperation(.read, path: path, code: errno)
            }
            if count == 0 { break }
            if bytes.count + count > limit { throw .fileTooLarge(path: path, limit: limit) }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return bytes
    }

    /// The names in a directory, without `.` and `..`, sorted.
    /// - Parameter path: the directory.
    /// - Returns: the names, or `nil` when the directory does not exist.
    /// - Throws: `SystemError.fileOperation` when it exists but cannot be listed.
    public static func entries(in path: String) throws(SystemError) -> [String]? {
        guard let stream = opendir(path) else {
            if errno == ENOENT { return nil }
            throw .fileOperation(.listDirectory, path: path, code: errno)
        }
        defer { closedir(stream) }
        var names: [String] = []
        while let entry = readdir(stream) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// Whether something exists at `path` (a dangling symbolic link counts as nothing).
    /// - Parameter path: the path to check.
    /// - Returns: `true` when `stat` succeeds.
    public static func exists(at path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// The file an edit of `path` must replace: `path` itself, or the file a symbolic link at `path` points
    /// to (followed to the end), so that a `~/.aws/credentials` linked into a dotfiles repository is edited
    /// where it lives and the link stays (issue 12, item 11). Replacing the link with a regular file would
    /// leave the old contents, keys and all, in the link's target.
    ///
    /// An existing target must be a regular file owned by this user: Keyward never rewrites a device, a
    /// FIFO, a directory or someone else's file.
    /// - Parameter path: the path as the user names it.
    /// - Returns: the path to write (and to put backups and locks beside).
    /// - Throws: `SystemError.refusedTarget` for a target Keyward must not rewrite,
    ///   `.fileOperation(.stat, ...)` when the link cannot be followed.
    public static func editableTarget(of path: String) throws(SystemError) -> String {
        var info = stat()
        guard lstat(path, &info) == 0 else { return path }  // missing: created where named
        var target = path
        if info.st_mode & S_IFMT == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                let code = errno
                // A dangling link: the file it names does not exist yet; create it there.
                if code == ENOENT, let named = linkTarget(path) { return named }
                throw .fileOperation(.stat, path: path, code: code)
            }
            target = String(cString: resolved)
            free(resolved)
            guard stat(target, &info) == 0 else { throw .fileOperation(.stat, path: target, code: errno) }
        }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw .refusedTarget(path: target, reason: "it is not a regular file")
        }
        guard info.st_uid == getuid() else {
            throw .refusedTarget(path: target, reason: "it belongs to uid \(info.st_uid), not to you")
        }
        return target
    }

    /// The absolute path a dangling symbolic link names.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        let named = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if named.hasPrefix("/") { return named }
        return split(path).directory + "/" + named
    }

    /// Replaces `path` with `bytes` atomically and durably.
    ///
    /// The temporary file is created in the same directory (so `rename` cannot cross file systems), given
    /// `permissions` before any byte is written, flushed with `fsync`, renamed over `path`, and then the
    /// directory is flushed so the rename itself survives a power cut.
    /// - Parameters:
    ///   - bytes: the new contents.
    ///   - path: the file to replace or create; its directory must exist.
    ///   - permissions: the mode of the new file, 0600 unless told otherwise.
    /// A symbolic link at `path` is kept: the file it points to is replaced (`editableTarget(of:)`).
    /// - Throws: `SystemError.fileOperation` naming the step and path that failed; `path` is then unchanged
    ///   and the temporary file removed; `.refusedTarget` for a target that is not the user's regular file.
    public static func writeAtomically(
        _ bytes: [UInt8], to path: String, permissions: mode_t = 0o600
    ) throws(SystemError) {
        let path = try editableTarget(of: path)
        let (directory, name) = split(path)
        let (fd, temporary) = try createTemporary(in: directory, name: name, permissions: permissions)
        do throws(SystemError) {
            defer { close(fd) }
            if fchmod(fd, permissions) != 0 { throw .fileOperation(.chmod, path: temporary, code: errno) }
            try writeAll(bytes, to: fd, path: temporary)
            if fsync(fd) != 0 { throw .fileOperation(.fsync, path: temporary, code: errno) }
        } catch {
            unlink(temporary)
            throw error
        }
        if rename(temporary, path) != 0 {
            let code = errno
            unlink(temporary)
            throw .fileOperation(.rename, path: path, code: code)
        }
        try syncDirectory(directory)
    }

    /// Creates `path` with `bytes`, atomically and durably, and never over an existing file.
    ///
    /// The bytes go to a temporary file in the same directory first (mode `permissions` before any byte is
    /// written, then `fsync`), which is then hard-linked to `path`: `link` fails instead of replacing, so a
    /// file already there is never overwritten, and `path` never exists with partial contents.
    /// - Parameters:
    ///   - bytes: the contents.
    ///   - path: the file to create; its directory must exist.
    ///   - permissions: the mode of the new file, 0600 unless told otherwise.
    /// - Throws: `SystemError.fileOperation(.link, ...)` with `EEXIST` when `path` exists, or naming the
    ///   step that failed; the temporary file is removed in every case.
    public static func createAtomically(
        _ bytes: [UInt8], at path: String, permissions: mode_t = 0o600
    ) throws(SystemError) {
        let (directory, name) = split(path)
        let (fd, temporary) = try createTemporary(in: directory, name: name, permissions: permissions)
        defer { unlink(temporary) }
        do {
            defer { close(fd) }
            if fchmod(fd, permissions) != 0 { throw SystemError.fileOperation(.chmod, path: temporary, code: errno) }
            try writeAll(bytes, to: fd, path: temporary)
            if fsync(fd) != 0 { throw SystemError.fileOperation(.fsync, path: temporary, code: errno) }
        }
        if link(temporary, path) != 0 { throw .fileOperation(.link, path: path, code: errno) }
        try syncDirectory(directory)
    }

    /// Creates a private directory (0700) and any missing parents (also 0700).
    ///
    /// An existing directory whose mode lets group or others in is tightened to `permissions`, since it is
    /// about to hold secrets.
    /// - Parameters:
    ///   - path: the directory to create.
    ///   - permissions: the mode of every directory created, 0700 unless told otherwise.
    /// - Throws: `SystemError.fileOperation` naming the directory that could not be created or tightened.
    public static func createDirectory(at path: String, permissions: mode_t = 0o700) throws(SystemError) {
        var info = stat()
        if stat(path, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFDIR { throw .fileOperation(.mkdir, path: path, code: ENOTDIR) }
            if info.st_mode & 0o077 != 0, info.st_uid == getuid() {
                if chmod(path, permissions) != 0 { throw .fileOperation(.chmod, path: path, code: errno) }
            }
            return
        }
        let (parent, _) = split(path)
        if parent != path, !parent.isEmpty { try createDirectory(at: parent, permissions: permissions) }
        if mkdir(path, permissions) != 0, errno != EEXIST {
            throw .fileOperation(.mkdir, path: path, code: errno)
        }
        // mkdir applies the umask; set the mode exactly.
        if chmod(path, permissions) != 0 { throw .fileOperation(.chmod, path: path, code: errno) }
    }

    /// Deletes temporary files that an interrupted `writeAtomically` of `path` left behind.
    ///
    /// - Warning: Call it only while holding the lock that every writer of `path` takes, or it may delete
    ///   the temporary file of a write in progress.
    /// - Parameter path: the file whose leftovers to delete.
    /// - Returns: how many files were deleted.
    @discardableResult
    public static func removeStaleTemporaries(for path: String) -> Int {
        let (directory, name) = split(path)
        let prefix = ".\(name).tmp-"
        var removed = 0
        for entryName in (try? entries(in: directory)) ?? [] {
            if entryName.hasPrefix(prefix), entryName.utf8.count == prefix.utf8.count + 6,
                unlink("\(directory)/\(entryName)") == 0
            {
                removed += 1
            }
        }
        return removed
    }

    /// Splits `path` into its directory (`.` when there is none) and last component.
    static func split(_ path: String) -> (directory: String, name: String) {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return (".", String(trimmed)) }
        let directory = slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
        return (directory, String(trimmed[trimmed.index(after: slash)...]))
    }

    private static let temporaryAlphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)

    /// Creates `DIRECTORY/.NAME.tmp-XXXXXX` exclusively (`O_EXCL`), close-on-exec, with `permissions`.
    private static func createTemporary(
        in directory: String, name: String, permissions: mode_t
    ) throws(SystemError) -> (Int32, String) {
        var generator = SystemRandomNumberGenerator()
        while true {
            let suffix = (0..<6).map { _ in temporaryAlphabet.randomElement(using: &generator) ?? 0x78 }
            let path = "\(directory)/.\(name).tmp-" + String(decoding: suffix, as: UTF8.self)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions)
            if fd >= 0 { return (fd, path) }
            if errno != EEXIST { throw .fileOperation(.temporaryFile, path: directory, code: errno) }
        }
    }

    private static func writeAll(_ bytes: [UInt8], to fd: Int32, path: String) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)  // offset < count, so non-empty
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .fileOperation(.write, path: path, code: errno)
            }
            offset += written
        }
    }

    private static func syncDirectory(_ directory: String) throws(SystemError) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd < 0 { throw .fileOperation(.open, path: directory, code: errno) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw .fileOperation(.fsync, path: directory, code: errno) }
    }
}

import Glibc

/// Finds a program by name in a search path given as a value (the caller's `PATH`), the way a shell does,
/// without reading the process environment.
public enum ExecutableSearch {
    /// The first executable regular file called `name` in the directories of `searchPath`.
    /// - Parameters:
    ///   - name: a program name such as `pass`; a name containing `/` is checked as a path instead.
    ///   - searchPath: directories separated by `:`, as in `PATH`; empty entries are skipped.
    /// - Returns: the program's path, or `nil` when no directory holds an executable of that name.
    public static func find(_ name: String, in searchPath: String?) -> String? {
        if name.contains("/") { return isExecutableFile(name) ? name : nil }
        guard let searchPath, !name.isEmpty else { return nil }
        for directory in searchPath.split(separator: ":", omittingEmptySubsequences: true) {
            let candidate = directory.hasSuffix("/") ? "\(directory)\(name)" : "\(directory)/\(name)"
            if isExecutableFile(candidate) { return candidate }
        }
        return nil
    }

    private static func isExecutableFile(_ path: String) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return false }
        return access(path, X_OK) == 0
    }
}

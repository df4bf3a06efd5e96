import Foundation

/// A throwaway HOME for one test (0700), removed when the value is released.
public final class TemporaryHome: Sendable {
    /// Its path.
    public let url: URL

    /// Creates the directory.
    public init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("keyward-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true,
            attributes: [
                .posixPermissions: 0o700
            ])
        self.url = url
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes a file under HOME (creating folders), mode 0600.
    public func write(_ relativePath: String, _ contents: String) throws {
        let file = url.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
    }

    /// Every regular file under HOME with its contents, for "no secret in plaintext" checks.
    public func allFiles() -> [(path: String, contents: Data)] {
        guard let enumerator = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else {
            return []
        }
        var files: [(String, Data)] = []
        for case let file as URL in enumerator {
            if let data = try? Data(contentsOf: file) { files.append((file.path, data)) }
        }
        return files
    }
}

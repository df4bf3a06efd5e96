import Foundation
import KeywardCredentials
import KeywardSystem

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
        Self.forgetCachedSessions(under: url.path)
        try? FileManager.default.removeItem(at: url)
    }

    /// The Keyward homes the tests place under a temporary HOME.
    static let keywardHomes = ["keyward", ".local/share/keyward", ".keyward"]

    /// Sessions the test cached in the user's kernel keyring would otherwise outlive it by hours (their
    /// STS lifetime) and pile up in the keyring of whoever runs the tests.
    static func forgetCachedSessions(under home: String) {
        let prefixes = keywardHomes.map { "keyward:session:\(SessionCache.namespace(forHome: home + "/" + $0))." }
        guard let handle = FileHandle(forReadingAtPath: "/proc/keys"),
            let data = try? handle.readToEnd(), let keyctl = findKeyctl()
        else { return }
        let serials = String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line -> String? in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 8, fields[7] == "user",
                prefixes.contains(where: { fields[8].hasPrefix($0) })
            else { return nil }
            return String(fields[0])
        }
        for serial in serials {
            _ = try? ChildProcess(executable: keyctl, arguments: ["invalidate", "0x" + serial], environment: [:])
                .run(timeout: .seconds(10))
        }
    }

    private static func findKeyctl() -> String? {
        ["/usr/bin/keyctl", "/bin/keyctl", "/usr/sbin/keyctl", "/sbin/keyctl"].first {
            FileManager.default.isExecutableFile(atPath: $0)
        }
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

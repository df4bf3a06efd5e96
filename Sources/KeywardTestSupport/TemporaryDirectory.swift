import Foundation

/// A fresh directory under /tmp, removed by `remove()`: the one plain temporary directory of every suite
/// (`TemporaryHome` is the home-shaped one for end-to-end runs). The path is short because GnuPG's agent
/// socket path must fit in 108 bytes.
public struct TemporaryDirectory: Sendable {
    /// Its path.
    public let path: String

    /// Creates the directory (mode 0700, as `mkdtemp` makes it).
    public init() throws {
        var template = Array("/tmp/kwt-XXXXXX".utf8CString)
        guard let created = mkdtemp(&template) else {
            throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        }
        path = String(cString: created)
    }

    /// `path/component`.
    public func appending(_ component: String) -> String {
        path + "/" + component
    }

    /// Removes the directory and everything in it.
    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The permission bits of a file, or `nil` when unknown.
    public static func mode(of path: String) throws -> Int? {
        try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    }
}

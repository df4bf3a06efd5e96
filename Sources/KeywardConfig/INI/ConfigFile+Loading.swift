import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

extension ConfigFile {
    /// Reads and parses a file from disk.
    ///
    /// A path that does not exist, or is not a regular file, gives `nil`: the AWS CLI ignores a missing
    /// config or credentials file, and so does profile resolution.
    /// - Parameters:
    ///   - path: the file's path (already expanded, see `ConfigPaths`).
    ///   - displayName: the name errors show, e.g. `~/.aws/config`.
    ///   - kind: `.config` or `.credentials`.
    /// - Returns: the parsed file, or `nil` when there is none.
    /// - Throws: `ConfigError.unreadableFile` when it exists but cannot be read, or a parse error.
    public static func load(path: String, displayName: String, kind: Kind) throws(ConfigError) -> ConfigFile? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return nil }
            throw .unreadableFile(file: displayName, reason: String(cString: strerror(code)))
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw .unreadableFile(file: displayName, reason: String(cString: strerror(errno)))
        }
        guard (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        var bytes = [UInt8]()
        bytes.reserveCapacity(Int(status.st_size) + 1)
        var chunk = [UInt8](repeating: 0, count: 16_384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(file: displayName, reason: String(cString: strerror(errno)))
            }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return try ConfigFile(data: Data(bytes), fileName: displayName, kind: kind)
    }
}

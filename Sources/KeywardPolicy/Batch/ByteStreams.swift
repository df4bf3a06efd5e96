#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a batch reads its JSONL from.
public protocol ByteInput {
    /// Reads up to `buffer.count` bytes; returns 0 at end of input.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(PolicyError) -> Int
}

/// Where a batch writes its answers.
public protocol ByteOutput {
    /// Writes all of `bytes`.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(PolicyError)
}

/// Reads an open file descriptor (a file or standard input). The caller owns and closes it.
public struct FileDescriptorInput: ByteInput {
    private let descriptor: Int32
    private let name: String

    /// Creates an input over `descriptor`; `name` is used in error messages.
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Opens a file for reading; `-` is standard input. Close it with ``close()``.
    ///
    /// - Throws: ``PolicyError/unreadableFile(path:reason:)``.
    public static func open(path: String) throws(PolicyError) -> FileDescriptorInput {
        if path == "-" { return FileDescriptorInput(descriptor: 0, name: "stdin") }
        let descriptor = systemOpen(path)
        guard descriptor >= 0 else { throw .unreadableFile(path: path, reason: String(cString: strerror(errno))) }
        return FileDescriptorInput(descriptor: descriptor, name: path)
    }

    /// Closes the descriptor unless it is standard input.
    public func close() {
        if descriptor > 2 { systemClose(descriptor) }
    }

    /// Reads with `read(2)`, retrying on `EINTR`.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(PolicyError) -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .unreadableFile(path: name, reason: String(cString: strerror(errno)))
        }
    }
}

/// Writes to an open file descriptor (a file or standard output). The caller owns and closes it.
public struct FileDescriptorOutput: ByteOutput {
    private let descriptor: Int32
    private let name: String

    /// Creates an output over `descriptor`; `name` is used in error messages.
    public init(descriptor: Int32, name: String) {
        self.descriptor = descriptor
        self.name = name
    }

    /// Writes with `write(2)` until everything is written, retrying on `EINTR`.
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(PolicyError) {
        var offset = 0
        while offset < bytes.count {
            let count = systemWrite(descriptor, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadableFile(path: name, reason: "write failed: " + String(cString: strerror(errno)))
            }
            offset += count
        }
    }
}

/// An in-memory input, for tests.
public struct BytesInput: ByteInput {
    private let bytes: [UInt8]
    private var offset = 0
    private let chunk: Int

    /// Creates an input that hands out `bytes` at most `chunk` bytes at a time.
    public init(_ bytes: [UInt8], chunk: Int = 1 << 16) {
        self.bytes = bytes
        self.chunk = max(chunk, 1)
    }

    /// Copies the next chunk.
    public mutating func read(into buffer: UnsafeMutableRawBufferPointer) throws(PolicyError) -> Int {
        let count = min(buffer.count, chunk, bytes.count - offset)
        guard count > 0 else { return 0 }
        bytes[offset..<(offset + count)].withUnsafeBytes { buffer.copyMemory(from: $0) }
        offset += count
        return count
    }
}

/// An in-memory output, for tests.
public struct BytesOutput: ByteOutput {
    /// Everything written.
    public private(set) var bytes: [UInt8] = []

    /// Creates an empty output.
    public init() {}

    /// Appends.
    public mutating func write(_ bytes: UnsafeRawBufferPointer) throws(PolicyError) {
        self.bytes.append(contentsOf: bytes)
    }
}

private func systemOpen(_ path: String) -> Int32 {
    open(path, O_RDONLY)
}

private func systemClose(_ descriptor: Int32) {
    _ = close(descriptor)
}

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

private func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
    write(descriptor, buffer, count)
}

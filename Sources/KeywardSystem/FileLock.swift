import Glibc

/// An advisory lock shared by every process that uses the same lock file (`flock(2)`).
///
/// Use a lock file next to the data it protects, never the data file itself: an atomic rename replaces the
/// data file's inode, and a lock on the old inode would no longer exclude anyone. The lock file is created
/// (mode 0600) when missing. With `removeWhenReleased`, the holder deletes it before unlocking, so lock files
/// named after changing things (one per role chain) do not pile up (issue 21, item 15); that is safe because
/// every acquirer checks, once it holds the lock, that the file it locked is still the one at `path`, and
/// starts again when it is not (a waiter that had opened the deleted file would otherwise hold a lock that
/// excludes no one).
///
/// Locks are held by an open file description, so two `acquire` calls in one process exclude each other
/// just as two processes do: code that takes a lock must never take the same one again while holding it
/// (it would wait on itself). The lock is released when the returned `Held` value is released or dropped,
/// and by the kernel when the process dies, so a killed writer never leaves the lock taken.
///
/// An exclusive holder writes its process id into the lock file, so a waiter can say whom it waits for
/// (`acquire(_:timeout:noticeAfter:onWait:)`); the id is only a hint for people, never trusted for locking.
///
/// ```swift
/// let lock = FileLock(path: home + "/vault.keyward.lock")
/// let held = try await lock.acquire(.exclusive, timeout: .seconds(30))
/// defer { held.release() }
/// // read, modify, write
/// ```
public struct FileLock: Sendable {
    /// How the lock is held.
    public enum Mode: Sendable, Equatable {
        /// Many holders at once; excludes `exclusive` holders.
        case shared
        /// One holder at a time.
        case exclusive
    }

    /// A held lock; releasing it (or dropping it) unlocks.
    public struct Held: ~Copyable, Sendable {
        private let descriptor: Int32
        private let removing: String?

        init(descriptor: Int32, removing: String?) {
            self.descriptor = descriptor
            self.removing = removing
        }

        /// Releases the lock now.
        public consuming func release() {}

        deinit {
            // Deleted while still locked, so no one can lock this file again after it is gone.
            if let removing { unlink(removing) }
            close(descriptor)
        }
    }

    /// The lock file's path.
    public let path: String
    /// Whether the holder deletes the lock file when it releases the lock.
    public let removeWhenReleased: Bool

    /// Describes the lock on `path`; nothing is opened until it is acquired.
    /// - Parameters:
    ///   - path: the lock file; its directory must exist.
    ///   - removeWhenReleased: delete the file on release (for lock files named after things that change).
    public init(path: String, removeWhenReleased: Bool = false) {
        self.path = path
        self.removeWhenReleased = removeWhenReleased
    }

    /// Takes the lock without waiting.
    /// - Parameter mode: shared or exclusive.
    /// - Returns: the held lock, or `nil` when another holder excludes it.
    /// - Throws: `SystemError.fileOperation` when the lock file cannot be opened or locked.
    public func tryAcquire(_ mode: Mode = .exclusive) throws(SystemError) -> Held? {
        while true {
            let fd = try openLockFile()
            if flock(fd, operation(mode) | LOCK_NB) == 0 {
                // The holder before us deleted the file we opened: lock the one now at `path` instead.
                guard isStillAtPath(fd) else {
                    close(fd)
                    continue
                }
                if mode == .exclusive { Self.recordHolder(fd) }
                return Held(descriptor: fd, removing: removeWhenReleased ? path : nil)
            }
            let code = errno
            close(fd)
            if code == EWOULDBLOCK || code == EINTR { return nil }
            throw .fileOperation(.lock, path: path, code: code)
        }
    }

    /// Whether the open file `fd` is the file at `path` (same device and inode).
    private func isStillAtPath(_ fd: Int32) -> Bool {
        var opened = stat()
        var current = stat()
        guard fstat(fd, &opened) == 0, stat(path, &current) == 0 else { return false }
        return opened.st_dev == current.st_dev && opened.st_ino == current.st_ino
    }

    /// Waits until the lock is held, sleeping between attempts instead of blocking a thread.
    ///
    /// Attempts start 1 ms apart and back off to 50 ms, which keeps a waiter responsive without spinning.
    /// - Parameters:
    ///   - mode: shared or exclusive.
    ///   - timeout: how long to wait at most; `nil` waits until the lock is free or the task is cancelled.
    ///   - noticeAfter: how long to wait before `onWait` is called (once).
    ///   - onWait: told the process id recorded by the holder (`nil` when none is recorded), so a person
    ///     is never left waiting without knowing for whom.
    /// - Returns: the held lock.
    /// - Throws: `SystemError.lockTimedOut` after `timeout` (with the holder's process id when recorded),
    ///   `SystemError.lockWaitCancelled` when the task is cancelled, `SystemError.fileOperation` when the
    ///   lock file cannot be opened or locked.
    public func acquire(
        _ mode: Mode = .exclusive, timeout: Duration? = nil, noticeAfter: Duration = .seconds(3),
        onWait: (@Sendable (_ holder: Int32?) -> Void)? = nil
    ) async throws(SystemError) -> Held {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = timeout.map { start.advanced(by: $0) }
        var pause = Duration.milliseconds(1)
        var noticed = onWait == nil
        while true {
            if let held = try tryAcquire(mode) { return held }
            if let deadline, clock.now >= deadline {
                throw .lockTimedOut(path: path, holder: recordedHolder(), waited: clock.now - start)
            }
            if !noticed, clock.now - start >= noticeAfter {
                noticed = true
                onWait?(recordedHolder())
            }
            do {
                try await Task.sleep(for: pause)
            } catch {
                throw .lockWaitCancelled(path: path)
            }
            pause = min(pause * 2, .milliseconds(50))
        }
    }

    /// The process id the last exclusive holder wrote into the lock file, if any.
    public func recordedHolder() -> Int32? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 16)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        guard count > 0 else { return nil }
        let text = String(decoding: buffer[..<count], as: UTF8.self).split(separator: "\n").first ?? ""
        guard let pid = Int32(text), pid > 0 else { return nil }
        return pid
    }

    /// Writes this process's id over the lock file's contents (best effort: a hint for waiters).
    private static func recordHolder(_ fd: Int32) {
        let text = Array("\(getpid())\n".utf8)
        guard ftruncate(fd, 0) == 0 else { return }
        _ = text.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
    }

    /// Waits until the lock is held, blocking the calling thread.
    ///
    /// - Warning: Blocks the thread; from async code prefer `acquire(_:timeout:)`.
    /// - Parameter mode: shared or exclusive.
    /// - Returns: the held lock.
    /// - Throws: `SystemError.fileOperation` when the lock file cannot be opened or locked.
    public func acquireBlocking(_ mode: Mode = .exclusive) throws(SystemError) -> Held {
        while true {
            let fd = try openLockFile()
            while flock(fd, operation(mode)) != 0 {
                let code = errno
                if code == EINTR { continue }
                close(fd)
                throw .fileOperation(.lock, path: path, code: code)
            }
            guard isStillAtPath(fd) else {
                close(fd)
                continue
            }
            if mode == .exclusive { Self.recordHolder(fd) }
            return Held(descriptor: fd, removing: removeWhenReleased ? path : nil)
        }
    }

    private func openLockFile() throws(SystemError) -> Int32 {
        let fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0 { throw .fileOperation(.open, path: path, code: errno) }
        return fd
    }

    private func operation(_ mode: Mode) -> Int32 {
        switch mode {
        case .shared: return LOCK_SH
        case .exclusive: return LOCK_EX
        }
    }
}

import Foundation
import Glibc
import KeywardTestSupport
import Synchronization
import Testing

@testable import KeywardSystem

@Suite("FileLock")
struct FileLockTests {
    struct NotAcquired: Error {}

    /// Whether the lock can be taken right now (it is released again at once).
    static func isFree(_ lock: FileLock, _ mode: FileLock.Mode) throws -> Bool {
        switch try lock.tryAcquire(mode) {
        case .some(let held):
            held.release()
            return true
        case .none:
            return false
        }
    }

    static func take(_ lock: FileLock, _ mode: FileLock.Mode) throws -> FileLock.Held {
        switch try lock.tryAcquire(mode) {
        case .some(let held): return held
        case .none: throw NotAcquired()
        }
    }

    @Test func anExclusiveLockExcludesEveryoneUntilReleased() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lock = FileLock(path: directory.appending("lock"))
        let held = try Self.take(lock, .exclusive)
        #expect(try Self.isFree(lock, .exclusive) == false)
        #expect(try Self.isFree(lock, .shared) == false)
        held.release()
        #expect(try Self.isFree(lock, .exclusive))
        #expect(try TemporaryDirectory.mode(of: lock.path) == 0o600)
    }

    @Test func sharedLocksShareAndExcludeExclusiveOnes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lock = FileLock(path: directory.appending("lock"))
        let first = try Self.take(lock, .shared)
        let second = try Self.take(lock, .shared)
        #expect(try Self.isFree(lock, .exclusive) == false)
        first.release()
        second.release()
        let exclusive = try lock.acquireBlocking(.exclusive)
        exclusive.release()
    }

    @Test func anotherProcessSeesTheLock() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lock = FileLock(path: directory.appending("lock"))
        let held = try lock.acquireBlocking()
        let whileHeld = try ChildProcess(
            executable: "/usr/bin/flock", arguments: ["--nonblock", lock.path, "true"], environment: [:]
        ).run()
        held.release()
        let afterwards = try ChildProcess(
            executable: "/usr/bin/flock", arguments: ["--nonblock", lock.path, "true"], environment: [:]
        ).run()
        #expect(whileHeld.termination == .exited(1))
        #expect(afterwards.termination == .exited(0))
    }

    @Test func aWaiterGetsTheLockWhenItIsReleased() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lock = FileLock(path: directory.appending("lock"))
        let held = try lock.acquireBlocking()
        let waiter = Task { () async throws -> Bool in
            let acquired = try await lock.acquire(.exclusive)
            acquired.release()
            return true
        }
        held.release()
        #expect(try await waiter.value)
    }

    @Test func waitingEndsWithTheTimeoutOrCancellation() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lock = FileLock(path: directory.appending("lock"))
        let held = try lock.acquireBlocking()
        do {
            let acquired = try await lock.acquire(.exclusive, timeout: .milliseconds(20))
            acquired.release()
            Issue.record("acquired a held lock")
        } catch let error {
            guard case .lockTimedOut(let path, let holder, let waited) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(path == lock.path)
            #expect(holder == getpid())
            #expect(waited >= .milliseconds(20))
        }
        let waiter = Task { () async throws in
            let acquired = try await lock.acquire(.exclusive)
            acquired.release()
        }
        waiter.cancel()
        await #expect(throws: SystemError.lockWaitCancelled(path: lock.path)) { try await waiter.value }
        held.release()
        #expect(
            SystemError.lockTimedOut(path: "/l", holder: 4242, waited: .seconds(300)).description
                == "gave up after 300 s waiting for process 4242, which holds the lock on /l")
        #expect(
            SystemError.lockTimedOut(path: "/l", holder: nil, waited: .seconds(3)).description
                == "gave up after 3 s waiting for the lock on /l")
    }

    @Test func anExclusiveHolderRecordsItsProcessAndAWaiterIsToldWhoHoldsIt() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lock = FileLock(path: directory.appending("lock"))
        // Another process holds it: flock(1) records nothing, so the waiter is told "unknown" first.
        let script = "echo 31337 > \(lock.path); exec /usr/bin/flock \(lock.path) sleep 2"
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", script]
        try holder.run()
        defer { holder.terminate() }
        var waitedFor = 0
        // Probe with shared locks: an exclusive probe would record this process over the holder's line.
        while try Self.isFree(lock, .shared), waitedFor < 200 {
            try await Task.sleep(for: .milliseconds(10))
            waitedFor += 1
        }
        let told = Mutex<[Int32?]>([])
        let acquired = try await lock.acquire(.exclusive, timeout: .seconds(30), noticeAfter: .milliseconds(50)) {
            holder in told.withLock { $0.append(holder) }
        }
        #expect(told.withLock { $0 } == [31337])
        // Once held here, the file names this process.
        #expect(lock.recordedHolder() == getpid())
        acquired.release()
    }

    @Test func aLockInAMissingDirectoryIsAnError() throws {
        let lock = FileLock(path: "/nonexistent-keyward/lock")
        #expect(throws: SystemError.fileOperation(.open, path: "/nonexistent-keyward/lock", code: ENOENT)) {
            _ = try Self.isFree(lock, .exclusive)
        }
    }
}

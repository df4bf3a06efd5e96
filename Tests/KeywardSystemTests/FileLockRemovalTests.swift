import Foundation
import Glibc
import KeywardTestSupport
import Testing

@testable import KeywardSystem

/// Issue 21, item 15: lock files named after role chains piled up, one per chain, never removed.
@Suite struct FileLockRemovalTests {
    @Test func item15ARemovingLockLeavesNoFileAndStillExcludes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lock = FileLock(path: directory.appending("chain.lock"), removeWhenReleased: true)
        let held = try FileLockTests.take(lock, .exclusive)
        #expect(FileManager.default.fileExists(atPath: lock.path))
        // Someone else opened the file before the holder deletes it.
        let waiterFD = open(lock.path, O_RDWR | O_CLOEXEC)
        #expect(waiterFD >= 0)
        defer { close(waiterFD) }
        #expect(try FileLockTests.isFree(lock, .exclusive) == false)
        held.release()
        #expect(!FileManager.default.fileExists(atPath: lock.path))
        // The waiter can lock its deleted file, which excludes no one: that is why every acquirer checks the
        // file is still at the path. A new acquirer gets a new file, and holding it excludes the others.
        #expect(flock(waiterFD, LOCK_EX | LOCK_NB) == 0)
        let next = try FileLockTests.take(lock, .exclusive)
        #expect(try FileLockTests.isFree(lock, .exclusive) == false)
        next.release()
        #expect(try SecureFile.entries(in: directory.path) == [])
    }

    @Test func item15AnOrdinaryLockFileStays() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let lock = FileLock(path: directory.appending("vault.lock"))
        try FileLockTests.take(lock, .exclusive).release()
        #expect(FileManager.default.fileExists(atPath: lock.path))
    }
}

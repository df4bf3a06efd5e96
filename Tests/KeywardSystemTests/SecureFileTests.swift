import Foundation
import Glibc
import KeywardTestSupport
import Testing

@testable import KeywardSystem

@Suite("SecureFile")
struct SecureFileTests {
    @Test func atomicWritesAreMode0600WhateverTheUmask() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("file")
        let previous = umask(0)
        defer { umask(previous) }
        try SecureFile.writeAtomically(Array("one".utf8), to: path)
        #expect(try TemporaryDirectory.mode(of: path) == 0o600)
        #expect(try SecureFile.read(at: path) == Array("one".utf8))
        try SecureFile.writeAtomically([], to: path, permissions: 0o640)
        #expect(try TemporaryDirectory.mode(of: path) == 0o640)
        #expect(try SecureFile.read(at: path) == [])
    }

    @Test func aReaderOfTheOldFileKeepsSeeingItWholeAfterAReplacement() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.appending("file")
        try SecureFile.writeAtomically(Array("old contents".utf8), to: path)
        let handle = try #require(FileHandle(forReadingAtPath: path))
        try SecureFile.writeAtomically(Array("new".utf8), to: path)
        #expect(try handle.readToEnd() == Data("old contents".utf8))
        #expect(try SecureFile.read(at: path) == Array("new".utf8))
        #expect(try SecureFile.entries(in: directory.path) == ["file"])
    }

    @Test func failuresNameTheStepAndThePath() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let missing = directory.appending("missing")
        #expect(throws: SystemError.fileOperation(.temporaryFile, path: missing, code: ENOENT)) {
            try SecureFile.writeAtomically([1], to: missing + "/file")
        }
        #expect(try SecureFile.read(at: missing) == nil)
        #expect(throws: SystemError.fileOperation(.read, path: directory.path, code: EISDIR)) {
            try SecureFile.read(at: directory.path)
        }
        try SecureFile.writeAtomically([1, 2, 3], to: directory.appending("big"))
        #expect(throws: SystemError.fileTooLarge(path: directory.appending("big"), limit: 2)) {
            try SecureFile.read(at: directory.appending("big"), limit: 2)
        }
        #expect(
            SystemError.fileOperation(.temporaryFile, path: "/x", code: ENOENT).description
                == "cannot create temporary file /x: No such file or directory")
    }

    @Test func directoriesAreCreatedAndTightenedTo0700() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let nested = directory.appending("a/b/c")
        try SecureFile.createDirectory(at: nested)
        for path in ["a", "a/b", "a/b/c"] {
            #expect(try TemporaryDirectory.mode(of: directory.appending(path)) == 0o700)
        }
        chmod(nested, 0o755)
        try SecureFile.createDirectory(at: nested)
        #expect(try TemporaryDirectory.mode(of: nested) == 0o700)
        try SecureFile.writeAtomically([], to: directory.appending("plain"))
        #expect(throws: SystemError.fileOperation(.mkdir, path: directory.appending("plain"), code: ENOTDIR)) {
            try SecureFile.createDirectory(at: directory.appending("plain"))
        }
    }

    @Test func staleTemporariesOfOneFileAreRemovedAndNothingElse() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for name in ["vault", ".vault.tmp-AbC123", ".vault.tmp-zzzzzz", ".vault.tmp-long-name", ".other.tmp-AbC123"] {
            try SecureFile.writeAtomically([], to: directory.appending(name))
        }
        #expect(SecureFile.removeStaleTemporaries(for: directory.appending("vault")) == 2)
        #expect(try SecureFile.entries(in: directory.path) == [".other.tmp-AbC123", ".vault.tmp-long-name", "vault"])
        #expect(try SecureFile.entries(in: directory.appending("none")) == nil)
    }

    @Test(arguments: [
        ("/a/b/c", "/a/b", "c"), ("/c", "/", "c"), ("c", ".", "c"), ("a/b/", "a", "b"), ("./v", ".", "v"),
    ])
    func pathsSplitIntoDirectoryAndName(path: String, directory: String, name: String) {
        let split = SecureFile.split(path)
        #expect(split.directory == directory)
        #expect(split.name == name)
    }
}

/// Issue 12, item 11: a rewrite follows a symbolic link to the user's regular file and keeps the link.
@Suite struct SymlinkTargetTests {
    @Test func aRewriteThroughALinkReplacesTheTargetAndKeepsTheLink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let target = directory.appending("target")
        let link = directory.appending("link")
        try SecureFile.writeAtomically(Array("old".utf8), to: target)
        #expect(symlink(target, link) == 0)
        try SecureFile.writeAtomically(Array("new".utf8), to: link)
        var info = stat()
        #expect(lstat(link, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(try SecureFile.read(at: target) == Array("new".utf8))
    }

    @Test func aLinkToSomethingOtherThanARegularFileIsRefused() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let link = directory.appending("link")
        #expect(symlink("/dev/null", link) == 0)
        #expect(throws: SystemError.refusedTarget(path: "/dev/null", reason: "it is not a regular file")) {
            try SecureFile.writeAtomically(Array("x".utf8), to: link)
        }
    }
}

/// Issue 12, item 4: core dumps off, and the limit restored for a child.
@Suite struct ProcessHardeningTests {
    @Test func coreDumpsAreOffAfterHardening() {
        #expect(ProcessHardening.disableCoreDumps())
        #expect(ProcessHardening.coreDumpsDisabled)
    }
}

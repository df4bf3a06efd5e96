import Glibc
import Testing

@testable import KeywardSystem

@Suite("ChildProcess")
struct ChildProcessTests {
    @Test func inputGoesInAndOutputComesOut() throws {
        let output = try ChildProcess(executable: "/bin/cat", arguments: [], environment: [:])
            .run(input: Array("secret on stdin\n".utf8))
        #expect(
            output == .init(termination: .exited(0), standardOutput: Array("secret on stdin\n".utf8), standardError: [])
        )
        #expect(output.succeeded)
    }

    @Test func theEnvironmentIsExactlyWhatWasGiven() throws {
        let output = try ChildProcess(
            executable: "/usr/bin/env", arguments: [], environment: ["B": "two words", "A": "1"]
        ).run()
        #expect(String(decoding: output.standardOutput, as: UTF8.self) == "A=1\nB=two words\n")
    }

    @Test func argumentsArePassedAsGiven() throws {
        let output = try ChildProcess(
            executable: "/usr/bin/printf", arguments: ["%s|", "a", "b c", "$HOME", "*"], environment: [:]
        ).run()
        #expect(String(decoding: output.standardOutput, as: UTF8.self) == "a|b c|$HOME|*|")
    }

    @Test func statusAndStandardErrorAreReported() throws {
        let failing = try ChildProcess(
            executable: "/bin/sh", arguments: ["-c", "echo oops >&2; exit 3"], environment: [:]
        ).run()
        #expect(failing.termination == .exited(3))
        #expect(failing.standardError == Array("oops\n".utf8))
        #expect(failing.termination.description == "exit status 3")
        let killed = try ChildProcess(executable: "/bin/sh", arguments: ["-c", "kill -9 $$"], environment: [:]).run()
        #expect(killed.termination == .signaled(9))
        #expect(killed.termination.description == "killed by signal 9")
    }

    @Test func aChildThatIgnoresItsInputCannotHurtTheParent() throws {
        let big = [UInt8](repeating: 0x61, count: 1 << 20)
        let output = try ChildProcess(executable: "/bin/true", arguments: [], environment: [:]).run(input: big)
        #expect(output.termination == .exited(0))
    }

    @Test func muchOutputWhileReadingMuchInputDoesNotDeadlock() throws {
        let big = [UInt8](repeating: 0x61, count: 1 << 20)
        let output = try ChildProcess(
            executable: "/bin/sh", arguments: ["-c", "head -c 2000000 /dev/zero; wc -c"],
            environment: ["PATH": "/usr/bin:/bin"]
        ).run(input: big)
        #expect(output.standardOutput.count == 2_000_000 + "1048576\n".utf8.count)
        #expect(Array(output.standardOutput.suffix(8)) == Array("1048576\n".utf8))
    }

    @Test func aChildRunningTooLongIsKilled() throws {
        #expect(throws: SystemError.childTimedOut(executable: "/bin/sleep")) {
            try ChildProcess(executable: "/bin/sleep", arguments: ["30"], environment: [:]).run(
                timeout: .milliseconds(100))
        }
    }

    @Test func aMissingProgramCannotStart() throws {
        #expect(throws: SystemError.spawnFailed(executable: "/nonexistent/pass", code: ENOENT)) {
            try ChildProcess(executable: "/nonexistent/pass", arguments: [], environment: [:]).run()
        }
        #expect(
            SystemError.spawnFailed(executable: "/x", code: ENOENT).description
                == "cannot start /x: No such file or directory")
    }

    @Test func programsAreFoundOnAGivenSearchPath() {
        #expect(ExecutableSearch.find("sh", in: "/nonexistent::/bin") == "/bin/sh")
        #expect(ExecutableSearch.find("sh", in: "/bin/") == "/bin/sh")
        #expect(ExecutableSearch.find("no-such-program-keyward", in: "/usr/bin:/bin") == nil)
        #expect(ExecutableSearch.find("sh", in: nil) == nil)
        #expect(ExecutableSearch.find("/bin/sh", in: nil) == "/bin/sh")
        #expect(ExecutableSearch.find("passwd", in: "/etc") == nil)  // a file, but not executable
    }
}

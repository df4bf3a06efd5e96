import Foundation
import Glibc
import Testing

@testable import KeywardSystem

/// Drives `TerminalPrompt` through a pseudo-terminal, playing the person at the keyboard.
@Suite("TerminalPrompt")
struct TerminalPromptTests {
    /// The leader side of a new pseudo-terminal and the follower's device path.
    struct PseudoTerminal {
        let leader: Int32
        let device: String

        init() throws {
            leader = open("/dev/ptmx", O_RDWR | O_NOCTTY | O_CLOEXEC)
            guard leader >= 0 else { throw POSIXError(.ENODEV) }
            // TIOCSPTLCK and TIOCGPTN (asm-generic ioctl numbers); the macros are not imported into Swift.
            var unlock: Int32 = 0
            var number: UInt32 = 0
            guard ioctl(leader, UInt(0x4004_5431), &unlock) == 0, ioctl(leader, UInt(0x8004_5430), &number) == 0 else {
                throw POSIXError(.ENODEV)
            }
            device = "/dev/pts/\(number)"
        }

        /// Waits (without blocking a thread) until the prompt has switched echo off, then types `keys`.
        func type(_ keys: [UInt8]) async throws {
            for _ in 0..<5000 {
                var settings = termios()
                if tcgetattr(leader, &settings) == 0, settings.c_lflag & tcflag_t(ECHO | ICANON) == 0 {
                    _ = keys.withUnsafeBytes { write(leader, $0.baseAddress, $0.count) }
                    return
                }
                try await Task.sleep(for: .milliseconds(1))
            }
            throw POSIXError(.ETIMEDOUT)
        }

        /// Everything the program wrote to the terminal so far.
        func screen() -> String {
            var bytes: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            var poller = [pollfd(fd: leader, events: Int16(POLLIN), revents: 0)]
            while poll(&poller, 1, 0) > 0 {
                let count = read(leader, &chunk, chunk.count)
                if count <= 0 { break }
                bytes += chunk[0..<count]
            }
            return String(decoding: bytes, as: UTF8.self)
        }

        /// Whether the terminal is back to echoing, canonical input.
        var isRestored: Bool {
            var settings = termios()
            tcgetattr(leader, &settings)
            return settings.c_lflag & tcflag_t(ECHO | ICANON | ISIG) == tcflag_t(ECHO | ICANON | ISIG)
        }

        func close() {
            Glibc.close(leader)
        }
    }

    /// Runs `body` on its own thread (the prompt blocks) while the caller types.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) -> Task<T, any Error> {
        Task {
            try await withCheckedThrowingContinuation { continuation in
                Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
            }
        }
    }

    @Test func aSecretIsReadWithoutEchoAndWithLineEditing() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let prompt = TerminalPrompt(device: terminal.device)
        let answer = Self.onThread { try prompt.readSecret(prompt: "Passphrase: ") }
        // "hunterX", Backspace, "ü", Backspace, "2", Enter.
        try await terminal.type(Array("hunterX\u{7F}ü\u{7F}2\r".utf8))
        #expect(try await answer.value == SecretString("hunter2"))
        #expect(terminal.screen() == "Passphrase: \r\n")
        #expect(terminal.isRestored)
    }

    @Test func ctrlUClearsTheLine() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let prompt = TerminalPrompt(device: terminal.device)
        let answer = Self.onThread { try prompt.readSecret(prompt: "P: ") }
        try await terminal.type(Array("wrong\u{15}right\n".utf8))
        #expect(try await answer.value.unredacted == "right")
    }

    @Test func ctrlCCancelsAndRestoresTheTerminal() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let prompt = TerminalPrompt(device: terminal.device)
        let answer = Self.onThread { try prompt.readSecret(prompt: "P: ") }
        try await terminal.type(Array("abc\u{03}".utf8))
        await #expect(throws: SystemError.promptCancelled(device: terminal.device)) { try await answer.value }
        #expect(terminal.isRestored)
        #expect(SystemError.promptCancelled(device: "/dev/tty").description == "prompt on /dev/tty cancelled")
    }

    @Test func ctrlDOnAnEmptyLineCancels() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let prompt = TerminalPrompt(device: terminal.device)
        let answer = Self.onThread { try prompt.readSecret(prompt: "P: ") }
        try await terminal.type([0x04])
        await #expect(throws: SystemError.promptCancelled(device: terminal.device)) { try await answer.value }
    }

    @Test func anOverlongAnswerIsRefused() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let prompt = TerminalPrompt(device: terminal.device)
        let answer = Self.onThread { try prompt.readSecret(prompt: "P: ", limit: 4) }
        try await terminal.type(Array("12345\r".utf8))
        await #expect(throws: SystemError.promptInputTooLong(device: terminal.device, limit: 4)) {
            try await answer.value
        }
    }

    @Test func aVisibleAnswerIsEchoed() async throws {
        let terminal = try PseudoTerminal()
        defer { terminal.close() }
        let prompt = TerminalPrompt(device: terminal.device)
        let answer = Self.onThread { try prompt.readLine(prompt: "Remove profile dev? [y/N] ") }
        try await terminal.type(Array("yex\u{7F}s\r".utf8))
        #expect(try await answer.value == "yes")
        #expect(terminal.screen() == "Remove profile dev? [y/N] yex\u{08} \u{08}s\r\n")
    }

    @Test func withoutATerminalThereIsNoPrompt() {
        #expect(throws: SystemError.noTerminal(device: "/dev/null", code: ENOTTY)) {
            try TerminalPrompt(device: "/dev/null").readSecret(prompt: "P: ")
        }
        #expect(throws: SystemError.noTerminal(device: "/nonexistent/tty", code: ENOENT)) {
            try TerminalPrompt(device: "/nonexistent/tty").readSecret(prompt: "P: ")
        }
        #expect(
            SystemError.noTerminal(device: "/dev/tty", code: ENXIO).description
                == "no terminal to prompt on (/dev/tty: No such device or address)")
    }
}

import Glibc

/// Asks the person at the controlling terminal, never standard input or output, so prompts keep working
/// while stdout is piped to another program or read as `credential_process` output.
///
/// `readSecret` turns echo off and reads the answer byte by byte with line editing done here: Backspace
/// deletes one character, Ctrl-U the whole line, Enter finishes, and Ctrl-C (or Ctrl-D on an empty line)
/// cancels with `SystemError.promptCancelled`. Signal keys are read as input rather than delivered as
/// signals while echo is off, so Ctrl-C cannot kill the process and leave the terminal silent; the
/// terminal's settings are restored before returning.
///
/// ```swift
/// let prompt = TerminalPrompt()
/// let passphrase = try prompt.readSecret(prompt: "Passphrase for ~/.local/share/keyward/vault.keyward: ")
/// ```
///
/// - Warning: A process killed by another signal (SIGKILL, SIGTERM) while the prompt waits leaves the
///   terminal without echo; `stty sane` restores it.
public struct TerminalPrompt: Sendable {
    /// The terminal device, `/dev/tty` (the controlling terminal) unless told otherwise.
    public let device: String

    /// The default limit on an answer's length, in bytes.
    public static let defaultLimit = 4096

    /// Prompts on `device`.
    /// - Parameter device: the terminal to open; tests pass the follower side of a pseudo-terminal.
    public init(device: String = "/dev/tty") {
        self.device = device
    }

    /// Writes `prompt` to the terminal and reads one line without echoing it.
    /// - Parameters:
    ///   - prompt: the question, written as is (add a trailing space yourself).
    ///   - limit: the longest answer accepted, in bytes.
    /// - Returns: the typed line without its line ending.
    /// - Throws: `SystemError.noTerminal` when there is no terminal, `SystemError.promptCancelled`,
    ///   `SystemError.promptInputTooLong`, `SystemError.promptInputNotUTF8`, `SystemError.terminalIO`.
    public func readSecret(prompt: String, limit: Int = defaultLimit) throws(SystemError) -> SecretString {
        SecretString(try readLine(prompt: prompt, echo: false, limit: limit))
    }

    /// Writes `prompt` to the terminal and reads one line, echoed as typed (for answers that are not
    /// secret, such as a confirmation).
    /// - Parameters:
    ///   - prompt: the question, written as is.
    ///   - limit: the longest answer accepted, in bytes.
    /// - Returns: the typed line without its line ending.
    /// - Throws: the same errors as `readSecret(prompt:limit:)`.
    public func readLine(prompt: String, limit: Int = defaultLimit) throws(SystemError) -> String {
        try readLine(prompt: prompt, echo: true, limit: limit)
    }

    private func readLine(prompt: String, echo: Bool, limit: Int) throws(SystemError) -> String {
        let fd = open(device, O_RDWR | O_NOCTTY | O_CLOEXEC)
        if fd < 0 { throw .noTerminal(device: device, code: errno) }
        defer { close(fd) }
        var original = termios()
        if tcgetattr(fd, &original) != 0 { throw .noTerminal(device: device, code: errno) }

        try write(Array(prompt.utf8), to: fd)
        var raw = original
        // Non-canonical, no echo, no signal keys: every key arrives here, one byte at a time.
        raw.c_lflag &= ~tcflag_t(ECHO | ECHONL | ICANON | ISIG | IEXTEN)
        withUnsafeMutableBytes(of: &raw.c_cc) { characters in
            characters[Int(VMIN)] = 1
            characters[Int(VTIME)] = 0
        }
        if tcsetattr(fd, TCSAFLUSH, &raw) != 0 { throw .terminalIO(device: device, code: errno) }
        let erase = withUnsafeBytes(of: original.c_cc) { $0[Int(VERASE)] }
        let kill = withUnsafeBytes(of: original.c_cc) { $0[Int(VKILL)] }

        var line: [UInt8] = []
        defer { line.withUnsafeMutableBufferPointer { $0.initialize(repeating: 0) } }
        let outcome = Result { () throws(SystemError) in
            try collect(into: &line, from: fd, echo: echo, erase: erase, kill: kill, limit: limit)
        }
        tcsetattr(fd, TCSAFLUSH, &original)
        _ = try? write(Array("\n".utf8), to: fd)
        try outcome.get()
        guard let text = String(validating: line, as: UTF8.self) else {
            throw .promptInputNotUTF8(device: device)
        }
        return text
    }

    private func collect(
        into line: inout [UInt8], from fd: Int32, echo: Bool, erase: UInt8, kill: UInt8, limit: Int
    ) throws(SystemError) {
        while true {
            var byte: UInt8 = 0
            let count = Glibc.read(fd, &byte, 1)
            if count < 0 {
                if errno == EINTR { continue }
                throw .terminalIO(device: device, code: errno)
            }
            if count == 0 {  // the terminal hung up
                if line.isEmpty { throw .promptCancelled(device: device) }
                return
            }
            switch byte {
            case 0x0A, 0x0D:
                return
            case 0x03:  // Ctrl-C
                throw .promptCancelled(device: device)
            case 0x04:  // Ctrl-D
                if line.isEmpty { throw .promptCancelled(device: device) }
            case erase, 0x7F, 0x08:
                // Drop one whole UTF-8 character: continuation bytes, then its lead byte.
                while let last = line.popLast(), last & 0xC0 == 0x80 {}
                if echo { try write([0x08, 0x20, 0x08], to: fd) }
            case kill, 0x15:
                line.removeAll()
            default:
                if line.count >= limit { throw .promptInputTooLong(device: device, limit: limit) }
                line.append(byte)
                if echo { try write([byte], to: fd) }
            }
        }
    }

    private func write(_ bytes: [UInt8], to fd: Int32) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)  // offset < count, so non-empty
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw .terminalIO(device: device, code: errno)
            }
            offset += written
        }
    }
}

import KeywardSystem

/// Where MFA codes come from, in the order: `--mfa-token`, the profile's `mfa_process`, else a
/// prompt on the controlling terminal (never stdout, so `credential_process` output stays clean).
///
/// ```swift
/// let codes = MFACodeSource(token: flagValue, terminal: TerminalPrompt(), processEnvironment: env.variables)
/// ```
public struct MFACodeSource: Sendable {
    /// `--mfa-token`, used for every MFA device the command needs.
    public var token: String?
    /// The terminal to ask on; `nil` never asks.
    public var terminal: TerminalPrompt?
    /// The environment `mfa_process` runs with (the caller's environment; the code comes back on stdout).
    public var processEnvironment: [String: String]

    /// Creates a source.
    /// - Parameters:
    ///   - token: the code given on the command line, if any.
    ///   - terminal: the terminal to prompt on, `nil` to never prompt.
    ///   - processEnvironment: the environment for `mfa_process`.
    public init(token: String?, terminal: TerminalPrompt?, processEnvironment: [String: String]) {
        self.token = token
        self.terminal = terminal
        self.processEnvironment = processEnvironment
    }

    /// A code for the MFA device `serial`.
    /// - Parameters:
    ///   - serial: the MFA device.
    ///   - profile: the profile that needs it, for messages.
    ///   - mfaProcess: the profile's `mfa_process`, if any.
    /// - Returns: the code, trimmed.
    /// - Throws: `CredentialsError.mfaCodeUnavailable` without flag, process or terminal;
    ///   `.mfaProcessFailed`; `.mfaPromptFailed`.
    public func code(serial: String, profile: String, mfaProcess: String?) throws(CredentialsError) -> String {
        if let token, !token.isEmpty { return token }
        if let mfaProcess {
            let output: ChildProcess.Output
            do {
                output = try ChildProcess(
                    executable: "/bin/sh", arguments: ["-c", mfaProcess],
                    environment: ChildEnvironment.forHelper(of: processEnvironment)
                ).run(timeout: .seconds(120))
            } catch {
                throw .mfaProcessFailed(profile: profile, reason: error.description)
            }
            guard output.succeeded else {
                throw .mfaProcessFailed(profile: profile, reason: "\(output.termination)")
            }
            let code = Self.firstLine(output.standardOutput)
            guard !code.isEmpty else { throw .mfaProcessFailed(profile: profile, reason: "it printed no code") }
            return code
        }
        guard let terminal else { throw .mfaCodeUnavailable(profile: profile, serial: serial) }
        do {
            let code = try terminal.readLine(prompt: "MFA code for \(serial): ", limit: 64)
            let trimmed = code.trimmingSpaces()
            guard !trimmed.isEmpty else {
                throw CredentialsError.mfaPromptFailed(profile: profile, serial: serial, reason: "no code was typed")
            }
            return trimmed
        } catch let error as CredentialsError {
            throw error
        } catch let error as SystemError {
            if case .noTerminal = error { throw .mfaCodeUnavailable(profile: profile, serial: serial) }
            throw .mfaPromptFailed(profile: profile, serial: serial, reason: error.description)
        } catch {
            throw .mfaPromptFailed(profile: profile, serial: serial, reason: "\(error)")
        }
    }

    static func firstLine(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        let line = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).first.map(String.init) ?? ""
        return line.trimmingSpaces()
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and line breaks.
    func trimmingSpaces() -> String {
        let scalars = unicodeScalars
        let blank: (Unicode.Scalar) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.firstIndex(where: { !blank($0) }), let last = scalars.lastIndex(where: { !blank($0) })
        else { return "" }
        return String(scalars[first...last])
    }
}

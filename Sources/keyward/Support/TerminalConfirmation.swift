import KeywardSystem

/// A yes/no question asked on the controlling terminal before a command destroys something that cannot be
/// recovered (`remove` deleting a stored key, `add` replacing one).
///
/// The question goes to `/dev/tty`, never stdin, so a script cannot confirm by accident by piping `yes`;
/// scripts pass `--force`. Without a terminal the answer is no, and the error says which flag to pass.
struct TerminalConfirmation {
    /// The profile the question is about, for the error texts.
    var profile: String
    /// What is kept when the answer is no (`nothing was stored`).
    var outcomeIfNot: String

    /// Asks `question`; returns when the answer is yes.
    /// - Throws: `CommandError.notConfirmed` when there is no terminal, the answer is not yes, or the
    ///   terminal fails.
    func confirm(_ question: String, forceHint: String) throws {
        let answer: String
        do {
            answer = try TerminalPrompt().readLine(prompt: question + " [y/N] ", limit: 16)
        } catch SystemError.noTerminal {
            throw CommandError.notConfirmed(profile: profile, reason: forceHint, outcome: outcomeIfNot)
        } catch {
            throw CommandError.notConfirmed(profile: profile, reason: "\(error)", outcome: outcomeIfNot)
        }
        guard ["y", "yes"].contains(answer.trimmingCharacters(in: .whitespaces).lowercased()) else {
            throw CommandError.notConfirmed(profile: profile, reason: "not confirmed", outcome: outcomeIfNot)
        }
    }
}

import Foundation

/// The answer of a custom policy check (``AccessChecks``): `PASS`, `FAIL` with a request that proves it,
/// or `UNKNOWN` with the construct that kept the procedure from deciding exactly.
public struct CheckResult: Sendable, Equatable, Codable {
    /// The three answers.
    public enum Verdict: String, Sendable, Equatable, Codable {
        case pass = "PASS"
        case fail = "FAIL"
        case unknown = "UNKNOWN"
    }

    /// The answer.
    public var result: Verdict
    /// For `FAIL`: the request that proves it.
    public var counterexample: Counterexample?
    /// One line: why this answer.
    public var reason: String
    /// For `FAIL`: the statements of the analysed policy that allow the counterexample.
    public var statements: [StatementDescription]
    /// How many request classes were decided.
    public var requestClasses: Int

    /// Creates a result.
    public init(
        result: Verdict, counterexample: Counterexample? = nil, reason: String,
        statements: [StatementDescription] = [], requestClasses: Int = 0
    ) {
        self.result = result
        self.counterexample = counterexample
        self.reason = reason
        self.statements = statements
        self.requestClasses = requestClasses
    }

    /// The `--json` document: `{"counterexample":{...},"reason":...,"requestClasses":N,"result":...,"statements":[...]}`.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Text for people: the answer and reason, then the counterexample and the allowing statements.
    public var text: String {
        var lines = ["\(result.rawValue): \(reason)"]
        if let counterexample {
            lines.append("counterexample: \(counterexample.requestLine)")
            for statement in statements {
                let sid = statement.sid.map { " (\($0))" } ?? ""
                lines.append("  \(statement.effect) \(statement.policy) \(statement.statement)\(sid)")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

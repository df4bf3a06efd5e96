/// How the evaluator reads a condition value as a number or a date, for analyses that construct values
/// on either side of a policy's constants (the evaluator's own parser, not a copy).
public enum ConditionValueReading {
    /// The number `NumericEquals` and its kin see in `text`, or `nil`.
    public static func number(_ text: String) -> Double? { ScalarParsing.number(Array(text.utf8)) }

    /// The date (seconds since 1970) `DateEquals` and its kin see in `text`, or `nil`.
    public static func date(_ text: String) -> Double? { ScalarParsing.date(Array(text.utf8)) }
}

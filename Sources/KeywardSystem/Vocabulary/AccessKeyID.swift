/// An AWS access key id, with the two rules every part of Keyward needs about one: what its prefix says
/// (IAM's "Unique identifiers": `AKIA` long-lived, `ASIA` temporary) and how it is shown.
///
/// An id is not a secret, but Keyward shows only its last four characters, as aws-vault's
/// `FormatKeyForDisplay` does, so output pasted into a ticket does not hand out a key's name:
/// ```swift
/// let id = AccessKeyID("AKIAIOSFODNN7EXAMPLE")
/// id.shape   // .longTerm
/// id.masked  // ****************MPLE
/// ```
public struct AccessKeyID: Sendable, Hashable, CustomStringConvertible {
    /// What an access key id's prefix says about the key.
    public enum Shape: Sendable, Equatable {
        /// `AKIA…`: a long-lived IAM user key, what `keyward add` expects.
        case longTerm
        /// `ASIA…`: a temporary key from STS, which expires with its session.
        case temporary
        /// Neither prefix, or not 16 to 128 upper-case letters and digits.
        case unrecognized
    }

    /// The id as AWS issued it.
    public let rawValue: String

    /// Wraps an id; any text is accepted, ``shape`` says whether it looks like one.
    /// - Parameter rawValue: the id.
    public init(_ rawValue: String) {
        self.rawValue = rawValue
    }

    /// The id's shape: 16 to 128 upper-case letters and digits, with the `AKIA` or `ASIA` prefix.
    public var shape: Shape {
        let wellFormed =
            (16...128).contains(rawValue.utf8.count)
            && rawValue.utf8.allSatisfy { (0x41...0x5A).contains($0) || (0x30...0x39).contains($0) }
        switch (wellFormed, rawValue.prefix(4)) {
        case (true, "AKIA"): return .longTerm
        case (true, "ASIA"): return .temporary
        default: return .unrecognized
        }
    }

    /// Sixteen `*` and the last four characters (`****************WXYZ`); `****` for four characters or
    /// fewer, so a short id is not shown whole.
    public var masked: String {
        guard rawValue.count > 4 else { return "****" }
        return String(repeating: "*", count: 16) + rawValue.suffix(4)
    }

    /// The masked form: interpolating an id never shows it whole.
    public var description: String { masked }
}

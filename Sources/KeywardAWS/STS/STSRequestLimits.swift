import KeywardSystem

/// The values STS refuses, checked before a request is sent, so that a typo costs no call, no MFA code and
/// no cached session (issue 21, item 13): session lengths outside the API's range, MFA codes that are not six
/// digits, role ARNs that are not role ARNs.
///
/// The ranges are the STS API Reference's `DurationSeconds` limits: `GetSessionToken` 900 to 129,600 s,
/// `AssumeRole` 900 s to the role's maximum session duration, which IAM caps at 43,200 s (a role's own
/// maximum is only known to IAM, which still refuses a length over it). `TokenCode` is "the value provided
/// by the MFA device ... six numeric digits".
///
/// ```swift
/// try STSRequestLimits.check(.duration(seconds: 600, call: .assumeRole))  // throws: below 900 s
/// ```
public enum STSRequestLimits {
    /// The call a value is for.
    public enum Call: Sendable, Equatable {
        /// `GetSessionToken`.
        case getSessionToken
        /// `AssumeRole`, `AssumeRoleWithSAML`, `AssumeRoleWithWebIdentity`.
        case assumeRole

        /// The `DurationSeconds` STS accepts.
        public var durationRange: ClosedRange<Int> {
            switch self {
            case .getSessionToken: return 900...129_600
            case .assumeRole: return 900...43_200
            }
        }
    }

    /// One value to check.
    public enum Value: Sendable, Equatable {
        /// A session length in seconds.
        case duration(seconds: Int, call: Call)
        /// An MFA code (never repeated in the error).
        case mfaCode(String)
        /// A role ARN.
        case roleARN(String)
    }

    /// Checks values in order and stops at the first STS would refuse.
    /// - Parameter values: what is about to be sent.
    /// - Throws: `STSRequestLimits.Violation`, whose description is one line naming the value (never an MFA code).
    public static func check(_ values: Value...) throws(Violation) {
        for value in values { try check(value) }
    }

    /// Checks one value.
    /// - Throws: `STSRequestLimits.Violation`.
    public static func check(_ value: Value) throws(Violation) {
        switch value {
        case .duration(let seconds, let call):
            let range = call.durationRange
            if seconds < range.lowerBound {
                throw Violation(
                    reason: "the session length \(text(seconds)) is below STS's minimum of \(text(range.lowerBound))")
            }
            if seconds > range.upperBound {
                throw Violation(
                    reason: "the session length \(text(seconds)) is above STS's maximum of \(text(range.upperBound))")
            }
        case .mfaCode(let code):
            guard code.utf8.count == 6, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
                throw Violation(reason: "the MFA code is not six digits")
            }
        case .roleARN(let arn):
            guard isRoleARN(arn) else {
                throw Violation(reason: "\"\(arn)\" is not a role ARN (arn:aws:iam::123456789012:role/NAME)")
            }
        }
    }

    /// Whether `text` has a role ARN's shape: `arn:PARTITION:iam::ACCOUNT:role/[PATH/]NAME`, the account
    /// twelve digits.
    public static func isRoleARN(_ text: String) -> Bool {
        ARN(text)?.isRoleARN ?? false
    }

    /// Why a value would be refused; one line, never an MFA code.
    public struct Violation: Error, Equatable, Sendable, CustomStringConvertible {
        /// What is wrong with the value.
        public var reason: String
        public var description: String { reason }
    }

    /// `900 s (15m)`: seconds as sent, and the length as people type it.
    static func text(_ seconds: Int) -> String {
        let hours = seconds / 3600
        let minutes = seconds % 3600 / 60
        let rest = seconds % 60
        var human = ""
        if hours > 0 { human += "\(hours)h" }
        if minutes > 0 { human += "\(minutes)m" }
        if rest > 0 || human.isEmpty { human += "\(rest)s" }
        return human == "\(seconds)s" ? "\(seconds) s" : "\(seconds) s (\(human))"
    }
}

import FoundationEssentials
import Glibc
import KeywardAWS
import KeywardSystem

/// The JSON a `credential_process` prints and `keyward export --format credential-process` writes, as the
/// AWS SDKs define it ("Sourcing credentials with an external process", AWS SDKs and Tools Reference Guide):
/// `{"Version": 1, "AccessKeyId": …, "SecretAccessKey": …, "SessionToken": …, "Expiration": "…Z"}`.
public struct CredentialProcessOutput: Sendable, Codable, Equatable {
    /// Always 1.
    public var Version: Int
    /// The access key id.
    public var AccessKeyId: String
    /// The secret access key.
    public var SecretAccessKey: String
    /// The session token of temporary credentials.
    public var SessionToken: String?
    /// When temporary credentials expire, ISO 8601 in UTC.
    public var Expiration: String?

    /// The document for `credentials`.
    /// - Parameter credentials: the credentials to print.
    public init(_ credentials: AWSCredentials) {
        Version = 1
        AccessKeyId = credentials.accessKeyID
        SecretAccessKey = credentials.secretAccessKey.unredacted
        SessionToken = credentials.sessionToken?.unredacted
        Expiration = credentials.expiration.map(Self.timestamp)
    }

    /// The credentials this document holds.
    /// - Returns: `nil` when the version is not 1, a key is empty, or the expiry is not ISO 8601.
    public var credentials: AWSCredentials? {
        guard Version == 1, !AccessKeyId.isEmpty, !SecretAccessKey.isEmpty else { return nil }
        var expiration: Date?
        if let text = Expiration {
            guard let date = try? Date(text, strategy: .iso8601) else { return nil }
            expiration = date
        }
        return AWSCredentials(
            accessKeyID: AccessKeyId, secretAccessKey: SecretString(SecretAccessKey),
            sessionToken: SessionToken.map { SecretString($0) }, expiration: expiration)
    }

    /// Compact JSON with sorted keys, no trailing newline. Written by hand: it is printed on the cached path,
    /// where `JSONEncoder`'s runtime type lookups would cost more than the rest of the answer.
    public func encoded() -> String {
        var fields = [("AccessKeyId", Self.quoted(AccessKeyId))]
        if let Expiration { fields.append(("Expiration", Self.quoted(Expiration))) }
        fields.append(("SecretAccessKey", Self.quoted(SecretAccessKey)))
        if let SessionToken { fields.append(("SessionToken", Self.quoted(SessionToken))) }
        fields.append(("Version", String(Version)))
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }

    /// `2026-11-23T13:44:29Z`: whole seconds in UTC, the form the SDKs parse.
    public static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil else { return date.formatted(.iso8601) }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}

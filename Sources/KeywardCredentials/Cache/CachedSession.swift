import FoundationEssentials
import KeywardAWS
import KeywardSystem

/// A temporary session as the cache keeps it: the credentials and what they are for.
///
/// Stored as compact JSON in a `SecretStore` item (it holds the secret and the token, so it is a secret);
/// its printed form never shows them.
public struct CachedSession: Sendable, Equatable, CustomStringConvertible {
    /// What kind of session it is.
    public var kind: SessionKind
    /// The profile it was fetched for.
    public var profile: String
    /// The chain it stands for, target first: `["admin", "jo"]`.
    public var chain: [String]
    /// `SessionKey.digest` of the plan that fetched it (without the key's identity), so `clear` and `list`
    /// find a profile's sessions by what the profile resolves to, not by its name; `nil` when unknown.
    public var planDigest: String?
    /// The credentials, always with a session token and an expiry.
    public var credentials: AWSCredentials
    /// When the session stops working.
    public var expiration: Date
    /// What AWS knows about the session that the request context carries (`aws:TokenIssueTime`,
    /// `aws:MultiFactorAuthAge`, `aws:SourceIdentity`), so `policy can` judges as IAM will.
    public var facts: SessionFacts

    /// Creates a cache entry.
    /// - Parameters:
    ///   - kind: the kind of session.
    ///   - profile: the profile it was fetched for.
    ///   - chain: the chain it stands for, target first.
    ///   - planDigest: the digest of the plan's key without the source identity.
    ///   - credentials: the temporary credentials.
    ///   - expiration: when they expire.
    ///   - facts: what AWS records about the session.
    public init(
        kind: SessionKind, profile: String, chain: [String], planDigest: String? = nil, credentials: AWSCredentials,
        expiration: Date, facts: SessionFacts = SessionFacts()
    ) {
        self.facts = facts
        self.kind = kind
        self.profile = profile
        self.chain = chain
        self.planDigest = planDigest
        self.credentials = credentials
        self.expiration = expiration
    }

    /// `assumed-role session for admin (admin <- jo) until …`: never a secret.
    public var description: String {
        "\(kind) session for \(profile) (\(chainDescription)), key \(credentials.maskedAccessKeyID)"
    }

    /// The chain as people read it: `admin <- jo`.
    public var chainDescription: String { chain.joined(separator: " <- ") }

    /// The text stored in the cache: a version line, then one field per line. Plain lines rather than JSON
    /// keep the cached path free of `Codable` and its runtime type lookups (issue 5's 10 ms budget); no field
    /// can hold a line break (profile names and STS values never do).
    func encoded() -> SecretString {
        let fields = [
            Self.header, kind.rawValue, profile, Self.encodeList(chain), planDigest ?? "", credentials.accessKeyID,
            credentials.secretAccessKey.unredacted,
            credentials.sessionToken?.unredacted ?? "", String(Int64(expiration.timeIntervalSince1970.rounded(.down))),
            facts.issuedAt.map(Self.seconds) ?? "", facts.multiFactorAuthenticatedAt.map(Self.seconds) ?? "",
            facts.sourceIdentity ?? "",
        ]
        return SecretString(fields.joined(separator: "\n"))
    }

    /// Decodes what `encoded()` wrote; `nil` for anything else (a stale format is simply a cache miss).
    static func decode(_ secret: SecretString) -> CachedSession? {
        let fields = secret.unredacted.split(separator: "\n", omittingEmptySubsequences: false)
        guard fields.count == 12, fields[0] == header, let kind = SessionKind(rawValue: String(fields[1])),
            let chain = decodeList(fields[3]), let seconds = Int64(fields[8])
        else { return nil }
        let expiration = Date(timeIntervalSince1970: Double(seconds))
        return CachedSession(
            kind: kind, profile: String(fields[2]), chain: chain,
            planDigest: fields[4].isEmpty ? nil : String(fields[4]),
            credentials: AWSCredentials(
                accessKeyID: String(fields[5]), secretAccessKey: SecretString(String(fields[6])),
                sessionToken: fields[7].isEmpty ? nil : SecretString(String(fields[7])), expiration: expiration),
            expiration: expiration,
            facts: SessionFacts(
                issuedAt: date(fields[9]), multiFactorAuthenticatedAt: date(fields[10]),
                sourceIdentity: fields[11].isEmpty ? nil : String(fields[11])))
    }

    private static func seconds(_ date: Date) -> String { String(Int64(date.timeIntervalSince1970.rounded(.down))) }

    private static func date(_ field: Substring) -> Date? {
        Int64(field).map { Date(timeIntervalSince1970: Double($0)) }
    }

    /// `LENGTH:NAME` per name: no profile name can be split or joined by it.
    static func encodeList(_ names: [String]) -> String {
        names.map { "\($0.utf8.count):\($0)" }.joined()
    }

    /// The names `encodeList` wrote, or `nil` for anything else.
    static func decodeList(_ text: Substring) -> [String]? {
        let bytes = Array(text.utf8)
        var names: [String] = []
        var index = 0
        while index < bytes.count {
            guard let colon = bytes[index...].firstIndex(of: UInt8(ascii: ":")),
                let count = Int(String(decoding: bytes[index..<colon], as: UTF8.self)), count >= 0,
                count <= bytes.count - colon - 1
            else { return nil }
            names.append(String(decoding: bytes[(colon + 1)..<(colon + 1 + count)], as: UTF8.self))
            index = colon + 1 + count
        }
        return names
    }

    private static let header = "keyward-session 2"
}

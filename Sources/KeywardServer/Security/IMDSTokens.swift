import Crypto
import Foundation

/// Issues and checks IMDSv2 session tokens (`PUT /latest/api/token`).
///
/// A token is self-contained: base64 of a version byte, its expiry (milliseconds since 1970, big-endian) and an
/// HMAC-SHA256 of both under a key drawn at start-up. Checking one needs no table, so clients that ask for a
/// token per request (the AWS SDKs ask for one per credential refresh) cannot grow the server's memory, and a
/// token from an earlier run is worthless.
struct IMDSTokens: Sendable {
    /// The longest session IMDS grants, in seconds (six hours).
    static let maximumTTL = 21_600

    private static let version: UInt8 = 1
    private static let payloadLength = 9
    private static let tokenLength = 41

    private let key: SymmetricKey
    private let now: @Sendable () -> Date

    /// - Parameter now: The clock tokens expire by.
    init(now: @escaping @Sendable () -> Date) {
        self.key = SymmetricKey(size: .bits256)
        self.now = now
    }

    /// A token valid for `ttl` seconds from now.
    /// - Parameter ttl: 1...``maximumTTL``; the caller validates the header.
    func issue(ttl: Int) -> String {
        let expiry = UInt64(((now().timeIntervalSince1970 + Double(ttl)) * 1000).rounded(.down))
        var payload = [Self.version]
        payload.reserveCapacity(Self.tokenLength)
        for shift in stride(from: 56, through: 0, by: -8) {
            payload.append(UInt8(truncatingIfNeeded: expiry >> UInt64(shift)))
        }
        let code = HMAC<SHA256>.authenticationCode(for: payload, using: key)
        return Data(payload + Array(code)).base64EncodedString()
    }

    /// Whether `token` was issued by this run and has not expired; the MAC is compared in constant time.
    func isValid(_ token: String) -> Bool {
        guard token.utf8.count <= 64, let data = Data(base64Encoded: token), data.count == Self.tokenLength else {
            return false
        }
        let bytes = Array(data)
        let payload = bytes[0..<Self.payloadLength]
        let code = bytes[Self.payloadLength...]
        guard bytes[0] == Self.version,
            HMAC<SHA256>.isValidAuthenticationCode(code, authenticating: payload, using: key)
        else { return false }
        let expiry = payload.dropFirst().reduce(UInt64(0)) { ($0 << 8) | UInt64($1) }
        return Double(expiry) / 1000 > now().timeIntervalSince1970
    }
}

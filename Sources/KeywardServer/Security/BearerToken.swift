import KeywardSystem

/// The random token a client must send as `Authorization` to the ECS endpoint, new for every server run.
///
/// Its `description` never shows the value; read ``value`` only to hand it to the child process.
struct BearerToken: Sendable, CustomStringConvertible {
    /// 64 lowercase hex digits: 256 bits from the system's cryptographically secure generator.
    let value: String
    private let bytes: [UInt8]

    private init(value: String) {
        self.value = value
        self.bytes = Array(value.utf8)
    }

    /// A fresh token from `SystemRandomNumberGenerator` (getrandom(2) on Linux, documented as
    /// cryptographically secure on every platform).
    static func random() -> BearerToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return BearerToken(value: Hex.string(bytes))
    }

    /// Whether a header value is exactly this token, compared in constant time.
    func matches(_ candidate: String) -> Bool {
        ConstantTime.equals(candidate.utf8, bytes)
    }

    /// Always `<redacted>`.
    var description: String { "<redacted>" }
}

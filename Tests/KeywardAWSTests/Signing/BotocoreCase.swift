import Foundation

/// One generated request for the botocore agreement test, as `botocore_signer.py` reads it.
struct BotocoreCase: Codable {
    enum Mode: String, Codable {
        case header
        case query
    }

    var id: Int
    var mode: Mode
    var service: String
    var region: String
    var accessKey: String
    var secretKey: String
    var token: String?
    /// Whole seconds since 1970 for botocore; Swift signs at `timestamp + fraction`, which must format the same.
    var timestamp: Int
    var fraction: Double
    var method: String
    var url: String
    var headers: [[String]]
    /// Base64.
    var body: String
    var expires: Int

    enum CodingKeys: String, CodingKey {
        case id, mode, service, region
        case accessKey = "access_key"
        case secretKey = "secret_key"
        case token, timestamp, fraction, method, url, headers, body, expires
    }
}

/// What botocore produced for one case.
struct BotocoreResult: Decodable {
    var id: Int
    var canonicalRequest: String?
    var authorization: String?
    var headers: [[String]]?
    var url: String?
    var error: String?

    enum CodingKeys: String, CodingKey {
        case id
        case canonicalRequest = "canonical_request"
        case authorization, headers, url, error
    }
}

/// SplitMix64: a small, fixed pseudo-random sequence, so every run generates the same cases.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }

    /// A number in `0..<bound`.
    mutating func below(_ bound: Int) -> Int {
        Int(next() % UInt64(bound))
    }

    /// True `percent` times in a hundred.
    mutating func chance(_ percent: Int) -> Bool {
        below(100) < percent
    }

    mutating func pick<Element>(_ elements: [Element]) -> Element {
        elements[below(elements.count)]
    }

    mutating func string(from alphabet: [String], length: ClosedRange<Int>) -> String {
        let count = length.lowerBound + below(length.count)
        return (0..<count).map { _ in pick(alphabet) }.joined()
    }
}

import Foundation
import KeywardTestSupport

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

extension SeededRandom {
    /// A string of `length` pieces drawn from `alphabet`.
    mutating func string(from alphabet: [String], length: ClosedRange<Int>) -> String {
        let count = length.lowerBound + below(length.count)
        return (0..<count).map { _ in pick(alphabet) }.joined()
    }
}

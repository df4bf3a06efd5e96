import Foundation
import KeywardTestSupport

/// Generates the botocore agreement cases: methods, paths with UTF-8, reserved characters, spaces, `%`, `+`,
/// `~` and dot segments, multi-valued and empty query parameters, headers with odd spacing and repeats, bodies,
/// with and without a session token, for STS, IAM, S3 and API Gateway, signed in headers and presigned.
///
/// It keeps clear of the inputs where botocore departs from the SigV4 specification (see
/// `BotocoreAgreementTests`); those are covered by exact-value tests in `SigV4CanonicalizationTests`.
struct BotocoreCaseGenerator {
    static let services = ["sts", "iam", "s3", "execute-api"]

    private var random: SeededRandom

    init(seed: UInt64) {
        random = SeededRandom(seed: seed)
    }

    mutating func cases(count: Int) -> [BotocoreCase] {
        (0..<count).map { makeCase(id: $0) }
    }

    private static let letters =
        (UInt8(ascii: "a")...UInt8(ascii: "z")).map { String(UnicodeScalar($0)) }
        + ["A", "Q", "Z", "0", "7", "9"]
    /// Raw characters for path segments and query names and values, percent-encoded before use.
    private static let rawCharacters =
        letters + letters + [
            "-", "_", ".", "~", " ", "%", "+", "/", "!", "*", "'", "(", ")", ";", ":", "@", "&", "=", "$", ",",
            "?", "#", "[", "]", "\"", "<", ">", "^", "`", "{", "|", "}", "\\", "é", "ü", "ሴ", "😀", "中",
        ]
    /// Characters RFC 3986 allows unencoded in a path, sent as they are.
    private static let pathSafeCharacters =
        letters + ["!", "$", "&", "'", "(", ")", "*", "+", ",", ";", "=", ":", "@", "~"]
    private static let endpoints = [
        "https://sts.amazonaws.com", "https://iam.amazonaws.com", "https://sts.eu-west-3.amazonaws.com",
        "https://bucket.s3.eu-west-3.amazonaws.com", "https://abc123.execute-api.us-east-1.amazonaws.com",
        "http://127.0.0.1:5000", "https://example.com:8443", "http://example.com:80", "https://example.com:443",
        "http://[::1]:9000", "https://Mixed.Case.Example.COM",
    ]
    private static let headerNames = [
        "X-Custom-Header", "My-Header", "x-amz-meta-color", "X-Amz-Target", "Content-Type", "Accept", "Range",
        "If-None-Match", "Cache-Control", "Content-Encoding", "x-amz-acl", "User-Agent", "X-Amzn-Trace-Id",
        "Connection", "Content-MD5",
    ]
    private static let headerValues = [
        "application/json", "  leading", "trailing  ", "a   b\tc", "\tTabbed\t", "", " ", "UTF-8 é ሴ 😀",
        "v1,v2", "quoted \"x   y\"", "bytes=0-9", "text/plain; charset=utf-8", "*/*", "AmazonSQS.SendMessage",
        "public-read", "1B2M2Y8AsgTpgAmY7PhCfg==",
    ]
    private static let unreserved = CharacterSet(
        charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")

    /// RFC 3986 percent-encoding of everything but the unreserved characters, as AWS SDK serializers send it.
    private static func encode(_ raw: String) -> String {
        raw.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    private mutating func makeCase(id: Int) -> BotocoreCase {
        let mode: BotocoreCase.Mode = random.chance(60) ? .header : .query
        let service = random.pick(Self.services)
        let base = random.pick(Self.endpoints)
        let path = makePath(allowEmpty: service != "s3")
        let query = makeQuery(repeatsKeys: mode == .header)
        let url = base + path + (query.map { "?\($0)" } ?? "")
        let token =
            random.chance(50)
            ? random.string(from: Self.letters + ["/", "+", "=", "0", "1"], length: 60...300) : nil
        return BotocoreCase(
            id: id, mode: mode, service: service,
            region: random.pick(["us-east-1", "eu-west-3", "ap-southeast-2", "us-gov-west-1", "cn-north-1"]),
            accessKey: "AKIA" + random.string(from: Self.letters.map { $0.uppercased() }, length: 16...16),
            secretKey: random.string(from: Self.letters + ["/", "+", "A", "8"], length: 40...40), token: token,
            timestamp: random.below(4_102_444_800), fraction: Double(random.below(1000)) / 1000,
            method: random.pick(["GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"]), url: url,
            headers: makeHeaders(mode: mode, service: service),
            body: mode == .header ? makeBody().base64EncodedString() : "",
            expires: 1 + random.below(604_800))
    }

    private mutating func makePath(allowEmpty: Bool) -> String {
        if allowEmpty && random.chance(5) {
            return ""
        }
        var segments: [String] = []
        for _ in 0..<random.below(5) {
            switch random.below(20) {
            case 0: segments.append(".")
            case 1: segments.append("..")
            case 2: segments.append("")
            case 3, 4, 5: segments.append(random.string(from: Self.pathSafeCharacters, length: 1...6))
            default: segments.append(Self.encode(random.string(from: Self.rawCharacters, length: 1...8)))
            }
        }
        return "/" + segments.joined(separator: "/") + (random.chance(30) && !segments.isEmpty ? "/" : "")
    }

    private mutating func makeQuery(repeatsKeys: Bool) -> String? {
        let count = random.below(6)
        guard count > 0 else { return random.chance(10) ? "" : nil }
        var names: [String] = []
        var pieces: [String] = []
        for _ in 0..<count {
            var name: String
            if repeatsKeys && !names.isEmpty && random.chance(25) {
                name = random.pick(names)
            } else {
                repeat {
                    name =
                        random.chance(40)
                        ? random.pick(["Action", "Version", "Param", "prefix", "list-type", "max-keys", "ሴ"])
                        : random.string(from: Self.rawCharacters, length: 0...6)
                } while !repeatsKeys && names.contains(name)
            }
            names.append(name)
            let value = random.chance(20) ? "" : random.string(from: Self.rawCharacters, length: 1...10)
            // A bare name (`flag`) is a parameter with an empty value; a bare empty name would be an empty piece.
            if value.isEmpty && !name.isEmpty && random.chance(30) {
                pieces.append(Self.encode(name))
            } else {
                pieces.append(Self.encode(name) + "=" + Self.encode(value))
            }
        }
        return pieces.joined(separator: "&")
    }

    private mutating func makeHeaders(mode: BotocoreCase.Mode, service: String) -> [[String]] {
        var headers: [[String]] = []
        for _ in 0..<random.below(6) {
            var name = random.pick(Self.headerNames)
            if !headers.isEmpty && random.chance(20) {
                name = random.pick(headers)[0]
            }
            switch random.below(3) {
            case 0: name = name.lowercased()
            case 1: name = name.uppercased()
            default: break
            }
            let value =
                random.chance(70)
                ? random.pick(Self.headerValues)
                : random.string(from: Self.letters + [" ", "  ", "\t", ",", ";", "="], length: 0...20)
            headers.append([name, value])
        }
        if random.chance(10) {
            headers.insert(["Host", random.pick(["example.com:8443", "custom.example.com"])], at: 0)
        }
        if mode == .header {
            if random.chance(10) {
                headers.append(["Authorization", "AWS4-HMAC-SHA256 stale"])
            }
            if random.chance(10) {
                headers.append(["X-Amz-Date", "20000101T000000Z"])
            }
            if random.chance(10) {
                headers.append(["X-Amz-Security-Token", "stale-token"])
            }
            if service != "s3" && random.chance(5) {
                headers.append(["X-Amz-Content-SHA256", "UNSIGNED-PAYLOAD"])
            }
        }
        return headers
    }

    private mutating func makeBody() -> Data {
        switch random.below(4) {
        case 0:
            return Data()
        case 1:
            return Data("Action=GetCallerIdentity&Version=2011-06-15".utf8)
        default:
            return Data((0..<(1 + random.below(64))).map { _ in UInt8(truncatingIfNeeded: random.next()) })
        }
    }
}

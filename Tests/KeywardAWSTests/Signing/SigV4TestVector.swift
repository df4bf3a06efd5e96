import Foundation
import KeywardSystem

@testable import KeywardAWS

/// One case of the AWS SigV4 test suite (`Vectors/v4/<name>/`), decoded.
struct SigV4TestVector {
    /// `context.json`: who signs, when, where, and with which options.
    struct Context: Decodable {
        struct Credentials: Decodable {
            var accessKeyID: String
            var secretAccessKey: String
            var token: String?

            enum CodingKeys: String, CodingKey {
                case accessKeyID = "access_key_id"
                case secretAccessKey = "secret_access_key"
                case token
            }
        }

        var credentials: Credentials
        var expirationInSeconds: Int
        var normalize: Bool
        var region: String
        var service: String
        var signBody: Bool
        var timestamp: String
        var omitSessionToken: Bool?

        enum CodingKeys: String, CodingKey {
            case credentials
            case expirationInSeconds = "expiration_in_seconds"
            case normalize, region, service
            case signBody = "sign_body"
            case timestamp
            case omitSessionToken = "omit_session_token"
        }
    }

    /// An HTTP/1.1 request as the suite writes it: request line, headers (continuation lines kept), body.
    struct HTTPMessage {
        var method: String
        var path: String
        var query: String?
        var headers: [(name: String, value: String)]
        var body: [UInt8]

        init(_ text: String) throws {
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let requestLine = lines.removeFirst()
            // The target may hold spaces (`/example space/`): the method ends at the first space and the
            // protocol starts at the last one.
            guard let firstSpace = requestLine.firstIndex(of: " "),
                let lastSpace = requestLine.lastIndex(of: " "), firstSpace < lastSpace
            else { throw VectorError.malformed("request line \(requestLine)") }
            method = String(requestLine[..<firstSpace])
            let target = requestLine[requestLine.index(after: firstSpace)..<lastSpace]
            if let question = target.firstIndex(of: "?") {
                path = String(target[..<question])
                query = String(target[target.index(after: question)...])
            } else {
                path = String(target)
                query = nil
            }
            headers = []
            body = []
            while !lines.isEmpty {
                let line = lines.removeFirst()
                if line.isEmpty {
                    body = Array(lines.joined(separator: "\n").utf8)
                    break
                }
                if line.first == " " || line.first == "\t", let last = headers.indices.last {
                    headers[last].value += "\n" + line
                } else if let colon = line.firstIndex(of: ":") {
                    headers.append((String(line[..<colon]), String(line[line.index(after: colon)...])))
                } else {
                    throw VectorError.malformed("header line \(line)")
                }
            }
        }

        /// The query string's `name=value` pieces, in order.
        var queryItems: [String] {
            query.map { $0.split(separator: "&").map(String.init) } ?? []
        }
    }

    enum VectorError: Error {
        case malformed(String)
        case missing(String)
    }

    let name: String
    let context: Context
    let request: HTTPMessage
    private let directory: URL

    init(name: String, directory: URL) throws {
        self.name = name
        self.directory = directory
        context = try JSONDecoder().decode(
            Context.self, from: Data(contentsOf: directory.appending(path: "context.json")))
        request = try HTTPMessage(Self.text(directory.appending(path: "request.txt")))
    }

    /// The text of one expected-result file, such as `header-canonical-request.txt`.
    func expected(_ file: String) throws -> String {
        try Self.text(directory.appending(path: file))
    }

    var date: Date {
        get throws { try Date(context.timestamp, strategy: .iso8601) }
    }

    var credentials: AWSCredentials {
        AWSCredentials(
            accessKeyID: context.credentials.accessKeyID,
            secretAccessKey: SecretString(context.credentials.secretAccessKey),
            sessionToken: context.credentials.token.map(SecretString.init))
    }

    /// The suite's signing options mapped onto ours: `service` is not S3, so paths are double-encoded.
    var signer: SigV4Signer {
        SigV4Signer(
            credentials: credentials, region: context.region, service: context.service,
            options: SigV4Signer.Options(
                normalizesPath: context.normalize, doubleEncodesPath: true,
                addsContentSHA256Header: context.signBody, presignsUnsignedPayload: false,
                signsSessionToken: !(context.omitSessionToken ?? false)))
    }

    /// The request as the signer reads it, path and query exactly as the suite wrote them.
    var parts: RequestParts {
        RequestParts(
            method: request.method, path: request.path, query: request.query,
            host: request.headers.first { $0.name.lowercased() == "host" }?.value ?? "",
            headers: request.headers, body: request.body)
    }

    /// The request as a `SignableRequest`, when a `URL` can carry its path and query unchanged (not for
    /// `/example space/` or raw UTF-8, which `URL` percent-encodes and so would change what is signed).
    var signableRequest: SignableRequest? {
        let host = parts.host
        let target = request.path + (request.query.map { "?\($0)" } ?? "")
        guard let url = URL(string: "https://\(host)\(target)"),
            url.path(percentEncoded: true) == request.path, url.query(percentEncoded: true) == request.query
        else { return nil }
        return SignableRequest(method: request.method, url: url, headers: request.headers, body: request.body)
    }

    private static func text(_ url: URL) throws -> String {
        guard let text = String(data: try Data(contentsOf: url), encoding: .utf8) else {
            throw VectorError.malformed(url.lastPathComponent)
        }
        return text
    }

    /// The names of the suite's cases shipped in `Vectors/v4`, sorted.
    static func names() -> [String] {
        guard let root = Bundle.module.url(forResource: "Vectors", withExtension: nil)?.appending(path: "v4"),
            let names = try? FileManager.default.contentsOfDirectory(atPath: root.path)
        else { return [] }
        return names.sorted()
    }

    static func load(_ name: String) throws -> SigV4TestVector {
        guard let root = Bundle.module.url(forResource: "Vectors", withExtension: nil) else {
            throw VectorError.missing("Vectors")
        }
        return try SigV4TestVector(name: name, directory: root.appending(path: "v4").appending(path: name))
    }
}

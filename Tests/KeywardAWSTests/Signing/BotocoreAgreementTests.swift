import Foundation
import KeywardSystem
import Testing

@testable import KeywardAWS

/// Byte-for-byte agreement with botocore's signer (`SigV4Auth`, `S3SigV4Auth`, `SigV4QueryAuth`,
/// `S3SigV4QueryAuth`) on generated requests: the `Authorization` header and the other headers for header
/// signing, the whole URL for presigning.
///
/// `botocore_signer.py` signs every case in one `python3` run, with botocore's clock fixed to each case's
/// timestamp. Where botocore departs from the SigV4 specification, Keyward follows the specification and the
/// generator keeps away from that input; `SigV4CanonicalizationTests` pins Keyward's behaviour there:
/// - Presigning a URL with a repeated query name: botocore keeps only the first value (`parse_qs`, then `v[0]`)
///   and drops the others from the URL; the spec signs every parameter, and so does Keyward.
/// - Presigning a URL with `+` in its query: botocore's `parse_qs` reads it as a space; SigV4 (RFC 3986) reads
///   a literal `+`, encoded `%2B`.
/// - Header signing with a query not already in SigV4 encoding (`%7e`, unencoded `/` or `:`): botocore signs the
///   bytes as sent; the spec, aws-c-auth and Keyward decode and re-encode each name and value.
/// - An empty query piece (`a=1&&b=2`): botocore signs an empty parameter `=`; Keyward skips it.
/// - S3 with an empty path: botocore's canonical URI is empty; the spec says `/`.
/// - A `Date` header: botocore replaces it with the signing time and drops `X-Amz-Date`; Keyward signs `Date` as
///   given and always sends `X-Amz-Date`.
/// - S3 with the caller's `X-Amz-Content-SHA256` (`UNSIGNED-PAYLOAD`, streaming): botocore overwrites it with
///   the body's hash; Keyward signs the declared value, as S3 defines that header.
/// - Presigning with an `Authorization` header: botocore signs it; Keyward drops it.
/// - Presigning with `Content-Type: application/x-www-form-urlencoded; charset=utf-8`: botocore drops that
///   header; Keyward signs it like any other.
/// - Presigning with a body: botocore moves a form body into the query; Keyward signs the body's hash, as the
///   AWS test suite's `post-x-www-form-urlencoded` query case expects. Generated presigned requests have no body.
/// - Header values with non-ASCII whitespace (U+00A0): botocore's `str.split()` collapses it; the spec speaks of
///   spaces, and Keyward collapses ASCII whitespace only.
@Suite("SigV4 agreement with botocore")
struct BotocoreAgreementTests {
    static let caseCount = 400

    @Test func agreesWithBotocore() throws {
        var generator = BotocoreCaseGenerator(seed: 0x4B65_7977_6172_6433)
        let cases = generator.cases(count: Self.caseCount)
        let results = try Self.signWithBotocore(cases)
        try #require(results.map(\.id) == cases.map(\.id))

        var agreed = 0
        for (generated, botocore) in zip(cases, results) {
            #expect(botocore.error == nil, "case \(generated.id): botocore raised \(botocore.error ?? "")")
            let request = try Self.request(for: generated)
            let signer = SigV4Signer(
                credentials: AWSCredentials(
                    accessKeyID: generated.accessKey, secretAccessKey: SecretString(generated.secretKey),
                    sessionToken: generated.token.map(SecretString.init)),
                region: generated.region, service: generated.service)
            let date = Date(timeIntervalSince1970: Double(generated.timestamp) + generated.fraction)
            switch generated.mode {
            case .header:
                let signed = signer.sign(request, date: date)
                let authorization = signed.headerValues(named: "Authorization").first
                let sameHeaders = Self.withoutHost(signed.headers) == Self.withoutHost(botocore.headers ?? [])
                let steps = signer.headerSigningSteps(for: request, date: date)
                #expect(authorization == botocore.authorization, "\(Self.explain(generated, steps, botocore))")
                #expect(sameHeaders, "case \(generated.id): headers differ")
                if authorization == botocore.authorization && sameHeaders {
                    agreed += 1
                }
            case .query:
                let url = try signer.presign(request, date: date, expires: generated.expires)
                let steps = try signer.querySigningSteps(for: request, date: date, expires: generated.expires)
                #expect(url.absoluteString == botocore.url, "\(Self.explain(generated, steps, botocore))")
                if url.absoluteString == botocore.url {
                    agreed += 1
                }
            }
        }
        #expect(agreed == Self.caseCount)

        // The generator reaches what the agreement is meant to cover.
        #expect(Set(cases.map(\.service)) == Set(BotocoreCaseGenerator.services))
        #expect(cases.filter { $0.mode == .query }.count > 100)
        #expect(cases.filter { $0.token != nil }.count > 100)
        #expect(cases.filter { $0.url.contains("%25") && $0.url.contains("%2B") }.count > 20)
        #expect(cases.filter { $0.url.contains("/../") || $0.url.contains("/./") }.count > 20)
    }

    /// Both canonical requests of a case, to see where a disagreement starts.
    static func explain(
        _ generated: BotocoreCase, _ steps: SigV4Signer.SigningSteps, _ botocore: BotocoreResult
    )
        -> String
    {
        "case \(generated.id) \(generated.url)\nKeyward:\n\(steps.canonicalRequest)\n"
            + "botocore:\n\(botocore.canonicalRequest ?? "")"
    }

    /// The request a case describes; its URL must survive `URL` unchanged, or both sides would sign different
    /// bytes.
    static func request(for generated: BotocoreCase) throws -> SignableRequest {
        let url = try #require(URL(string: generated.url))
        try #require(url.absoluteString == generated.url)
        return SignableRequest(
            method: generated.method, url: url,
            headers: generated.headers.map { (name: $0[0], value: $0[1]) },
            body: Array(try #require(Data(base64Encoded: generated.body))))
    }

    /// Headers as `name:value` with lower-case names, sorted, without `Host` (botocore signs one derived from the
    /// URL without adding it to the request).
    static func withoutHost(_ headers: [(name: String, value: String)]) -> [String] {
        headers.filter { $0.name.lowercased() != "host" }.map { "\($0.name.lowercased()):\($0.value)" }.sorted()
    }

    static func withoutHost(_ headers: [[String]]) -> [String] {
        withoutHost(headers.map { (name: $0[0], value: $0[1]) })
    }

    /// Runs `botocore_signer.py` once over every case.
    static func signWithBotocore(_ cases: [BotocoreCase]) throws -> [BotocoreResult] {
        let directory = FileManager.default.temporaryDirectory.appending(path: "keyward-sigv4-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let encoder = JSONEncoder()
        var lines = Data()
        for generated in cases {
            lines.append(try encoder.encode(generated))
            lines.append(UInt8(ascii: "\n"))
        }
        let input = directory.appending(path: "cases.jsonl")
        try lines.write(to: input)
        let errors = directory.appending(path: "stderr.txt")
        try Data().write(to: errors)

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appending(path: "botocore_signer.py")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script.path, input.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderr = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
        try #require(process.terminationStatus == 0, "botocore_signer.py failed: \(stderr)")

        let decoder = JSONDecoder()
        return try data.split(separator: UInt8(ascii: "\n")).map { try decoder.decode(BotocoreResult.self, from: $0) }
    }
}

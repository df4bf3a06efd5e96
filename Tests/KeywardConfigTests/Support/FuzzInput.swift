import KeywardTestSupport

/// Inputs for the parser fuzz tests: random bytes and mutations of a realistic file.
enum FuzzInput {
    static let realistic = Array(
        """
        # ~/.aws/config of a team\r
        [default]
        region = us-east-1
        output=json

        [profile jo]
        mfa_serial = arn:aws:iam::111111111111:mfa/jo
        s3 =
            max_concurrent_requests = 20
            addressing_style = path
        [profile admin]
          role_arn: arn:aws:iam::111111111111:role/admin
          source_profile = jo ; not a comment
        [profile "spaced name"]
        include_profile = jo
        [DEFAULT]
        cli_pager =
        [sso-session corp]
        sso_start_url = https://corp.awsapps.com/start
        [services local]
        sts =
          endpoint_url = http://127.0.0.1:5000
        [preview]
        sdb = true
        """.utf8)

    /// Fragments that exercise the parser's decisions.
    static let tokens: [[UInt8]] = [
        "[", "]", "=", ":", "#", ";", " ", "  ", "\t", "\n", "\r", "\r\n", "\"", "'", "\\", "[profile x]",
        "[default]", "[DEFAULT]", "[services s]", "[sso-session s]", "key = value", "k:v", "s3 =\n  a = b\n",
        "\u{A0}", "\u{85}", "\u{2028}", "\u{3000}", "\u{0B}", "\u{0C}", "\u{1C}", "\u{1F}", "\u{FEFF}", "\u{E9}",
        "\u{1F600}", "region", "profile", "=\n", "\n    ", "\n\n",
    ].map { Array($0.utf8) }

    /// Random bytes, biased towards the bytes that matter to the parser.
    static func randomBytes(_ generator: inout SeededRandom) -> [UInt8] {
        let count = Int.random(in: 0...160, using: &generator)
        let favourites = Array("[]=:#; \t\r\nab".utf8)
        return (0..<count).map { _ in
            Bool.random(using: &generator)
                ? favourites.randomElement(using: &generator) ?? 0
                : UInt8.random(in: 0...255, using: &generator)
        }
    }

    /// The realistic file after one to four random mutations; `validUTF8` keeps byte edits to whole tokens.
    static func mutation(_ generator: inout SeededRandom, validUTF8: Bool) -> [UInt8] {
        var bytes = realistic
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = Int.random(in: 0...bytes.count, using: &generator)
            switch Int.random(in: 0..<7, using: &generator) {
            case 0:
                bytes.insert(contentsOf: tokens.randomElement(using: &generator) ?? [], at: position)
            case 1:
                let end = min(bytes.count, position + Int.random(in: 1...40, using: &generator))
                bytes.removeSubrange(position..<end)
            case 2:
                bytes = Array(bytes[..<position])
            case 3:
                let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
                let line = lines.randomElement(using: &generator) ?? []
                bytes.insert(contentsOf: Array(line) + [0x0A], at: position)
            case 4:
                bytes.insert(
                    contentsOf: Array(repeating: 0x20, count: Int.random(in: 1...6, using: &generator)), at: position)
            case 5 where !validUTF8:
                if position < bytes.count { bytes[position] = UInt8.random(in: 0...255, using: &generator) }
            default:
                bytes = bytes.flatMap { $0 == 0x0A && Bool.random(using: &generator) ? [0x0D, 0x0A] : [$0] }
            }
        }
        if validUTF8 { return Array(String(decoding: bytes, as: UTF8.self).utf8) }
        return bytes
    }
}

extension XMLElementTree {
    /// Refuses a document that is not UTF-8, before any parser sees it: the DOCTYPE and ENTITY guards scan
    /// bytes as ASCII, so a document in UTF-16 or UTF-32 (with or without a byte-order mark), or one that
    /// declares another encoding for the parser to switch to, would slip past them (issue 12, item 17).
    /// AWS answers and SAML responses are UTF-8.
    /// - Parameter bytes: the document (after base64 decoding, for SAML).
    /// - Returns: a one-line reason when it must be refused, else `nil`.
    public static func nonUTF8Reason(_ bytes: [UInt8]) -> String? {
        let prefix = Array(bytes.prefix(4))
        if prefix.starts(with: [0xFF, 0xFE]) || prefix.starts(with: [0xFE, 0xFF]) {
            return "the document is UTF-16 or UTF-32 (byte-order mark); only UTF-8 is accepted"
        }
        if prefix.starts(with: [0x00, 0x00, 0xFE, 0xFF]) {
            return "the document is UTF-32 (byte-order mark); only UTF-8 is accepted"
        }
        if bytes.contains(0) {
            return
                "the document contains NUL bytes (UTF-16 or UTF-32 without a byte-order mark?); only UTF-8 is accepted"
        }
        guard String(validating: bytes, as: UTF8.self) != nil else {
            return "the document is not valid UTF-8"
        }
        if let declared = declaredEncoding(bytes), !["utf-8", "utf8", "us-ascii", "ascii"].contains(declared) {
            return "the document declares encoding \"\(declared)\"; only UTF-8 is accepted"
        }
        return nil
    }

    /// The `encoding` of the XML declaration (`<?xml version="1.0" encoding="..."?>`), lowercased.
    static func declaredEncoding(_ bytes: [UInt8]) -> String? {
        var start = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        let head = bytes[start...].prefix(200)
        guard head.starts(with: Array("<?xml".utf8)), let end = head.firstIndex(of: UInt8(ascii: ">")) else {
            return nil
        }
        let declaration = String(decoding: head[..<end], as: UTF8.self).lowercased()
        guard let range = declaration.range(of: "encoding") else { return nil }
        let rest = declaration[range.upperBound...].drop { $0 == " " || $0 == "=" }
        guard let quote = rest.first, quote == "\"" || quote == "'" else { return nil }
        return String(rest.dropFirst().prefix { $0 != quote })
    }
}

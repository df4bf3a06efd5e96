/// URI encoding, path normalization and query canonicalization as SigV4 defines them.
///
/// See "Create a canonical request" in the AWS IAM User Guide (Signature Version 4): everything but the
/// unreserved characters `A-Z a-z 0-9 - _ . ~` is percent-encoded as `%XY` with upper-case hex digits, and a
/// space is `%20`, never `+`.
enum SigV4URI {
    /// Percent-encodes `bytes` into `output`, keeping unreserved characters and, when asked, `/`.
    static func encode(_ bytes: some Sequence<UInt8>, keepingSlash: Bool, into output: inout [UInt8]) {
        for byte in bytes {
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                output.append(byte)
            } else {
                output.append(UInt8(ascii: "%"))
                output.append(hexDigits[Int(byte >> 4)])
                output.append(hexDigits[Int(byte & 0x0F)])
            }
        }
    }

    /// Percent-encodes `bytes`, keeping only unreserved characters.
    static func encoded(_ bytes: some Sequence<UInt8>) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.underestimatedCount)
        encode(bytes, keepingSlash: false, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Decodes `%XY` escapes; a `%` not followed by two hex digits stays as it is, and `+` stays `+` (RFC 3986:
    /// only HTML forms use `+` for a space).
    static func decode(_ bytes: some Collection<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index != bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "%") {
                let first = bytes.index(after: index)
                if first != bytes.endIndex, let high = hexValue(bytes[first]) {
                    let second = bytes.index(after: first)
                    if second != bytes.endIndex, let low = hexValue(bytes[second]) {
                        output.append(high << 4 | low)
                        index = bytes.index(after: second)
                        continue
                    }
                }
            }
            output.append(byte)
            index = bytes.index(after: index)
        }
        return output
    }

    /// The canonical URI of a path as sent on the wire (percent-encoded once).
    ///
    /// With `normalizing`, empty and `.` segments are dropped and `..` removes the segment before it, keeping a
    /// trailing slash (the AWS test suite's `get-slashes-normalized`, `get-relative-relative-normalized`). With
    /// `doubleEncoding`, the wire path is URI-encoded once more, which is the spec's "encoded twice" for every
    /// service but S3; S3 signs the wire path as it is.
    static func canonicalPath(_ wirePath: String, normalizing: Bool, doubleEncoding: Bool) -> String {
        var path = Array(wirePath.utf8)
        if normalizing {
            path = normalized(path)
        }
        if path.isEmpty {
            return "/"
        }
        guard doubleEncoding else {
            return String(decoding: path, as: UTF8.self)
        }
        var output: [UInt8] = []
        output.reserveCapacity(path.count + path.count / 2)
        encode(path, keepingSlash: true, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Removes empty, `.` and `..` segments; always starts with `/` and keeps a trailing `/` when the path had
    /// one and something is left.
    static func normalized(_ path: [UInt8]) -> [UInt8] {
        var segments: [ArraySlice<UInt8>] = []
        for segment in path.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if segment.elementsEqual([UInt8(ascii: ".")]) {
                continue
            } else if segment.elementsEqual([UInt8(ascii: "."), UInt8(ascii: ".")]) {
                _ = segments.popLast()
            } else {
                segments.append(segment)
            }
        }
        var output: [UInt8] = [UInt8(ascii: "/")]
        output.reserveCapacity(path.count)
        for (offset, segment) in segments.enumerated() {
            if offset > 0 {
                output.append(UInt8(ascii: "/"))
            }
            output.append(contentsOf: segment)
        }
        if !segments.isEmpty && path.last == UInt8(ascii: "/") {
            output.append(UInt8(ascii: "/"))
        }
        return output
    }

    /// The query string's parameters in their order, each name and value decoded and then encoded the SigV4
    /// way, so `a=%7e` and `a=~` yield the same pair. Empty pieces (`a=1&&b=2`) are skipped; a piece without
    /// `=` is a name with an empty value.
    static func encodedParameters(_ query: String?) -> [QueryParameter] {
        guard let query, !query.isEmpty else { return [] }
        var parameters: [QueryParameter] = []
        for piece in query.utf8.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let name: Substring.UTF8View.SubSequence
            let value: Substring.UTF8View.SubSequence
            if let equals = piece.firstIndex(of: UInt8(ascii: "=")) {
                name = piece[piece.startIndex..<equals]
                value = piece[piece.index(after: equals)...]
            } else {
                name = piece
                value = piece[piece.endIndex...]
            }
            parameters.append(QueryParameter(name: encoded(decode(name)), value: encoded(decode(value))))
        }
        return parameters
    }

    /// The canonical query string: parameters sorted by encoded name, then by encoded value, joined with `&`.
    static func canonicalQuery(_ parameters: [QueryParameter]) -> String {
        parameters.sorted().map { "\($0.name)=\($0.value)" }.joined(separator: "&")
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
            UInt8(ascii: "~"):
            return true
        default:
            return false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        default: return nil
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789ABCDEF".utf8)
}

/// One query parameter, name and value already URI-encoded the SigV4 way.
struct QueryParameter: Sendable, Hashable, Comparable {
    var name: String
    var value: String

    /// Orders by name, then value, comparing bytes (the encoded form is ASCII, so this is code-point order).
    static func < (lhs: QueryParameter, rhs: QueryParameter) -> Bool {
        if lhs.name != rhs.name {
            return lhs.name.utf8.lexicographicallyPrecedes(rhs.name.utf8)
        }
        return lhs.value.utf8.lexicographicallyPrecedes(rhs.value.utf8)
    }
}

/// Header canonicalization as SigV4 defines it: lower-case names sorted, values trimmed with inner runs of
/// whitespace collapsed to one space, repeated headers joined with commas in the order they appear.
enum SigV4Header {
    /// Headers never signed. Proxies and HTTP client layers add, drop or rewrite the hop-by-hop ones
    /// (RFC 9110 §7.6.1) and `User-Agent`; AWS Lambda and X-Ray add `X-Amzn-Trace-Id` after signing. Signing them
    /// would break the signature on the way; botocore (`SIGNED_HEADERS_BLACKLIST`) and aws-c-auth skip the same.
    static let unsignedNames: Set<String> = [
        "authorization", "connection", "expect", "keep-alive", "proxy-authenticate", "proxy-authorization",
        "te", "trailer", "transfer-encoding", "upgrade", "user-agent", "x-amzn-trace-id",
        "sec-websocket-key", "sec-websocket-protocol", "sec-websocket-version",
    ]

    /// Whether two header names are equal ignoring ASCII case.
    static func namesEqual(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.elementsEqual(rhs.utf8) { lowercased($0) == lowercased($1) }
    }

    /// The canonical headers block (each `name:value` followed by a newline) and the signed headers list
    /// (`name;name`), for every header not in ``unsignedNames``.
    static func canonicalize(_ headers: [(name: String, value: String)]) -> (block: String, signed: String) {
        var entries: [(name: [UInt8], order: Int, value: [UInt8])] = []
        entries.reserveCapacity(headers.count)
        for (order, header) in headers.enumerated() {
            let name = header.name.utf8.map(lowercased)
            if unsignedNames.contains(String(decoding: name, as: UTF8.self)) {
                continue
            }
            entries.append((name, order, trimmed(header.value)))
        }
        entries.sort { lhs, rhs in
            lhs.name == rhs.name ? lhs.order < rhs.order : lhs.name.lexicographicallyPrecedes(rhs.name)
        }
        var block: [UInt8] = []
        var signed: [UInt8] = []
        var previous: [UInt8]?
        for entry in entries {
            if entry.name == previous {
                block.append(UInt8(ascii: ","))
            } else {
                if previous != nil {
                    block.append(UInt8(ascii: "\n"))
                    signed.append(UInt8(ascii: ";"))
                }
                block.append(contentsOf: entry.name)
                block.append(UInt8(ascii: ":"))
                signed.append(contentsOf: entry.name)
                previous = entry.name
            }
            block.append(contentsOf: entry.value)
        }
        if previous != nil {
            block.append(UInt8(ascii: "\n"))
        }
        return (String(decoding: block, as: UTF8.self), String(decoding: signed, as: UTF8.self))
    }

    /// The value without leading and trailing whitespace and with each inner run of whitespace (space, tab,
    /// CR, LF, VT, FF: a folded multi-line value counts) replaced by one space.
    static func trimmed(_ value: String) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(value.utf8.count)
        var pendingSpace = false
        for byte in value.utf8 {
            if isWhitespace(byte) {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace {
                    output.append(UInt8(ascii: " "))
                    pendingSpace = false
                }
                output.append(byte)
            }
        }
        return output
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte | 0x20 : byte
    }
}

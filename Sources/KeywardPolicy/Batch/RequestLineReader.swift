/// Why a request line could not be read: the byte column (1-based) and the reason.
struct RequestLineError: Error {
    var column: Int
    var reason: String
}

/// Reads one JSONL request line straight into a reusable ``EvaluationRequest`` without building a JSON
/// tree: strings are unescaped directly into the request's byte storage.
///
/// A line is `{"action": ..., "resource": ..., "principal": ..., "principalType": ..., "resourceAccount":
/// ..., "context": {"key": "value" | ["values"] | number | boolean}, "id": ...}`; only `action` is required,
/// `resource` defaults to `*`, and `id` (any scalar) is echoed in the answer.
struct RequestLineReader {
    let line: UnsafeBufferPointer<UInt8>
    /// When set, context keys no policy looks at are skipped, and values read only as needed.
    let filter: KeyFilter?
    var index = 0

    /// Reads `line` into `request` (which is reset first). Returns the span of the raw `id` value, if any.
    static func read(
        _ line: UnsafeBufferPointer<UInt8>, into request: inout EvaluationRequest, filter: KeyFilter? = nil
    ) throws(RequestLineError) -> Range<Int>? {
        var reader = RequestLineReader(line: line, filter: filter)
        request.reset()
        // The line is copied once; strings without escapes are then spans of this copy (same offsets).
        request.bytes.append(contentsOf: line)
        return try reader.readRequest(into: &request)
    }

    private func fail(_ reason: String) -> RequestLineError {
        RequestLineError(column: index + 1, reason: reason)
    }

    private mutating func skipWhitespace() {
        while index < line.count, line[index] == 0x20 || line[index] == 0x09 || line[index] == 0x0D {
            index += 1
        }
    }

    private mutating func expect(_ byte: UInt8, _ what: StaticString) throws(RequestLineError) {
        skipWhitespace()
        guard index < line.count, line[index] == byte else { throw fail("expected \(what)") }
        index += 1
    }

    private mutating func readRequest(into request: inout EvaluationRequest) throws(RequestLineError) -> Range<Int>? {
        try expect(0x7B, "'{'")
        var id: Range<Int>?
        var sawAction = false
        var sawResource = false
        var kind: PrincipalKind?
        skipWhitespace()
        if index < line.count, line[index] == 0x7D {
            index += 1
        } else {
            while true {
                skipWhitespace()
                let keyStart = index
                let key = try rawKey()
                try expect(0x3A, "':'")
                skipWhitespace()
                switch key {
                case .action:
                    request.actionText = try stringValue(into: &request, field: "action")
                    sawAction = true
                case .resource:
                    request.resourceText = try stringValue(into: &request, field: "resource")
                    sawResource = true
                case .principal:
                    request.principalText = try stringValue(into: &request, field: "principal")
                case .resourceAccount:
                    request.resourceAccountText = try stringValue(into: &request, field: "resourceAccount")
                    request.hasResourceAccount = true
                case .principalType:
                    let span = try stringValue(into: &request, field: "principalType")
                    guard let parsed = PrincipalKind(rawValue: request.string(span)) else {
                        throw fail("unknown principalType \"\(request.string(span))\"")
                    }
                    kind = parsed
                case .context:
                    try readContext(into: &request)
                case .id:
                    let start = index
                    try skipScalar()
                    id = start..<index
                case .unknown(let key):
                    index = keyStart
                    throw fail(
                        "unknown field \"\(key)\"; expected action, resource, principal, principalType, resourceAccount, context or id"
                    )
                }
                skipWhitespace()
                guard index < line.count else { throw fail("expected ',' or '}'") }
                if line[index] == 0x2C {
                    index += 1
                    continue
                }
                if line[index] == 0x7D {
                    index += 1
                    break
                }
                throw fail("expected ',' or '}'")
            }
        }
        skipWhitespace()
        guard index == line.count else { throw fail("unexpected text after the request object") }
        guard sawAction else {
            index = 0
            throw fail("missing \"action\"")
        }
        if !sawResource {
            request.resourceText = ByteSpan(start: request.bytes.count, count: 1)
            request.bytes.append(UInt8(ascii: "*"))
        }
        request.finish(principalKind: kind, filter: filter, keepActionText: false)
        return id
    }

    /// A member key as a Swift string. Keys without escapes (all real ones) are compared as bytes, so
    /// reading them allocates nothing.
    private mutating func rawKey() throws(RequestLineError) -> Field {
        guard index < line.count, line[index] == 0x22 else { throw fail("expected a string key") }
        var end = index + 1
        while end < line.count, line[end] != 0x22, line[end] != 0x5C { end += 1 }
        if end < line.count, line[end] == 0x22 {
            let start = index + 1
            let count = end - start
            if let known = RequestLineReader.knownField(line.baseAddress! + start, count) {
                index = end + 1
                return known
            }
        }
        var scratch = EvaluationRequest()
        scratch.bytes.append(contentsOf: line)
        let span = try string(into: &scratch)
        let text = scratch.string(span)
        return RequestLineReader.knownField(text) ?? .unknown(text)
    }

    private static func knownField(_ text: String) -> Field? {
        var copy = text
        return copy.withUTF8 { buffer in buffer.baseAddress.flatMap { knownField($0, buffer.count) } }
    }

    /// The request fields.
    enum Field {
        case action, resource, principal, principalType, resourceAccount, context, id
        case unknown(String)
    }

    private static func knownField(_ pointer: UnsafePointer<UInt8>, _ count: Int) -> Field? {
        func equals(_ text: StaticString) -> Bool {
            text.utf8CodeUnitCount == count && bytesEqual(pointer, text.utf8Start, count)
        }
        switch count {
        case 2: return equals("id") ? .id : nil
        case 6: return equals("action") ? .action : nil
        case 7: return equals("context") ? .context : nil
        case 8: return equals("resource") ? .resource : nil
        case 9: return equals("principal") ? .principal : nil
        case 13: return equals("principalType") ? .principalType : nil
        case 15: return equals("resourceAccount") ? .resourceAccount : nil
        default: return nil
        }
    }

    private mutating func stringValue(
        into request: inout EvaluationRequest, field: String
    ) throws(RequestLineError) -> ByteSpan {
        guard index < line.count, line[index] == 0x22 else { throw fail("\"\(field)\" must be a string") }
        return try string(into: &request)
    }

    /// The JSON string at `index`: a span of the line's copy when it has no escapes (offsets in the copy
    /// equal offsets in the line), else unescaped into new bytes at the end of `request.bytes`.
    private mutating func string(into request: inout EvaluationRequest) throws(RequestLineError) -> ByteSpan {
        index += 1
        let contentStart = index
        var run = index
        let base = line.baseAddress!
        scan: while run &+ 8 <= line.count {
            let stops = SWAR.stringStops(UnsafeRawPointer(base + run).loadUnaligned(as: UInt64.self))
            if stops != 0 {
                run &+= stops.trailingZeroBitCount >> 3
                break scan
            }
            run &+= 8
        }
        while run < line.count {
            let byte = line[run]
            if byte == 0x22 || byte == 0x5C || byte < 0x20 { break }
            run += 1
        }
        if run < line.count, line[run] == 0x22 {
            index = run + 1
            return ByteSpan(start: contentStart, count: run - contentStart)
        }
        return try unescape(from: contentStart, into: &request)
    }

    private mutating func unescape(
        from contentStart: Int, into request: inout EvaluationRequest
    ) throws(RequestLineError) -> ByteSpan {
        index = contentStart
        let start = request.bytes.count
        while true {
            var run = index
            while run < line.count, line[run] != 0x22, line[run] != 0x5C, line[run] >= 0x20 { run += 1 }
            if run > index { request.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[index..<run])) }
            index = run
            guard index < line.count else { throw fail("unterminated string") }
            let byte = line[index]
            if byte == 0x22 {
                index += 1
                return ByteSpan(start: start, count: request.bytes.count - start)
            }
            if byte < 0x20 { throw fail("control character in string") }
            index += 1
            guard index < line.count else { throw fail("unterminated escape") }
            let escape = line[index]
            index += 1
            switch escape {
            case 0x22, 0x5C, 0x2F: request.bytes.append(escape)
            case UInt8(ascii: "b"): request.bytes.append(0x08)
            case UInt8(ascii: "f"): request.bytes.append(0x0C)
            case UInt8(ascii: "n"): request.bytes.append(0x0A)
            case UInt8(ascii: "r"): request.bytes.append(0x0D)
            case UInt8(ascii: "t"): request.bytes.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hex4()
                if scalar >= 0xD800, scalar < 0xDC00 {
                    guard index + 1 < line.count, line[index] == 0x5C, line[index + 1] == UInt8(ascii: "u") else {
                        throw fail("unpaired surrogate")
                    }
                    index += 2
                    let low = try hex4()
                    guard low >= 0xDC00, low < 0xE000 else { throw fail("invalid low surrogate") }
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let unicode = Unicode.Scalar(scalar) else { throw fail("invalid \\u escape") }
                request.bytes.append(contentsOf: Array(String(Character(unicode)).utf8))
            default:
                throw fail("invalid escape")
            }
        }
    }

    private mutating func hex4() throws(RequestLineError) -> UInt32 {
        guard index + 4 <= line.count else { throw fail("expected four hex digits") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = line[index]
            let digit: UInt32
            if byte &- 0x30 < 10 {
                digit = UInt32(byte - 0x30)
            } else if (byte | 0x20) &- 0x61 < 6 {
                digit = UInt32((byte | 0x20) - 0x61 + 10)
            } else {
                throw fail("expected four hex digits")
            }
            value = value << 4 | digit
            index += 1
        }
        return value
    }

    /// Skips a string, number, boolean or null.
    private mutating func skipScalar() throws(RequestLineError) {
        guard index < line.count else { throw fail("expected a value") }
        if line[index] == 0x22 {
            var scratch = EvaluationRequest()
            _ = try string(into: &scratch)
            return
        }
        let start = index
        while index < line.count, line[index] != 0x2C, line[index] != 0x7D, line[index] != 0x5D, line[index] != 0x20 {
            index += 1
        }
        guard index > start, line[start] != 0x7B, line[start] != 0x5B else { throw fail("expected a scalar value") }
    }

    private mutating func readContext(into request: inout EvaluationRequest) throws(RequestLineError) {
        try expect(0x7B, "'{' after \"context\"")
        skipWhitespace()
        if index < line.count, line[index] == 0x7D {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            guard index < line.count, line[index] == 0x22 else { throw fail("expected a condition key") }
            let key = try string(into: &request)
            try expect(0x3A, "':'")
            skipWhitespace()
            let hash = request.lowerAndHash(key)
            let readings = filter?.readings(for: hash) ?? KeyFilter.all
            if readings == 0 {
                // No policy looks at this key: read the value for its syntax, then forget key and value.
                let mark = request.bytes.count
                try values(into: &request, readings: nil)
                let cut = Int(key.start) >= line.count ? Int(key.start) : mark
                request.bytes.removeLast(request.bytes.count - cut)
            } else {
                request.beginContext(key: key, hash: hash)
                try values(into: &request, readings: readings)
            }
            skipWhitespace()
            guard index < line.count else { throw fail("expected ',' or '}'") }
            if line[index] == 0x2C {
                index += 1
                continue
            }
            if line[index] == 0x7D {
                index += 1
                return
            }
            throw fail("expected ',' or '}'")
        }
    }

    /// One value or an array of values; `readings` nil reads them without keeping them.
    private mutating func values(into request: inout EvaluationRequest, readings: UInt8?) throws(RequestLineError) {
        guard index < line.count else { throw fail("expected a value") }
        guard line[index] == 0x5B else {
            try contextValue(into: &request, readings: readings)
            return
        }
        index += 1
        skipWhitespace()
        if index < line.count, line[index] == 0x5D {
            index += 1
            return
        }
        while true {
            skipWhitespace()
            try contextValue(into: &request, readings: readings)
            skipWhitespace()
            guard index < line.count else { throw fail("expected ',' or ']'") }
            if line[index] == 0x2C {
                index += 1
                continue
            }
            if line[index] == 0x5D {
                index += 1
                return
            }
            throw fail("expected ',' or ']'")
        }
    }

    /// A string, number or boolean context value (its text); `null` adds nothing.
    private mutating func contextValue(into request: inout EvaluationRequest, readings: UInt8?) throws(RequestLineError)
    {
        guard index < line.count else { throw fail("expected a value") }
        let byte = line[index]
        if byte == 0x22 {
            let span = try string(into: &request)
            if let readings { request.addContextValue(span, readings: readings) }
            return
        }
        let start = index
        while index < line.count {
            let current = line[index]
            if current == 0x2C || current == 0x7D || current == 0x5D || current == 0x20 || current == 0x09 { break }
            index += 1
        }
        let text = UnsafeBufferPointer(rebasing: line[start..<index])
        if text.elementsEqual("null".utf8) { return }
        let isNumber = text.first.map { $0 == 0x2D || $0 &- 0x30 < 10 } ?? false
        guard isNumber || text.elementsEqual("true".utf8) || text.elementsEqual("false".utf8) else {
            index = start
            throw fail("a context value must be a string, number, boolean or array of them")
        }
        guard let readings else { return }
        request.addContextValue(ByteSpan(start: start, count: text.count), readings: readings)
    }
}

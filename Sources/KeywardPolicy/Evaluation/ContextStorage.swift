/// One condition key of a request: its lowercased name (pre-hashed) and where its values are.
struct ContextEntry: BitwiseCopyable {
    var keyHash: UInt64
    var key: ByteSpan
    var valueStart: Int32
    var valueCount: Int32
}

/// One value of a condition key, with its typed readings computed once when the request is built.
struct ContextValue: BitwiseCopyable {
    var text: ByteSpan
    var lowered: ByteSpan
    /// The value as a number, or NaN.
    var number: Double
    /// The value as a date (seconds since 1970), or NaN.
    var date: Double
    var ipHigh: UInt64
    var ipLow: UInt64
    /// 0: not an address; 4 or 6.
    var ipVersion: UInt8
    /// -1: not a boolean; 0 false; 1 true.
    var bool: Int8
}

/// The five field spans after `arn:` of an ARN inside some bytes.
struct ARNFieldSpans: BitwiseCopyable {
    var partition = ByteSpan.empty
    var service = ByteSpan.empty
    var region = ByteSpan.empty
    var account = ByteSpan.empty
    var resource = ByteSpan.empty

    /// Field 0 is the partition, 4 the resource.
    @inline(__always)
    func field(_ index: Int) -> ByteSpan {
        switch index {
        case 0: return partition
        case 1: return service
        case 2: return region
        case 3: return account
        default: return resource
        }
    }

    /// Splits `arn:p:s:r:a:resource` at `span` of `bytes`; `nil` unless it has the prefix and five colons.
    @inline(__always)
    static func split(_ bytes: UnsafePointer<UInt8>, _ span: ByteSpan) -> ARNFieldSpans? {
        let start = Int(span.start)
        let end = span.end
        guard span.count >= 6, bytes[start] == 0x61, bytes[start + 1] == 0x72, bytes[start + 2] == 0x6E,
            bytes[start + 3] == 0x3A
        else { return nil }
        var fields = ARNFieldSpans()
        var fieldStart = start + 4
        var index = fieldStart
        var found = 1
        while index < end, found < 5 {
            if bytes[index] == 0x3A {
                let piece = ByteSpan(start: fieldStart, count: index - fieldStart)
                switch found {
                case 1: fields.partition = piece
                case 2: fields.service = piece
                case 3: fields.region = piece
                default: fields.account = piece
                }
                found += 1
                fieldStart = index + 1
            }
            index += 1
        }
        guard found == 5 else { return nil }
        fields.resource = ByteSpan(start: fieldStart, count: end - fieldStart)
        return fields
    }
}

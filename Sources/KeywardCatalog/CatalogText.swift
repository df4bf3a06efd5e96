/// The catalogue's line format, written by `scripts/catalog-generate`.
///
/// One record per line, fields separated by tabs; each service's block starts with its `S` line:
///
/// ```
/// S  prefix  name
/// K  key  type                       condition keys, numbered from 0 within the service
/// R  name  arnFormat  k,k            resource types, numbered from 0; their condition keys by number
/// A  name  level  rows  k,k  deps    level: L R W P T; rows: `r[!][=k,k]` joined by `;` (`!` required);
///                                    k,k: action-level keys; deps: dependent actions joined by `,`
/// ```
///
/// The embedded catalogue puts a directory first instead of `S` lines, so that a service's block is read only
/// when that service is first asked for (issue 14: a policy naming three services parses three blocks, not
/// 445): one `D` line per service, in the order of the blocks that follow them (see ``directory(_:)``):
///
/// ```
/// D  prefix  name  keys  resources  actions  bytes    counts of the block's K, R and A lines; its length
/// ```
///
/// Numbers instead of repeated names keep the text near 1 MB for 20,000 actions. Every number is checked
/// when its block is read, so reading a record later cannot fail.
enum CatalogText {
    typealias Span = CatalogStorage.Span

    /// One service's records, as its block is read: numbers within the service, checked against what came
    /// before them.
    struct Block {
        var keys: [CatalogStorage.KeyRecord] = []
        var resources: [CatalogStorage.ResourceRecord] = []
        var actions: [CatalogStorage.ActionRecord] = []

        /// Adds the record of a `K`, `R` or `A` line of the service numbered `service`.
        mutating func add(
            _ kind: UInt8, _ fields: [Span], count: Int, text: UnsafeBufferPointer<UInt8>, service: Int32, line: Int
        ) throws(CatalogError) {
            switch kind {
            case UInt8(ascii: "K"):
                guard count == 3, resources.isEmpty, actions.isEmpty else {
                    throw .malformedData(line: line, reason: "misplaced condition key")
                }
                keys.append(CatalogStorage.KeyRecord(name: fields[1], type: fields[2]))
            case UInt8(ascii: "R"):
                guard count == 4, actions.isEmpty else {
                    throw .malformedData(line: line, reason: "misplaced resource type")
                }
                try checkNumbers(text, fields[3], below: keys.count, line: line)
                resources.append(CatalogStorage.ResourceRecord(name: fields[1], arn: fields[2], keys: fields[3]))
            case UInt8(ascii: "A"):
                guard count == 6 else { throw .malformedData(line: line, reason: "expected 6 fields") }
                guard fields[2].count == 1, let level = AccessLevel(code: text[Int(fields[2].start)]) else {
                    throw .malformedData(line: line, reason: "unknown access level")
                }
                try checkRows(text, fields[3], resources: resources.count, keys: keys.count, line: line)
                try checkNumbers(text, fields[4], below: keys.count, line: line)
                actions.append(
                    CatalogStorage.ActionRecord(
                        service: service, name: fields[1], level: level, rows: fields[3], keys: fields[4],
                        dependents: fields[5]))
            default:
                throw .malformedData(line: line, reason: "unknown record type")
            }
        }
    }

    /// Splits the line that starts at `start` into at most `fields.count` tab-separated fields, without
    /// allocating.
    ///
    /// - Returns: the number of fields and where the next line starts.
    static func split(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into fields: inout [Span], line: Int
    ) throws(CatalogError) -> (count: Int, next: Int) {
        var count = 0
        var fieldStart = start
        var index = start
        while index < end, text[index] != UInt8(ascii: "\n") {
            if text[index] == UInt8(ascii: "\t") {
                guard count < fields.count - 1 else { throw .malformedData(line: line, reason: "too many fields") }
                fields[count] = Span(start: Int32(fieldStart), end: Int32(index))
                count += 1
                fieldStart = index + 1
            }
            index += 1
        }
        fields[count] = Span(start: Int32(fieldStart), end: Int32(index))
        guard fields[0].count == 1 else { throw .malformedData(line: line, reason: "no record type") }
        return (count + 1, index + 1)
    }

    /// Reads a whole catalogue of `S` blocks (what tests build; the embedded one has a directory instead).
    static func index(
        _ text: UnsafeBufferPointer<UInt8>
    ) throws(CatalogError) -> (
        [CatalogStorage.ServiceRecord], [CatalogStorage.KeyRecord], [CatalogStorage.ResourceRecord],
        [CatalogStorage.ActionRecord]
    ) {
        guard text.count < Int(Int32.max) else { throw .malformedData(line: 0, reason: "too large") }
        var services: [CatalogStorage.ServiceRecord] = []
        var keys: [CatalogStorage.KeyRecord] = []
        var resources: [CatalogStorage.ResourceRecord] = []
        var actions: [CatalogStorage.ActionRecord] = []
        var block = Block()
        func flush() {
            guard let last = services.indices.last else { return }
            let k = Int32(keys.count)
            let r = Int32(resources.count)
            let a = Int32(actions.count)
            services[last].keys = k..<k + Int32(block.keys.count)
            services[last].resources = r..<r + Int32(block.resources.count)
            services[last].actions = a..<a + Int32(block.actions.count)
            keys += block.keys
            resources += block.resources
            actions += block.actions
            block = Block()
        }
        var line = 0
        var start = 0
        var fields = [Span](repeating: Span(start: 0, end: 0), count: 6)
        while start < text.count {
            line += 1
            let (count, next) = try split(text, from: start, to: text.count, into: &fields, line: line)
            start = next
            let kind = text[Int(fields[0].start)]
            if kind == UInt8(ascii: "S") {
                guard count == 3 else { throw .malformedData(line: line, reason: "expected 3 fields") }
                flush()
                services.append(
                    CatalogStorage.ServiceRecord(
                        prefix: fields[1], name: fields[2], keys: 0..<0, resources: 0..<0, actions: 0..<0,
                        block: Span(start: 0, end: 0), firstLine: 0))
                continue
            }
            guard let last = services.indices.last else { throw .malformedData(line: line, reason: "no service") }
            try block.add(kind, fields, count: count, text: text, service: Int32(last), line: line)
        }
        flush()
        return (services, keys, resources, actions)
    }

    /// Reads one service's block of the embedded catalogue, checking it holds what its directory line says.
    ///
    /// - Parameters:
    ///   - service: the service's directory record.
    ///   - number: its position in the directory.
    static func block(
        _ text: UnsafeBufferPointer<UInt8>, of service: CatalogStorage.ServiceRecord, number: Int
    ) throws(CatalogError) -> Block {
        var block = Block()
        var line = Int(service.firstLine)
        var start = Int(service.block.start)
        let end = Int(service.block.end)
        var fields = [Span](repeating: Span(start: 0, end: 0), count: 6)
        while start < end {
            let (count, next) = try split(text, from: start, to: end, into: &fields, line: line)
            start = next
            try block.add(
                text[Int(fields[0].start)], fields, count: count, text: text, service: Int32(number), line: line)
            line += 1
        }
        guard block.keys.count == service.keys.count, block.resources.count == service.resources.count,
            block.actions.count == service.actions.count
        else { throw .malformedData(line: Int(service.firstLine), reason: "block does not match its directory line") }
        return block
    }

    /// `r[!][=k,k]` items joined by `;`.
    private static func checkRows(
        _ text: UnsafeBufferPointer<UInt8>, _ span: Span, resources: Int, keys: Int, line: Int
    ) throws(CatalogError) {
        guard !span.isEmpty else { return }
        var itemStart = span.start
        var index = span.start
        while index <= span.end {
            if index == span.end || text[Int(index)] == UInt8(ascii: ";") {
                var head = Span(start: itemStart, end: index)
                var rowKeys = Span(start: index, end: index)
                if let equals = (itemStart..<index).first(where: { text[Int($0)] == UInt8(ascii: "=") }) {
                    head.end = equals
                    rowKeys = Span(start: equals + 1, end: index)
                    guard !rowKeys.isEmpty else { throw .malformedData(line: line, reason: "bad resource row") }
                }
                if head.count > 1, text[Int(head.end) - 1] == UInt8(ascii: "!") { head.end -= 1 }
                guard !head.isEmpty, !(head.start..<head.end).contains(where: { text[Int($0)] == UInt8(ascii: ",") })
                else { throw .malformedData(line: line, reason: "bad resource row") }
                try checkNumbers(text, head, below: resources, line: line)
                try checkNumbers(text, rowKeys, below: keys, line: line)
                itemStart = index + 1
            }
            index += 1
        }
    }

    /// Comma-separated decimal indices, each below `limit` (an empty span is an empty list).
    static func checkNumbers(
        _ text: UnsafeBufferPointer<UInt8>, _ span: Span, below limit: Int, line: Int
    ) throws(CatalogError) {
        guard !span.isEmpty else { return }
        var value = 0
        var digits = 0
        for offset in Int(span.start)...Int(span.end) {
            let byte = offset == Int(span.end) ? UInt8(ascii: ",") : text[offset]
            if byte == UInt8(ascii: ",") {
                guard digits > 0, value < limit else { throw .malformedData(line: line, reason: "bad index") }
                value = 0
                digits = 0
            } else if byte >= 0x30, byte <= 0x39, digits < 9 {
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            } else {
                throw .malformedData(line: line, reason: "bad index")
            }
        }
    }
}

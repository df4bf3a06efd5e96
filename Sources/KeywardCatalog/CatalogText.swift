/// The catalogue's line format, written by `scripts/catalog-generate` and indexed here once, on first use.
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
/// Numbers instead of repeated names keep the text near 1 MB for 20,000 actions. Every number is checked
/// here, so reading a record later cannot fail.
enum CatalogText {
    typealias Span = CatalogStorage.Span

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
        actions.reserveCapacity(text.count / 48)
        var line = 0
        var start = 0
        var fields = [Span](repeating: Span(start: 0, end: 0), count: 6)
        while start < text.count {
            line += 1
            // Split the line into at most six tab-separated fields without allocating.
            var count = 0
            var fieldStart = start
            var index = start
            while index < text.count, text[index] != UInt8(ascii: "\n") {
                if text[index] == UInt8(ascii: "\t") {
                    guard count < 5 else { throw .malformedData(line: line, reason: "too many fields") }
                    fields[count] = Span(start: Int32(fieldStart), end: Int32(index))
                    count += 1
                    fieldStart = index + 1
                }
                index += 1
            }
            fields[count] = Span(start: Int32(fieldStart), end: Int32(index))
            count += 1
            start = index + 1
            guard fields[0].count == 1 else { throw .malformedData(line: line, reason: "no record type") }
            let kind = text[Int(fields[0].start)]
            if kind == UInt8(ascii: "S") {
                guard count == 3 else { throw .malformedData(line: line, reason: "expected 3 fields") }
                let k = Int32(keys.count)
                let r = Int32(resources.count)
                let a = Int32(actions.count)
                services.append(
                    CatalogStorage.ServiceRecord(
                        prefix: fields[1], name: fields[2], keys: k..<k, resources: r..<r, actions: a..<a))
                continue
            }
            guard let last = services.indices.last else { throw .malformedData(line: line, reason: "no service") }
            let service = services[last]
            let keyCount = service.keys.count
            switch kind {
            case UInt8(ascii: "K"):
                guard count == 3, service.resources.isEmpty, service.actions.isEmpty else {
                    throw .malformedData(line: line, reason: "misplaced condition key")
                }
                keys.append(CatalogStorage.KeyRecord(name: fields[1], type: fields[2]))
                services[last].keys = service.keys.lowerBound..<Int32(keys.count)
            case UInt8(ascii: "R"):
                guard count == 4, service.actions.isEmpty else {
                    throw .malformedData(line: line, reason: "misplaced resource type")
                }
                try checkNumbers(text, fields[3], below: keyCount, line: line)
                resources.append(CatalogStorage.ResourceRecord(name: fields[1], arn: fields[2], keys: fields[3]))
                services[last].resources = service.resources.lowerBound..<Int32(resources.count)
            case UInt8(ascii: "A"):
                guard count == 6 else { throw .malformedData(line: line, reason: "expected 6 fields") }
                guard fields[2].count == 1, let level = AccessLevel(code: text[Int(fields[2].start)]) else {
                    throw .malformedData(line: line, reason: "unknown access level")
                }
                try checkRows(text, fields[3], resources: service.resources.count, keys: keyCount, line: line)
                try checkNumbers(text, fields[4], below: keyCount, line: line)
                actions.append(
                    CatalogStorage.ActionRecord(
                        service: Int32(last), name: fields[1], level: level, rows: fields[3], keys: fields[4],
                        dependents: fields[5]))
                services[last].actions = service.actions.lowerBound..<Int32(actions.count)
            default:
                throw .malformedData(line: line, reason: "unknown record type")
            }
        }
        return (services, keys, resources, actions)
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
    private static func checkNumbers(
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
            } else if byte >= 0x30, byte <= 0x39, digits < 6 {
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            } else {
                throw .malformedData(line: line, reason: "bad index")
            }
        }
    }
}

extension CatalogText {
    /// Reads the embedded catalogue's directory: one `D` line per service, then the services' blocks in the
    /// same order. Only the directory is read here (about 20 KB of the 1 MB): each block is found from the
    /// lengths before it and read when its service is first used.
    ///
    /// - Returns: the services with their key, resource and action numbers across the catalogue and where
    ///   their blocks lie; `nil` when the text has no directory (a catalogue of `S` blocks).
    /// - Throws: ``CatalogError/malformedData(line:reason:)`` for a damaged directory or lengths that run past
    ///   the text.
    static func directory(_ text: UnsafeBufferPointer<UInt8>) throws(CatalogError) -> [CatalogStorage.ServiceRecord]? {
        guard text.count < Int(Int32.max) else { throw .malformedData(line: 0, reason: "too large") }
        guard text.first == UInt8(ascii: "D") else { return nil }
        var services: [CatalogStorage.ServiceRecord] = []
        var lengths: [Int] = []
        var fields = [Span](repeating: Span(start: 0, end: 0), count: 7)
        var start = 0
        var line = 0
        var totals = (keys: Int32(0), resources: Int32(0), actions: Int32(0))
        while start < text.count, text[start] == UInt8(ascii: "D") {
            line += 1
            let (count, next) = try split(text, from: start, to: text.count, into: &fields, line: line)
            start = next
            guard count == 7 else { throw .malformedData(line: line, reason: "expected 7 fields") }
            var numbers: [Int32] = []
            for field in 3..<7 { numbers.append(try number(text, fields[field], line: line)) }
            services.append(
                CatalogStorage.ServiceRecord(
                    prefix: fields[1], name: fields[2], keys: totals.keys..<totals.keys + numbers[0],
                    resources: totals.resources..<totals.resources + numbers[1],
                    actions: totals.actions..<totals.actions + numbers[2], block: Span(start: 0, end: 0), firstLine: 0
                ))
            lengths.append(Int(numbers[3]))
            totals = (totals.keys + numbers[0], totals.resources + numbers[1], totals.actions + numbers[2])
        }
        var offset = start
        var firstLine = line + 1
        for index in services.indices {
            guard offset + lengths[index] <= text.count else {
                throw .malformedData(line: index + 1, reason: "block runs past the text")
            }
            services[index].block = Span(start: Int32(offset), end: Int32(offset + lengths[index]))
            services[index].firstLine = Int32(firstLine)
            offset += lengths[index]
            firstLine +=
                services[index].keys.count + services[index].resources.count + services[index].actions.count
        }
        guard offset == text.count else { throw .malformedData(line: firstLine, reason: "text after the last block") }
        return services
    }

    /// A decimal number of at most nine digits.
    private static func number(
        _ text: UnsafeBufferPointer<UInt8>, _ span: Span, line: Int
    ) throws(CatalogError) -> Int32 {
        guard !span.isEmpty, span.count <= 9 else { throw .malformedData(line: line, reason: "bad count") }
        var value: Int32 = 0
        for offset in Int(span.start)..<Int(span.end) {
            let byte = text[offset]
            guard byte >= 0x30, byte <= 0x39 else { throw .malformedData(line: line, reason: "bad count") }
            value = value * 10 + Int32(byte - 0x30)
        }
        return value
    }
}

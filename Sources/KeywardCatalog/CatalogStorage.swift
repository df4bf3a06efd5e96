/// The parsed catalogue: where each field lies in the text, and nothing else. Names, key lists and resource
/// rows are decoded from the bytes only when a caller reads them, and a wildcard runs over bytes in place.
///
/// The embedded catalogue is read one service at a time (issue 14): its directory is read up front, and a
/// service's block when the service is first used, so validating a policy parses only the services it
/// names. Every service's numbers (the ranges of `keys`, `resources` and `actions` it owns) are known from
/// the directory, so an index never changes once handed out.
///
/// - Warning: `bytes` must never change or be freed while the storage lives. A record may be read only for a
///   service ``load(_:)`` has returned for; every view (`CatalogService`, `CatalogAction`) does so.
import Synchronization

final class CatalogStorage: @unchecked Sendable {
    // @unchecked: `bytes` is either the binary's read-only data (the embedded catalogue) or a copy this object
    // owns and frees in `deinit`; nothing mutates it. The record buffers are written only under `loaded`'s
    // lock, each service's slice once, before `load` returns for it; a slice is read only after that (the
    // lock's release and acquire order the writes before the reads). Everything else is a constant or a Mutex.
    let bytes: UnsafeBufferPointer<UInt8>
    private let owned: UnsafeMutableBufferPointer<UInt8>?
    let services: [ServiceRecord]
    private let keyBuffer: UnsafeMutableBufferPointer<KeyRecord>
    private let resourceBuffer: UnsafeMutableBufferPointer<ResourceRecord>
    private let actionBuffer: UnsafeMutableBufferPointer<ActionRecord>
    /// Which services' blocks have been read (all of them for a catalogue of `S` blocks).
    private let loaded: Mutex<[Bool]>
    /// Each service's parsed ARN formats, filled on first use: a linter compares thousands of resources with
    /// them.
    let arnFormats = Mutex<[Int: [(name: String, format: ARNFormat)]]>([:])

    var keys: UnsafeBufferPointer<KeyRecord> { UnsafeBufferPointer(keyBuffer) }
    var resources: UnsafeBufferPointer<ResourceRecord> { UnsafeBufferPointer(resourceBuffer) }
    var actions: UnsafeBufferPointer<ActionRecord> { UnsafeBufferPointer(actionBuffer) }

    /// A byte range of the text.
    struct Span: Equatable {
        var start: Int32
        var end: Int32
        var isEmpty: Bool { start == end }
        var count: Int { Int(end - start) }
    }

    struct ServiceRecord {
        var prefix: Span
        var name: Span
        var keys: Range<Int32>
        var resources: Range<Int32>
        var actions: Range<Int32>
        /// The service's K, R and A lines (empty for a catalogue of `S` blocks, read whole).
        var block: Span
        /// The line number of the block's first line, for errors.
        var firstLine: Int32
    }

    struct KeyRecord {
        var name: Span
        var type: Span
    }

    struct ResourceRecord {
        var name: Span
        var arn: Span
        var keys: Span
    }

    struct ActionRecord {
        var service: Int32
        var name: Span
        var level: AccessLevel
        var rows: Span
        var keys: Span
        var dependents: Span
    }

    /// Indexes static text (the embedded catalogue): its directory now, each block on first use.
    convenience init(static bytes: UnsafeBufferPointer<UInt8>) throws(CatalogError) {
        try self.init(bytes: bytes, owned: nil)
    }

    /// Indexes a copy of `text`.
    convenience init(copying text: String) throws(CatalogError) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(text.utf8.count, 1))
        _ = copy.initialize(from: text.utf8)
        do {
            try self.init(bytes: UnsafeBufferPointer(rebasing: copy[0..<text.utf8.count]), owned: copy)
        } catch {
            copy.deallocate()
            throw error
        }
    }

    deinit {
        owned?.deallocate()
        keyBuffer.deallocate()
        resourceBuffer.deallocate()
        actionBuffer.deallocate()
    }

    /// Reads the directory (or the whole text when it has none) and sizes the record buffers. Everything that
    /// can throw runs before a property is set, so a failure frees nothing twice.
    private init(bytes: UnsafeBufferPointer<UInt8>, owned: UnsafeMutableBufferPointer<UInt8>?) throws(CatalogError) {
        self.bytes = bytes
        self.owned = owned
        if let directory = try CatalogText.directory(bytes) {
            services = directory
            keyBuffer = .allocate(capacity: Int(directory.last?.keys.upperBound ?? 0))
            resourceBuffer = .allocate(capacity: Int(directory.last?.resources.upperBound ?? 0))
            actionBuffer = .allocate(capacity: Int(directory.last?.actions.upperBound ?? 0))
            loaded = Mutex([Bool](repeating: false, count: directory.count))
            return
        }
        let (services, keys, resources, actions) = try CatalogText.index(bytes)
        self.services = services
        keyBuffer = .allocate(capacity: keys.count)
        _ = keyBuffer.initialize(from: keys)
        resourceBuffer = .allocate(capacity: resources.count)
        _ = resourceBuffer.initialize(from: resources)
        actionBuffer = .allocate(capacity: actions.count)
        _ = actionBuffer.initialize(from: actions)
        loaded = Mutex([Bool](repeating: true, count: services.count))
    }

    /// Reads service `index`'s block unless it has been read; afterwards its records may be read.
    ///
    /// A damaged block (a build defect: `ServiceCatalog.verify()` in the tests reads every block) leaves the
    /// service with records of empty names rather than stopping the program.
    func load(_ index: Int) {
        _ = try? loadChecked(index)
    }

    /// ``load(_:)``, reporting a damaged block.
    func loadChecked(_ index: Int) throws(CatalogError) {
        try loaded.withLock { (flags: inout [Bool]) throws(CatalogError) in
            guard !flags[index] else { return }
            flags[index] = true
            let service = services[index]
            let empty = Span(start: 0, end: 0)
            let block: CatalogText.Block
            do throws(CatalogError) {
                block = try CatalogText.block(bytes, of: service, number: index)
            } catch {
                initialize(keyBuffer, service.keys, with: [], placeholder: KeyRecord(name: empty, type: empty))
                initialize(
                    resourceBuffer, service.resources, with: [],
                    placeholder: ResourceRecord(name: empty, arn: empty, keys: empty))
                initialize(
                    actionBuffer, service.actions, with: [],
                    placeholder: ActionRecord(
                        service: Int32(index), name: empty, level: .read, rows: empty, keys: empty, dependents: empty))
                throw error
            }
            initialize(keyBuffer, service.keys, with: block.keys, placeholder: nil)
            initialize(resourceBuffer, service.resources, with: block.resources, placeholder: nil)
            initialize(actionBuffer, service.actions, with: block.actions, placeholder: nil)
        }
    }

    /// Reads every block.
    func loadAll() {
        for index in services.indices { load(index) }
    }

    /// The service that owns action number `action`.
    func service(ofAction action: Int) -> Int {
        var low = 0
        var high = services.count
        while low + 1 < high {
            let middle = (low + high) / 2
            if Int(services[middle].actions.lowerBound) <= action { low = middle } else { high = middle }
        }
        return low
    }

    private func initialize<Record>(
        _ buffer: UnsafeMutableBufferPointer<Record>, _ range: Range<Int32>, with records: [Record],
        placeholder: Record?
    ) {
        guard !range.isEmpty else { return }
        let slice = UnsafeMutableBufferPointer(rebasing: buffer[Int(range.lowerBound)..<Int(range.upperBound)])
        if let placeholder {
            slice.initialize(repeating: placeholder)
        } else {
            _ = slice.initialize(from: records)
        }
    }

    func string(_ span: Span) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.end)]), as: UTF8.self)
    }

    func slice(_ span: Span) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.end)])
    }

    /// The index in `range` whose name equals `target` case-insensitively, by binary search: services and
    /// each service's actions are stored sorted by `ASCIIFold`.
    /// - Parameters:
    ///   - target: the name's UTF-8 bytes.
    ///   - range: the sorted records to search.
    ///   - name: the name of the record at an index.
    func index(of target: [UInt8], in range: Range<Int>, name: (Int) -> Span) -> Int? {
        var low = range.lowerBound
        var high = range.upperBound
        while low < high {
            let middle = (low + high) / 2
            switch ASCIIFold.compare(slice(name(middle)), target) {
            case .orderedSame: return middle
            case .orderedAscending: low = middle + 1
            case .orderedDescending: high = middle
            }
        }
        return nil
    }

    /// The comma-separated indices of a span (checked when the text was indexed).
    func numbers(_ span: Span) -> [Int] {
        var result: [Int] = []
        var value = 0
        for byte in slice(span) {
            if byte == UInt8(ascii: ",") {
                result.append(value)
                value = 0
            } else {
                value = value * 10 + Int(byte &- 0x30)
            }
        }
        if !span.isEmpty { result.append(value) }
        return result
    }

    /// The parts of a span between separators.
    func parts(_ span: Span, _ separator: UInt8) -> [Span] {
        guard !span.isEmpty else { return [] }
        var result: [Span] = []
        var start = span.start
        var index = span.start
        while index < span.end {
            if bytes[Int(index)] == separator {
                result.append(Span(start: start, end: index))
                start = index + 1
            }
            index += 1
        }
        result.append(Span(start: start, end: span.end))
        return result
    }
}

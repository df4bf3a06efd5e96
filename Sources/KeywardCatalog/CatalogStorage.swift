/// The parsed catalogue: one scan of the text records where each field lies, and nothing else. Names,
/// key lists and resource rows are decoded from the bytes only when a caller reads them, so the whole
/// catalogue of 20,000 actions is ready in about a millisecond and a wildcard runs over bytes in place.
///
/// - Warning: `bytes` must never change or be freed while the storage lives.
import Synchronization

final class CatalogStorage: @unchecked Sendable {
    // @unchecked: every property but `arnFormats` (a Mutex) is a constant set in `init`, and `bytes` is either the binary's read-only
    // data (the embedded catalogue) or a copy this object owns and frees in `deinit`; nothing mutates either.
    let bytes: UnsafeBufferPointer<UInt8>
    private let owned: UnsafeMutableBufferPointer<UInt8>?
    let services: [ServiceRecord]
    let keys: [KeyRecord]
    let resources: [ResourceRecord]
    let actions: [ActionRecord]
    /// Each service's parsed ARN formats, filled on first use: a linter compares thousands of resources with
    /// them. The one mutable part, behind its lock.
    let arnFormats = Mutex<[Int: [(name: String, format: ARNFormat)]]>([:])

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

    /// Indexes static text (the embedded catalogue).
    init(static bytes: UnsafeBufferPointer<UInt8>) throws(CatalogError) {
        self.bytes = bytes
        self.owned = nil
        (services, keys, resources, actions) = try CatalogText.index(bytes)
    }

    /// Indexes a copy of `text`.
    init(copying text: String) throws(CatalogError) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(text.utf8.count, 1))
        _ = copy.initialize(from: text.utf8)
        let bytes = UnsafeBufferPointer(rebasing: copy[0..<text.utf8.count])
        self.bytes = bytes
        self.owned = copy
        do {
            (services, keys, resources, actions) = try CatalogText.index(bytes)
        } catch {
            copy.deallocate()
            throw error
        }
    }

    deinit { owned?.deallocate() }

    func string(_ span: Span) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.end)]), as: UTF8.self)
    }

    func slice(_ span: Span) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[Int(span.start)..<Int(span.end)])
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

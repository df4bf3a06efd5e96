/// Scratch byte for empty buffers, so views always have a base address.
nonisolated(unsafe) private let emptyByte = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
nonisolated(unsafe) private let emptyEntry = UnsafeMutablePointer<ContextEntry>.allocate(capacity: 1)
nonisolated(unsafe) private let emptyValue = UnsafeMutablePointer<ContextValue>.allocate(capacity: 1)

/// A request seen through unsafe pointers, valid only inside ``EvaluationRequest/withView(_:)``.
struct RequestView {
    let bytes: UnsafePointer<UInt8>
    let entries: UnsafeBufferPointer<ContextEntry>
    let values: UnsafePointer<ContextValue>
    let action: ByteSpan
    let serviceHash: UInt64
    let resource: ByteSpan
    let resourceFields: ARNFieldSpans?
    let principalKind: PrincipalKind
    let principal: ByteSpan
    let entity: ByteSpan
    let account: ByteSpan

    /// The entry for a lowercased key (`key` points into `keyBytes`), or `nil`.
    @inline(__always)
    func entry(hash: UInt64, key: ByteSpan, keyBytes: UnsafePointer<UInt8>) -> ContextEntry? {
        for entry in entries where entry.keyHash == hash && entry.key.count == key.count {
            if bytesEqual(bytes + Int(entry.key.start), keyBytes + Int(key.start), Int(key.count)) { return entry }
        }
        return nil
    }

    @inline(__always)
    func equal(_ span: ByteSpan, _ other: UnsafePointer<UInt8>, _ otherSpan: ByteSpan) -> Bool {
        span.count == otherSpan.count
            && bytesEqual(bytes + Int(span.start), other + Int(otherSpan.start), Int(span.count))
    }
}

extension EvaluationRequest {
    /// Runs `body` with pointers into this request's storage.
    @inline(__always)
    func withView<R>(_ body: (RequestView) -> R) -> R {
        bytes.withUnsafeBufferPointer { byteBuffer in
            entries.withUnsafeBufferPointer { entryBuffer in
                values.withUnsafeBufferPointer { valueBuffer in
                    body(
                        RequestView(
                            bytes: byteBuffer.baseAddress ?? UnsafePointer(emptyByte),
                            entries: entryBuffer.baseAddress == nil
                                ? UnsafeBufferPointer(start: UnsafePointer(emptyEntry), count: 0) : entryBuffer,
                            values: valueBuffer.baseAddress ?? UnsafePointer(emptyValue),
                            action: actionLowered, serviceHash: serviceHash, resource: resourceText,
                            resourceFields: resourceFields, principalKind: principalKind, principal: principalText,
                            entity: entityText, account: accountText))
                }
            }
        }
    }
}

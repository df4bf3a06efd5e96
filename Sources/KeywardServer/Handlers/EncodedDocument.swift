import Foundation
import Hummingbird
import Synchronization

/// The last JSON document a handler sent, kept encoded: credentials change a few times an hour while clients
/// may ask thousands of times a second, so each change is encoded (and its dates formatted) once.
final class EncodedDocument: Sendable {
    /// What a document depends on: the credentials and the expiry reported for them, to the second.
    struct Key: Equatable, Sendable {
        let served: ServedCredentials
        let reportedExpiration: Date

        init(_ served: ServedCredentials, now: Date) {
            self.served = served
            self.reportedExpiration = Date(
                timeIntervalSince1970: served.reportedExpiration(now: now).timeIntervalSince1970.rounded(.down))
        }
    }

    private let last = Mutex<(key: Key, body: ByteBuffer)?>(nil)

    /// A 200 response with the document `make` builds, as sorted-key JSON; `make` runs only when `key` differs
    /// from the last one.
    func response(for key: Key, _ make: (Key) -> some Encodable) throws -> Response {
        let body: ByteBuffer
        if let cached = last.withLock({ $0 }), cached.key == key {
            body = cached.body
        } else {
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            body = ByteBuffer(data: try encoder.encode(make(key)))
            last.withLock { $0 = (key, body) }
        }
        return Response(
            status: .ok, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: body))
    }
}

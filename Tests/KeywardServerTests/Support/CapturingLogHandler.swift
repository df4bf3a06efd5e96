import Logging
import Synchronization

/// A swift-log handler that keeps every record, to assert on what the server logs.
struct CapturingLogHandler: LogHandler {
    /// One log call: level, message and metadata, flattened to text.
    struct Record: Sendable {
        let level: Logger.Level
        let message: String
        let metadata: [String: String]
        /// Everything in the record as one string, to search for secrets.
        var text: String { "\(level) \(message) \(metadata.sorted { $0.key < $1.key })" }
    }

    final class Store: Sendable {
        private let records = Mutex<[Record]>([])
        var all: [Record] { records.withLock { $0 } }
        func append(_ record: Record) { records.withLock { $0.append(record) } }
    }

    let store: Store
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    init(store: Store) {
        self.store = store
    }

    /// A logger at `trace` level writing into a new store.
    static func logger() -> (Logger, Store) {
        let store = Store()
        return (Logger(label: "test") { _ in CapturingLogHandler(store: store) }, store)
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var merged = metadata
        if let extra = event.metadata { merged.merge(extra) { _, new in new } }
        store.append(
            Record(
                level: event.level, message: "\(event.message)",
                metadata: merged.mapValues { "\($0)" }))
    }
}

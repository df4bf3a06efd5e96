extension CredentialServer {
    /// Limits and refresh timing of a ``CredentialServer``; the defaults suit `exec` and `serve`.
    public struct Options: Sendable, Equatable {
        /// Held credentials that expire within this are refreshed before being served: 5 minutes by default,
        /// under the 15 minutes of STS's shortest session, so fresh credentials always satisfy it.
        public var minimumValidity: Duration
        /// After a failed refresh, requests are answered 503 at once for this long instead of asking the source
        /// again (5 seconds by default).
        public var failureBackoff: Duration
        /// A request must arrive in full within this, counted from connecting or from the previous response:
        /// 10 seconds by default. Idle keep-alive connections are closed after it too.
        public var requestTimeout: Duration
        /// The largest request header block and single header field accepted; larger ones, like requests with
        /// more than 100 header fields, are answered 400 and the connection closed. 16 KiB by default.
        public var maximumHeaderBytes: Int
        /// The largest request body accepted; larger ones are answered 413. 1 KiB by default (no route takes
        /// a body).
        public var maximumBodyBytes: Int

        /// - Parameters:
        ///   - minimumValidity: Refresh threshold; at least zero.
        ///   - failureBackoff: Pause after a failed refresh; at least zero.
        ///   - requestTimeout: Time allowed for a whole request; positive.
        ///   - maximumHeaderBytes: Header block limit; positive.
        ///   - maximumBodyBytes: Body limit; at least zero.
        public init(
            minimumValidity: Duration = .seconds(300), failureBackoff: Duration = .seconds(5),
            requestTimeout: Duration = .seconds(10), maximumHeaderBytes: Int = 16 * 1024,
            maximumBodyBytes: Int = 1024
        ) {
            self.minimumValidity = minimumValidity
            self.failureBackoff = failureBackoff
            self.requestTimeout = requestTimeout
            self.maximumHeaderBytes = maximumHeaderBytes
            self.maximumBodyBytes = maximumBodyBytes
        }
    }
}

extension Duration {
    /// The duration in seconds, for arithmetic with `Date`.
    var timeInterval: Double {
        let parts = components
        return Double(parts.seconds) + Double(parts.attoseconds) / 1e18
    }
}

import Foundation
import Synchronization

/// A clock tests move by hand, so tokens, sessions and credentials expire without waiting: the one test
/// clock of every suite.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    /// A clock showing `start`.
    public init(_ start: Date = Date(timeIntervalSince1970: 1_800_000_000)) {
        current = Mutex(start)
    }

    /// The current time, to pass as a `now` closure.
    @Sendable public func now() -> Date {
        current.withLock { $0 }
    }

    /// Moves the clock forward.
    public func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }

    /// Sets the clock.
    public func set(_ date: Date) {
        current.withLock { $0 = date }
    }
}

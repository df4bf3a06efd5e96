import Foundation

/// The one place that reads the process environment; everything below the CLI receives values.
enum ProcessEnvironment {
    /// The environment of this process as a dictionary.
    static func current() -> [String: String] {
        ProcessInfo.processInfo.environment
    }
}

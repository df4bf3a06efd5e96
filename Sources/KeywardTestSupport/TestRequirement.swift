import Foundation

/// Whether a test that needs a backend, a tool or a binary may skip when it is missing. On a developer's
/// machine it skips and says why; under `CI=true` it never skips, so a missing backend fails the run
/// instead of passing it quietly with the test left out.
public enum TestRequirement {
    /// Whether this run is CI (`CI=true`, as `.ci/run` and the common CI services set it).
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// `reason` off CI, `nil` (run the test) under CI.
    /// - Parameter reason: why the test cannot run here, or `nil` when it can.
    public static func skipReason(_ reason: String?) -> String? {
        isCI ? nil : reason
    }

    /// Whether the test runs: always under CI, else when `available`.
    public static func runs(_ available: Bool) -> Bool {
        isCI || available
    }
}

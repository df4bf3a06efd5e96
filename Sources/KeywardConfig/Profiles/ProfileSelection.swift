/// Which profile a command acts on, and what chose it.
public struct ProfileSelection: Sendable, Equatable {
    /// What chose the profile.
    public enum Reason: Sendable, Equatable {
        /// The command line named it.
        case argument
        /// An environment variable named it (`AWS_DEFAULT_PROFILE` or `AWS_PROFILE`).
        case environment(String)
        /// Nothing named one, so it is `default`.
        case implicitDefault
    }

    /// The profile name.
    public var name: String
    /// What chose it.
    public var reason: Reason

    /// Creates a selection.
    public init(name: String, reason: Reason) {
        self.name = name
        self.reason = reason
    }
}

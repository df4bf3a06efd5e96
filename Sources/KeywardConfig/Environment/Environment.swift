/// The environment variables Keyward acts on, as a value.
///
/// The CLI builds one from the process environment and passes it down; library code never reads the process
/// environment itself, and tests build one from a dictionary literal:
///
/// ```swift
/// let environment: Environment = ["HOME": "/tmp/home", "AWS_PROFILE": "dev"]
/// let paths = ConfigPaths(environment: environment)
/// ```
///
/// Variables that are set but empty count as unset (`AWS_PROFILE=` does not name a profile ""), as aws-vault
/// treats them.
public struct Environment: Sendable, Equatable, ExpressibleByDictionaryLiteral, CustomStringConvertible {
    /// All variables, exactly as given.
    public let variables: [String: String]

    /// Creates an environment from variables.
    /// - Parameter variables: name to value, e.g. the process environment.
    public init(_ variables: [String: String] = [:]) {
        self.variables = variables
    }

    /// Creates an environment from a literal.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The value of a variable when it is set and not empty.
    /// - Parameter name: the variable name, e.g. `AWS_PROFILE`.
    public subscript(name: String) -> String? {
        guard let value = variables[name], !value.isEmpty else { return nil }
        return value
    }

    /// `HOME`, when set and not empty.
    public var home: String? { self["HOME"] }

    /// The first of these variables that is set and not empty.
    /// - Parameter names: variable names in order of precedence.
    /// - Returns: the name and value, or `nil`.
    public func first(of names: [String]) -> (name: String, value: String)? {
        for name in names {
            if let value = self[name] { return (name, value) }
        }
        return nil
    }

    /// Names only: values may be secrets (`AWS_SECRET_ACCESS_KEY`).
    public var description: String {
        "Environment(\(variables.keys.sorted().joined(separator: ", ")))"
    }
}

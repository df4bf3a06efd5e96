import KeywardConfig

/// Parses config text under the name `~/.aws/config`.
func configFile(_ text: String) throws -> ConfigFile {
    try ConfigFile(contents: text, fileName: "~/.aws/config", kind: .config)
}

/// Parses credentials text under the name `~/.aws/credentials`.
func credentialsFile(_ text: String) throws -> ConfigFile {
    try ConfigFile(contents: text, fileName: "~/.aws/credentials", kind: .credentials)
}

/// A resolver over inline fixtures.
func resolver(
    config: String?, credentials: String? = nil, environment: Environment = [:]
) throws
    -> ProfileResolver
{
    ProfileResolver(
        config: try config.map(configFile), credentials: try credentials.map(credentialsFile),
        environment: environment)
}

/// The error a throwing call raised, as `ConfigError`, or `nil` when it did not throw one.
func configError<T>(_ body: () throws -> T) -> ConfigError? {
    do {
        _ = try body()
        return nil
    } catch let error as ConfigError {
        return error
    } catch {
        return nil
    }
}

/// The `key: value` pairs of a section, in order.
func pairs(_ section: ConfigSection?) -> [String] {
    section?.entries.map { "\($0.key)=\($0.value)" } ?? []
}

/// The profiles, sso-sessions and services sections of both files, merged the way botocore's
/// `Session.full_config` merges them.
///
/// - Config file: `[default]` and `[profile NAME]` (and botocore's looser `profileNAME x` spellings); when two
///   sections name the same profile the later one wins whole, as `dict.update` does.
/// - Credentials file: each `[NAME]` is profile `NAME`; its keys are laid over the config file's for the same
///   profile, key by key.
/// - `[DEFAULT]` keys of a file fill every section of that file (configparser's defaults).
struct ProfileCatalog: Sendable {
    /// One profile's raw keys, per file and merged.
    struct Entry: Sendable {
        var configValues: [String: ConfigValue]?
        var credentialsValues: [String: ConfigValue]?
        var merged: [String: ConfigValue]
        var origin: ValueOrigin
    }

    private(set) var profiles: [String: Entry] = [:]
    /// Profile names in the order botocore first meets them (config file, then new ones from credentials).
    private(set) var names: [String] = []
    private(set) var services: [String: [String: ConfigValue]] = [:]
    private(set) var ssoSessions: [String: [String: ConfigValue]] = [:]

    init(config: ConfigFile?, credentials: ConfigFile?) {
        if let config {
            for (section, values) in Self.sections(of: config) {
                switch section.kind {
                case .profile(let name):
                    if profiles[name] == nil { names.append(name) }
                    let origin = ValueOrigin(file: config.fileName, line: section.line)
                    profiles[name] = Entry(configValues: values, credentialsValues: nil, merged: values, origin: origin)
                case .ssoSession(let name): ssoSessions[name] = values
                case .services(let name): services[name] = values
                case .defaults, .other, .ignored: break
                }
            }
        }
        if let credentials {
            for (section, values) in Self.sections(of: credentials) {
                guard case .profile(let name) = section.kind else { continue }
                if var entry = profiles[name] {
                    entry.credentialsValues = values
                    entry.merged.merge(values) { _, fromCredentials in fromCredentials }
                    profiles[name] = entry
                } else {
                    names.append(name)
                    let origin = ValueOrigin(file: credentials.fileName, line: section.line)
                    profiles[name] = Entry(configValues: nil, credentialsValues: values, merged: values, origin: origin)
                }
            }
        }
    }

    /// Each section other than `[DEFAULT]` with its values, `[DEFAULT]` keys filling the ones it lacks.
    private static func sections(of file: ConfigFile) -> [(ConfigSection, [String: ConfigValue])] {
        var defaults: [String: ConfigValue] = [:]
        for section in file.sections where section.kind == .defaults {
            for entry in section.entries { defaults[entry.key] = value(of: entry, in: file) }
        }
        return file.sections.compactMap { section in
            guard section.kind != .defaults else { return nil }
            var values = defaults
            for entry in section.entries { values[entry.key] = value(of: entry, in: file) }
            return (section, values)
        }
    }

    private static func value(of entry: ConfigEntry, in file: ConfigFile) -> ConfigValue {
        ConfigValue(text: entry.value, nested: entry.nested, origin: ValueOrigin(file: file.fileName, line: entry.line))
    }
}

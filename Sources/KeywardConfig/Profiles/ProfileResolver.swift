import KeywardSystem

/// Finds profiles in `~/.aws/config` and `~/.aws/credentials` and resolves them as the AWS CLI does.
///
/// ```swift
/// let resolver = try ProfileResolver(environment: environment)
/// let resolved = try resolver.resolve("admin")        // nil: AWS_DEFAULT_PROFILE, AWS_PROFILE, "default"
/// resolved.chainNames                                  // ["admin", "jo"]
/// let sts = try resolver.endpointURL(for: .sts, profile: resolved.profile)
/// ```
///
/// Where Keyward departs from botocore 1.43, or adds to it:
/// - aws-vault's `include_profile` is applied (botocore ignores it);
/// - `AWS_REGION` is read before `AWS_DEFAULT_REGION` (AWS CLI v2 and the SDKs do; botocore reads only the
///   latter); empty environment variables count as unset;
/// - a profile resolving to no credentials gives `SourceCredentials.none` rather than an error, since Keyward
///   may store the key itself.
public struct ProfileResolver: Sendable {
    /// The environment used for profile selection, region and endpoints.
    public let environment: Environment
    /// The parsed config file, `nil` when it does not exist.
    public let configFile: ConfigFile?
    /// The parsed credentials file, `nil` when it does not exist.
    public let credentialsFile: ConfigFile?
    let catalog: ProfileCatalog

    /// Uses files already parsed (tests, or a command that has just edited one).
    /// - Parameters:
    ///   - config: the config file, if any.
    ///   - credentials: the credentials file, if any.
    ///   - environment: the environment to read `AWS_*` variables from.
    public init(config: ConfigFile?, credentials: ConfigFile?, environment: Environment) {
        self.environment = environment
        self.configFile = config
        self.credentialsFile = credentials
        self.catalog = ProfileCatalog(config: config, credentials: credentials)
    }

    /// Reads both files from the given paths; a missing file counts as empty, as for the AWS CLI.
    /// - Parameters:
    ///   - paths: where the files are.
    ///   - environment: the environment to read `AWS_*` variables from.
    /// - Throws: `ConfigError` when a file cannot be read or parsed.
    public init(paths: ConfigPaths, environment: Environment) throws(ConfigError) {
        let config = try ConfigFile.load(
            path: paths.config, displayName: paths.displayName(for: paths.config), kind: .config)
        let credentials = try ConfigFile.load(
            path: paths.credentials, displayName: paths.displayName(for: paths.credentials), kind: .credentials)
        self.init(config: config, credentials: credentials, environment: environment)
    }

    /// Reads both files from where the environment says they are (`ConfigPaths(environment:)`).
    /// - Parameter environment: supplies the paths, `HOME` and the `AWS_*` variables.
    /// - Throws: `ConfigError` when a file cannot be read or parsed.
    public init(environment: Environment) throws(ConfigError) {
        try self.init(paths: ConfigPaths(environment: environment), environment: environment)
    }

    /// Every profile name in either file, config file order first.
    public var profileNames: [String] { catalog.names }

    /// The profile a command acts on: the argument, else `AWS_DEFAULT_PROFILE`, else `AWS_PROFILE`, else
    /// `default`. botocore gives `AWS_DEFAULT_PROFILE` precedence when both are set, and so does this.
    /// - Parameter explicit: the profile named on the command line, if any (an empty name counts as none).
    public func selectProfile(explicit: String?) -> ProfileSelection {
        if let explicit, !explicit.isEmpty { return ProfileSelection(name: explicit, reason: .argument) }
        if let (name, value) = environment.first(of: ["AWS_DEFAULT_PROFILE", "AWS_PROFILE"]) {
            return ProfileSelection(name: value, reason: .environment(name))
        }
        return ProfileSelection(name: "default", reason: .implicitDefault)
    }

    /// A key's raw value for a profile, as `aws configure get KEY --profile NAME` prints it: the credentials
    /// file's value over the config file's, no `include_profile`.
    /// - Parameters:
    ///   - key: the key; compared case-insensitively.
    ///   - name: the profile name.
    /// - Returns: the value, or `nil` when unset, when the profile does not exist, or when the key is a
    ///   secret (`aws_secret_access_key`, `aws_session_token`, `aws_security_token`).
    public func rawValue(forKey key: String, inProfile name: String) -> ConfigValue? {
        let key = key.lowercased()
        guard !ConfigEntry.secretKeys.contains(key) else { return nil }
        return catalog.profiles[name]?.merged[key]
    }

    /// Whether either file defines the profile.
    public func hasProfile(named name: String) -> Bool {
        catalog.profiles[name] != nil
    }

    /// One profile with `include_profile` applied and its fields checked; no chain is followed.
    /// - Parameter name: the profile name.
    /// - Throws: `ConfigError.profileNotFound`, an `include_profile` error, or `.invalidValue` for a field.
    public func profile(named name: String) throws(ConfigError) -> Profile {
        guard let entry = catalog.profiles[name] else {
            throw .profileNotFound(profile: name, files: [configFile, credentialsFile].compactMap { $0?.fileName })
        }
        var values = Self.withoutSecrets(entry.merged)
        var included: [String] = []
        var visited = [name]
        var next = values["include_profile"]
        var includedKeys: [String: String] = [:]
        while let reference = next, !reference.text.isEmpty {
            let includedName = reference.text
            let referrer = visited[visited.count - 1]
            guard !visited.contains(includedName) else {
                throw .includeProfileLoop(
                    chain: visited + [includedName], file: reference.origin.file, line: reference.origin.line)
            }
            guard let includedEntry = catalog.profiles[includedName] else {
                throw .includedProfileNotFound(
                    profile: referrer, included: includedName, file: reference.origin.file,
                    line: reference.origin.line)
            }
            for (key, value) in Self.withoutSecrets(includedEntry.merged) where key != "include_profile" {
                if values[key] == nil {
                    values[key] = value
                    includedKeys[key] = includedName
                }
            }
            included.append(includedName)
            visited.append(includedName)
            next = includedEntry.merged["include_profile"]
        }
        do {
            return try Profile(
                name: name, exists: true, origin: entry.origin, values: values, includedProfiles: included,
                credentialsFileKeys: Self.keyMaterial(entry.credentialsValues),
                configFileKeys: Self.keyMaterial(entry.configValues))
        } catch {
            // A bad value that came in through include_profile names it, or the profile asked for seems
            // to be blamed for a line elsewhere (issue 21, item 14).
            guard case .invalidValue(let file, let line, let key, let reason) = error, let source = includedKeys[key]
            else { throw error }
            throw .invalidValue(
                file: file, line: line, key: key,
                reason: "\(reason) (of profile \"\(source)\", which include_profile brings into \"\(name)\")")
        }
    }

    /// The keys of an `[sso-session NAME]` section of the config file.
    /// - Parameter name: the session name.
    public func ssoSession(named name: String) -> [String: ConfigValue]? {
        catalog.ssoSessions[name]
    }

    /// The keys of a `[services NAME]` section of the config file (per-service settings are `nested`).
    /// - Parameter name: the services section name.
    public func servicesSection(named name: String) -> [String: ConfigValue]? {
        catalog.services[name]
    }

    private static func withoutSecrets(_ values: [String: ConfigValue]) -> [String: ConfigValue] {
        values.filter { !ConfigEntry.secretKeys.contains($0.key) }
    }

    /// What one file's section holds of a static key, as botocore's shared-credentials and config providers
    /// read it (the session token may be spelled `aws_session_token` or `aws_security_token`).
    private static func keyMaterial(_ values: [String: ConfigValue]?) -> Profile.KeyMaterial {
        guard let values else { return .none }
        let secret = values["aws_secret_access_key"]
        guard let id = values["aws_access_key_id"] else { return secret == nil ? .none : .secretOnly }
        guard let secret else { return .partial(id.origin) }
        let token = values["aws_session_token"] ?? values["aws_security_token"]
        return .complete(
            StaticCredentials(
                accessKeyID: id.text, secretAccessKey: SecretString(secret.text),
                sessionToken: token.map { SecretString($0.text) }, origin: id.origin))
    }
}

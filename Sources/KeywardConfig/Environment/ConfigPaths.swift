/// Where the AWS config and credentials files are, as the AWS CLI finds them.
///
/// `AWS_CONFIG_FILE` else `~/.aws/config`, and `AWS_SHARED_CREDENTIALS_FILE` else `~/.aws/credentials`.
/// Like botocore, `$VAR` and `${VAR}` are expanded first (from the given `Environment`; unknown ones stay as
/// written), then a leading `~` becomes `HOME`.
public struct ConfigPaths: Sendable, Equatable {
    /// What `keyward import --scrub` puts between a credentials file's name and the time in its backup's name
    /// (`credentials.keyward-backup-20261123T050000Z`): one constant for the writer and for `doctor`, which
    /// looks for keys left in those backups.
    public static let importBackupInfix = ".keyward-backup-"

    /// The config file's path.
    public var config: String
    /// The credentials file's path.
    public var credentials: String
    /// `HOME`, used to show paths as `~/...` in errors.
    public var home: String?

    /// Resolves both paths from an environment.
    /// - Parameter environment: supplies `AWS_CONFIG_FILE`, `AWS_SHARED_CREDENTIALS_FILE` and `HOME`.
    public init(environment: Environment) {
        home = environment.home
        config = Self.expand(environment["AWS_CONFIG_FILE"] ?? "~/.aws/config", environment)
        credentials = Self.expand(environment["AWS_SHARED_CREDENTIALS_FILE"] ?? "~/.aws/credentials", environment)
    }

    /// Uses explicit paths.
    /// - Parameters:
    ///   - config: the config file's path.
    ///   - credentials: the credentials file's path.
    ///   - home: the home directory, used only for display.
    public init(config: String, credentials: String, home: String? = nil) {
        self.config = config
        self.credentials = credentials
        self.home = home
    }

    /// A path as errors show it: `~/.aws/config` for a path under `HOME`, else the path itself.
    /// - Parameter path: an absolute or relative path.
    public func displayName(for path: String) -> String {
        guard let home, home != "/", !home.isEmpty else { return path }
        let base = home.hasSuffix("/") ? String(home.dropLast()) : home
        if path == base { return "~" }
        if path.hasPrefix(base + "/") { return "~" + path.dropFirst(base.count) }
        return path
    }

    /// Python's `os.path.expandvars` then `os.path.expanduser`, with variables from `environment`.
    static func expand(_ path: String, _ environment: Environment) -> String {
        expandUser(expandVariables(path, environment), home: environment.home)
    }

    /// `$NAME` or `${NAME}` (NAME of letters, digits and `_`) becomes the variable's value when it is set.
    static func expandVariables(_ path: String, _ environment: Environment) -> String {
        guard path.contains("$") else { return path }
        let scalars = Array(path.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            scalar == "_" || ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                || ("0"..."9").contains(scalar)
        }
        while index < scalars.count {
            guard scalars[index] == "$", index + 1 < scalars.count else {
                result.append(scalars[index])
                index += 1
                continue
            }
            var end = index + 1
            let name: String
            if scalars[end] == "{" {
                guard let close = scalars[(end + 1)...].firstIndex(of: "}") else {
                    result.append(scalars[index])
                    index += 1
                    continue
                }
                name = String(String.UnicodeScalarView(scalars[(end + 1)..<close]))
                end = close + 1
            } else {
                while end < scalars.count, isWord(scalars[end]) { end += 1 }
                name = String(String.UnicodeScalarView(scalars[(index + 1)..<end]))
            }
            if !name.isEmpty, let value = environment.variables[name] {
                result.append(contentsOf: value.unicodeScalars)
            } else {
                result.append(contentsOf: scalars[index..<end])
            }
            index = max(end, index + 1)
        }
        return String(result)
    }

    /// A leading `~` or `~/` becomes `HOME`; `~user` and a missing `HOME` leave the path as written.
    static func expandUser(_ path: String, home: String?) -> String {
        guard path.hasPrefix("~") else { return path }
        let rest = path.dropFirst()
        guard rest.isEmpty || rest.hasPrefix("/"), let home else { return path }
        var base = home
        while base.hasSuffix("/") { base.removeLast() }
        let expanded = base + rest
        return expanded.isEmpty ? "/" : expanded
    }
}

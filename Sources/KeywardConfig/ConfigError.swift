/// Every way reading, editing or resolving `~/.aws/config` and `~/.aws/credentials` can fail.
///
/// Each case carries the file (as shown to the user, e.g. `~/.aws/config`) and the 1-based line where one
/// applies, and `description` is one line of fact such as `~/.aws/config:12: expected "key = value"`.
/// No case ever holds a secret or the value of an environment variable; values are quoted only for keys
/// that are never secret (`duration_seconds`, `credential_source`, ...).
public enum ConfigError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file exists but could not be read (permissions, I/O error).
    case unreadableFile(file: String, reason: String)
    /// The file is not valid UTF-8; `line` is the line holding the first bad byte. The AWS CLI rejects it too.
    case invalidEncoding(file: String, line: Int)
    /// A key appears before the first `[section]` header.
    case missingSectionHeader(file: String, line: Int)
    /// A line starts a `[section]` header but has no closing `]` (`[profile dev`).
    case unclosedSectionHeader(file: String, line: Int)
    /// A line is neither a section header, a comment, a blank line nor `key = value` (or `key: value`).
    case malformedLine(file: String, line: Int)
    /// A line of an indented block (`s3 =` followed by indented lines) is not `key = value`.
    case malformedNestedLine(file: String, line: Int, key: String)
    /// The same `[section]` header appears twice in one file; the AWS CLI refuses such a file.
    case duplicateSection(file: String, line: Int, section: String)
    /// The same key appears twice in one section (keys are case-insensitive); the AWS CLI refuses the file.
    case duplicateKey(file: String, line: Int, section: String, key: String)
    /// A key the tool interprets has a value it cannot use; `reason` names what was expected.
    case invalidValue(file: String, line: Int, key: String, reason: String)
    /// An environment variable has a value the tool cannot use (the value itself is never repeated).
    case invalidEnvironmentValue(name: String, reason: String)
    /// The profile is in neither file.
    case profileNotFound(profile: String, files: [String])
    /// `source_profile` names a profile that exists in neither file; file and line are the reference.
    case sourceProfileNotFound(profile: String, source: String, file: String, line: Int)
    /// `include_profile` names a profile that exists in neither file; file and line are the reference.
    case includedProfileNotFound(profile: String, included: String, file: String, line: Int)
    /// Following `source_profile` comes back to a profile already visited; file and line close the loop.
    case sourceProfileLoop(chain: [String], file: String, line: Int)
    /// Following `include_profile` comes back to a profile already visited; file and line close the loop.
    case includeProfileLoop(chain: [String], file: String, line: Int)
    /// A profile sets both `source_profile` and `credential_source`.
    case conflictingRoleSources(profile: String, file: String, line: Int)
    /// A profile sets `role_arn` but neither `source_profile` nor `credential_source`.
    case missingRoleSource(profile: String, file: String, line: Int)
    /// A profile has `web_identity_token_file` but no `role_arn` to assume with the token.
    case missingWebIdentityRole(profile: String, file: String, line: Int)
    /// A profile has `aws_access_key_id` but no `aws_secret_access_key` in the same file.
    case partialCredentials(profile: String, file: String, line: Int)
    /// A profile's `services` key names a `[services NAME]` section that does not exist.
    case servicesSectionNotFound(profile: String, services: String, file: String, line: Int)
    /// An edit was refused because its result would not read back as asked; nothing was changed.
    case invalidEdit(file: String, reason: String)

    public var description: String {
        switch self {
        case .unreadableFile(let file, let reason):
            return "\(file): cannot read: \(reason)"
        case .invalidEncoding(let file, let line):
            return "\(file):\(line): not valid UTF-8"
        case .missingSectionHeader(let file, let line):
            return "\(file):\(line): expected a [section] header before the first key"
        case .unclosedSectionHeader(let file, let line):
            return "\(file):\(line): the section header is not closed: expected \"]\" at the end of the line"
        case .malformedLine(let file, let line):
            return "\(file):\(line): expected \"key = value\""
        case .malformedNestedLine(let file, let line, let key):
            return "\(file):\(line): expected \"key = value\" in the indented block of \"\(key)\""
        case .duplicateSection(let file, let line, let section):
            return "\(file):\(line): section [\(section)] appears twice"
        case .duplicateKey(let file, let line, let section, let key):
            return "\(file):\(line): key \"\(key)\" appears twice in [\(section)]"
        case .invalidValue(let file, let line, let key, let reason):
            return "\(file):\(line): \(key): \(reason)"
        case .invalidEnvironmentValue(let name, let reason):
            return "\(name): \(reason)"
        case .profileNotFound(let profile, let files):
            let places = files.isEmpty ? "no config file exists" : "not in " + files.joined(separator: " or ")
            return "profile \"\(profile)\": \(places)"
        case .sourceProfileNotFound(let profile, let source, let file, let line):
            return "\(file):\(line): source_profile \"\(source)\" of profile \"\(profile)\" does not exist"
        case .includedProfileNotFound(let profile, let included, let file, let line):
            return "\(file):\(line): include_profile \"\(included)\" of profile \"\(profile)\" does not exist"
        case .sourceProfileLoop(let chain, let file, let line):
            return "\(file):\(line): source_profile loop: \(chain.joined(separator: " -> "))"
        case .includeProfileLoop(let chain, let file, let line):
            return "\(file):\(line): include_profile loop: \(chain.joined(separator: " -> "))"
        case .conflictingRoleSources(let profile, let file, let line):
            return "\(file):\(line): profile \"\(profile)\" sets both source_profile and credential_source"
        case .missingRoleSource(let profile, let file, let line):
            return
                "\(file):\(line): profile \"\(profile)\" has role_arn but neither source_profile nor credential_source"
        case .missingWebIdentityRole(let profile, let file, let line):
            return "\(file):\(line): profile \"\(profile)\" has web_identity_token_file but no role_arn"
        case .partialCredentials(let profile, let file, let line):
            return "\(file):\(line): profile \"\(profile)\" has aws_access_key_id but no aws_secret_access_key"
        case .servicesSectionNotFound(let profile, let services, let file, let line):
            return "\(file):\(line): [services \(services)] of profile \"\(profile)\" does not exist"
        case .invalidEdit(let file, let reason):
            return "\(file): \(reason)"
        }
    }
}

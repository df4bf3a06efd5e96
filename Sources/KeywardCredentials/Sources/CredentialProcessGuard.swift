import FoundationEssentials
import KeywardConfig
import KeywardSystem

/// Stops `credential_process` recursion (issue 12, item 15): a profile whose `credential_process` runs
/// `keyward export` for itself (the README's own line placed under the wrong profile) would otherwise start
/// keyward after keyward without end.
///
/// Keyward marks the helpers it starts: `KEYWARD_RESOLVING` lists the profiles being resolved above it
/// (each name percent-encoded, comma-separated) and `KEYWARD_DEPTH` counts the levels. A keyward started
/// that way refuses a profile already on the list, and any nesting deeper than `maximumDepth`, with one
/// line naming the profile and the `credential_process` line that led back to it.
struct CredentialProcessGuard: Sendable {
    /// The variable listing the profiles being resolved by Keyward processes above this one.
    static let resolvingVariable = "KEYWARD_RESOLVING"
    /// The variable counting how many Keyward processes are above this one.
    static let depthVariable = "KEYWARD_DEPTH"
    /// More levels than any sensible chain of credential processes.
    static let maximumDepth = 4

    /// The profiles being resolved above this process, outermost first.
    let resolving: [String]
    /// How many Keyward processes are above this one.
    let depth: Int

    /// Reads the marks from the environment (none when Keyward was started by a person).
    init(environment: Environment) {
        resolving = (environment[Self.resolvingVariable] ?? "").split(separator: ",").map {
            Self.decode(String($0))
        }
        depth = environment[Self.depthVariable].flatMap { Int($0) }.map { max(0, $0) } ?? 0
    }

    /// Refuses `profile` when resolving it here would repeat a level above.
    /// - Parameters:
    ///   - profile: the profile asked for.
    ///   - profiles: the config, to name the `credential_process` line that started this process.
    /// - Throws: `CredentialsError.credentialProcessLoop`.
    func check(_ profile: String, profiles: ProfileResolver) throws(CredentialsError) {
        guard resolving.contains(profile) || depth > Self.maximumDepth else { return }
        let caller = resolving.last ?? profile
        let origin = (try? profiles.profile(named: caller))?.origin(of: "credential_process")
        throw .credentialProcessLoop(profile: profile, caller: caller, origin: origin?.description)
    }

    /// The environment of a `credential_process` run for `profiles`: the parent's, less Keyward's withheld
    /// variables, marked one level deeper.
    func helperEnvironment(_ parent: Environment, resolving profiles: [String]) -> [String: String] {
        var names = resolving
        for profile in profiles where !names.contains(profile) { names.append(profile) }
        let list = names.map(Self.encode).joined(separator: ",")
        return ChildEnvironment.forHelper(
            of: parent.variables, setting: [Self.resolvingVariable: list, Self.depthVariable: String(depth + 1)])
    }

    private static func encode(_ name: String) -> String {
        var encoded = ""
        for scalar in name.unicodeScalars {
            switch scalar {
            case "%": encoded += "%25"
            case ",": encoded += "%2C"
            default: encoded.unicodeScalars.append(scalar)
            }
        }
        return encoded
    }

    private static func decode(_ text: String) -> String {
        text.replacingOccurrences(of: "%2C", with: ",").replacingOccurrences(of: "%25", with: "%")
    }
}

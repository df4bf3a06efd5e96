import ArgumentParser
import Foundation
import KeywardAWS
import KeywardAudit
import KeywardConfig
import KeywardCredentials
import KeywardFederation

/// `keyward roles [PROFILE]`: the roles of the account and which of them this identity may assume (seed
/// 000's `assume-aws-role` listing), falling back to the roles the config names when ListRoles is denied.
struct RolesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roles",
        abstract: "List the account's roles and mark the ones this identity may assume.",
        discussion: """
            A role is assumable when the policy evaluator allows this identity sts:AssumeRole under its trust \
            policy (Deny, NotPrincipal and conditions included), its own policies permitting; MFA and EXTERNAL-ID \
            say whether every allowed call needs them (external ids tried are the config's external_id for the \
            role; ? when only an unknown one would do). When iam:ListRoles is denied, the roles named by \
            role_arn in ~/.aws/config are listed instead.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The profile whose long-lived key asks; default: the environment's keys, else `default`.")
    var profile: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    /// One line of the listing.
    struct Row: Encodable, Equatable {
        var name: String
        var arn: String
        /// `iam:ListRoles` or `config`.
        var source: String
        /// `nil` when the trust policy could not be read (roles from the config).
        var assumable: Bool?
        var requiresMFA: Bool?
        var requiresExternalID: Bool?
        var maxSessionDuration: Int?
        /// The config profiles that name the role.
        var profiles: [String]
    }

    func run() async throws {
        try await run(in: CommandContext(global: global))
    }

    /// The command's work, with its surroundings given (tests pass their own environment and output).
    func run(in context: CommandContext) async throws {
        let credentialResolver = try context.credentialResolver(mfaToken: nil, options: CredentialOptions())
        let source = try await credentialResolver.signingKey(forProfile: profile)
        let sts = STSClient(client: credentialResolver.client(for: try source.endpoints.sts()))
        let caller = try await sts.getCallerIdentity(credentials: source.credentials)
        let iam = IAMClient(
            client: credentialResolver.client(for: try source.endpoints.iam()), credentials: source.credentials)
        let resolver = credentialResolver.profiles
        let configured = Self.configuredRoles(resolver)
        var rows: [Row] = []
        var note: String?
        let listed: [IAMRole]?
        do {
            listed = try await iam.listRoles()
        } catch {
            guard Self.isDenied(error) else { throw error }
            listed = nil
        }
        if let listed {
            let externalIDs = Self.configuredExternalIDs(resolver)
            rows = listed.map { role in
                let access = role.trustPolicy.flatMap { try? RoleTrust(policy: $0, roleARN: role.arn) }?
                    .access(forCaller: caller.arn, externalIDs: externalIDs[role.arn] ?? [])
                return Row(
                    name: role.name, arn: role.arn, source: "iam:ListRoles", assumable: access?.assumable,
                    requiresMFA: access?.requiresMFA, requiresExternalID: access?.requiresExternalID,
                    maxSessionDuration: role.maxSessionDuration, profiles: configured[role.arn] ?? [])
            }
        } else {
            note = "iam:ListRoles is denied to \(caller.arn); listing the roles named in the config"
            rows = configured.keys.sorted().map { arn in
                Row(
                    name: String(arn.split(separator: "/").last ?? Substring(arn)), arn: arn, source: "config",
                    assumable: nil, requiresMFA: nil, requiresExternalID: nil, maxSessionDuration: nil,
                    profiles: configured[arn] ?? [])
            }
        }
        rows.sort { $0.arn < $1.arn }
        if let note { context.output.notice(note) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            context.output.line(String(decoding: try encoder.encode(rows), as: UTF8.self))
        } else {
            context.output.write(Self.table(rows))
        }
    }

    /// Whether IAM refused the listing (rather than failing to answer).
    static func isDenied(_ error: AWSClientError) -> Bool {
        ["AccessDenied", "AccessDeniedException", "UnauthorizedOperation"].contains(error.awsCode ?? "")
    }

    /// Role ARN to the profiles of `~/.aws/config` that assume it.
    static func configuredRoles(_ resolver: ProfileResolver) -> [String: [String]] {
        var roles: [String: [String]] = [:]
        for name in resolver.profileNames {
            guard let arn = resolver.rawValue(forKey: "role_arn", inProfile: name)?.text, !arn.isEmpty else { continue }
            roles[arn, default: []].append(name)
        }
        return roles
    }

    /// Role ARN to the `external_id`s the config's profiles send for it.
    static func configuredExternalIDs(_ resolver: ProfileResolver) -> [String: [String]] {
        var ids: [String: [String]] = [:]
        for name in resolver.profileNames {
            guard let arn = resolver.rawValue(forKey: "role_arn", inProfile: name)?.text,
                let id = resolver.rawValue(forKey: "external_id", inProfile: name)?.text, !id.isEmpty
            else { continue }
            ids[arn, default: []].append(id)
        }
        return ids
    }

    /// Aligned columns: ASSUMABLE, MFA, EXTERNAL-ID, ROLE, PROFILES.
    static func table(_ rows: [Row]) -> String {
        func mark(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "?" }
        var lines = [["ASSUMABLE", "MFA", "EXTERNAL-ID", "ROLE", "PROFILES"]]
        lines += rows.map { row in
            [
                mark(row.assumable), mark(row.requiresMFA), mark(row.requiresExternalID), row.arn,
                row.profiles.joined(separator: ","),
            ]
        }
        var widths = [Int](repeating: 0, count: 5)
        for line in lines { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return lines.map { line in
            line.enumerated().map { index, cell in
                index == line.count - 1 ? cell : cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces) + "\n"
        }.joined()
    }
}

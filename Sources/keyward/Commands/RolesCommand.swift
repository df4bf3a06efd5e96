import ArgumentParser
import Foundation
import KeywardAWS
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
            A role is assumable when its trust policy's AWS principals name this identity, its account root \
            or *; MFA and EXTERNAL-ID say whether the trust policy's condition asks for them. When iam:ListRoles \
            is denied, the roles named by role_arn in ~/.aws/config are listed instead.
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
        let context = CommandContext(global: global)
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
            rows = listed.map { role in
                let access = role.trustPolicy.flatMap { try? TrustPolicy(json: $0, role: role.arn) }?
                    .access(forCaller: caller.arn)
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
        if let note { FileHandle.standardError.write(Data(("keyward: " + note + "\n").utf8)) }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(rows), as: UTF8.self))
        } else {
            print(Self.table(rows), terminator: "")
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

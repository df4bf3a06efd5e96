import ArgumentParser
import Foundation
import KeywardAWS
import KeywardConfig
import KeywardCredentials
import KeywardSystem

/// `keyward rotate PROFILE`: replaces the profile's stored key with a new one and deletes the old one
/// (see `KeyRotation` for the order of the steps and what each failure leaves behind). When the profile
/// has `mfa_serial`, the IAM calls are signed with a 15-minute MFA session, as a user under seed 002's
/// MFA-enforcing policy must.
///
/// Region and endpoints come from the profile and the environment as for the AWS CLI: `AWS_REGION` /
/// `AWS_DEFAULT_REGION` / `region`, `AWS_ENDPOINT_URL_IAM` / `AWS_ENDPOINT_URL_STS` / `AWS_ENDPOINT_URL` /
/// `endpoint_url`, `sts_regional_endpoints`.
struct RotateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Create a new access key for the profile's IAM user, store it, and delete the old one.")

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The profile whose stored key is rotated.")
    var profile: String

    @Option(name: .customLong("mfa-token"), help: "The current code of the profile's MFA device (mfa_serial).")
    var mfaToken: String?

    func run() async throws {
        let context = CommandContext(global: global)
        let endpoints = try RotationEndpoints(profile: profile, context: context)
        let resolver = try context.profileResolver()
        let settings = resolver.hasProfile(named: profile) ? try resolver.profile(named: profile) : nil
        var mfa: (serial: String, code: String)?
        if let serial = settings?.mfaSerial {
            let source = MFACodeSource(
                token: mfaToken, terminal: TerminalPrompt(), processEnvironment: context.environment.variables)
            mfa = (serial, try source.code(serial: serial, profile: profile, mfaProcess: settings?.mfaProcess))
        } else if mfaToken != nil {
            throw CommandExit(
                code: 1, description: "profile \(profile) has no mfa_serial in the config; --mfa-token needs one")
        }
        let vault = try context.keyVault()
        var rotation = KeyRotation(
            profile: profile, vault: vault,
            service: AWSAccessKeyService(
                sts: QueryClient(endpoint: endpoints.sts, logger: context.logger),
                iam: QueryClient(endpoint: endpoints.iam, logger: context.logger)),
            progress: { line in FileHandle.standardError.write(Data(("keyward: " + line + "\n").utf8)) })
        rotation.mfa = mfa
        // Without a usable session cache there is nothing to drop; the rotation itself must not fail for it.
        rotation.sessions = try? context.sessionCache(sharing: vault)
        let outcome = try await rotation.run()
        let masked = { (id: String) in AWSCredentials.masked(accessKeyID: id) }
        let deleted = outcome.oldKeyWasAlreadyGone ? "was already deleted" : "deleted"
        let dropped = outcome.droppedSessions
        let sessions =
            dropped == 0 ? "" : ", \(dropped) cached session\(dropped == 1 ? "" : "s") of the old key dropped"
        print(
            "Rotated profile \(profile) (user \(outcome.user)): new key \(masked(outcome.newKeyID)) stored in "
                + "\(vault.store.kind) (\(vault.store.kind.persistence)), "
                + "old key \(masked(outcome.oldKeyID)) \(deleted)\(sessions)")
    }
}

/// Where `rotate` calls STS and IAM for a profile, which may exist only in the vault (then the environment
/// alone decides).
private struct RotationEndpoints {
    var sts: ServiceEndpoint
    var iam: ServiceEndpoint

    init(profile name: String, context: CommandContext) throws {
        let environment = context.environment
        let resolver = try context.profileResolver()
        if resolver.hasProfile(named: name) {
            let profile = try resolver.profile(named: name)
            let region = resolver.region(for: profile)
            let mode = try resolver.stsRegionalEndpoints(for: profile)
            sts = try ServiceEndpoint.sts(
                region: region, mode: mode == .legacy ? .legacy : .regional,
                override: try resolver.endpointURL(for: .sts, profile: profile))
            iam = try ServiceEndpoint.iam(
                region: region, override: try resolver.endpointURL(for: .iam, profile: profile))
        } else {
            let region = environment.first(of: ["AWS_REGION", "AWS_DEFAULT_REGION"])?.value
            let ignore = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.lowercased() == "true"
            func override(_ service: EndpointService) -> String? {
                ignore ? nil : environment.first(of: [service.environmentVariable, "AWS_ENDPOINT_URL"])?.value
            }
            let legacy = environment["AWS_STS_REGIONAL_ENDPOINTS"] == "legacy"
            sts = try ServiceEndpoint.sts(region: region, mode: legacy ? .legacy : .regional, override: override(.sts))
            iam = try ServiceEndpoint.iam(region: region, override: override(.iam))
        }
    }
}

import Foundation
import KeywardConfig
import KeywardCredentials
import KeywardTestSupport
import Testing

/// Keyward's reading of twenty-odd config sets against the AWS CLI's own view of them (`aws configure list`
/// and `aws configure get`, run in one python process through awscli's driver), plus Keyward's one-line
/// errors where the CLI fails. KeywardConfig's tests compare the parser; these compare what the credential
/// chain makes of it: the chain, the region, and where the credentials would come from.
@Suite struct ConfigResolutionTests {
    struct Case: Sendable {
        var name: String
        var config: String
        var credentials: String = ""
        var profile: String
    }

    /// What the AWS CLI said about one case (see Support/aws_view.py).
    struct AWSView: Decodable {
        struct Access: Decodable {
            var key: String
            var type: String
        }
        var error: String
        var access: Access?
        var get: [String: String?]
        var chain: [String]
    }

    static let role = "arn:aws:iam::123456789012:role"
    static let cases: [Case] = [
        Case(
            name: "keys in the credentials file", config: "[profile dev]\nregion = eu-west-1\n",
            credentials: "[dev]\naws_access_key_id = AKIAEXAMPLE000000001\naws_secret_access_key = s\n", profile: "dev"),
        Case(
            name: "keys in the config file",
            config: "[profile dev]\naws_access_key_id = AKIAEXAMPLE000000002\naws_secret_access_key = s\n",
            profile: "dev"),
        Case(
            name: "credentials file wins over config file",
            config: "[profile dev]\naws_access_key_id = AKIAEXAMPLE000000003\naws_secret_access_key = s\n",
            credentials: "[dev]\naws_access_key_id = AKIAEXAMPLE000000004\naws_secret_access_key = s\n", profile: "dev"),
        Case(
            name: "default section",
            config:
                "[default]\nregion = us-west-2\naws_access_key_id = AKIAEXAMPLE000000005\naws_secret_access_key = s\n",
            profile: "default"),
        Case(
            name: "role from static keys",
            config: "[profile jo]\naws_access_key_id = AKIAEXAMPLE000000006\naws_secret_access_key = s\n"
                + "[profile admin]\nrole_arn = \(role)/admin\nsource_profile = jo\nregion = ap-south-1\n",
            profile: "admin"),
        Case(
            name: "three-role chain",
            config: "[profile jo]\naws_access_key_id = AKIAEXAMPLE000000007\naws_secret_access_key = s\n"
                + "[profile a]\nrole_arn = \(role)/a\nsource_profile = jo\n"
                + "[profile b]\nrole_arn = \(role)/b\nsource_profile = a\n"
                + "[profile c]\nrole_arn = \(role)/c\nsource_profile = b\n",
            profile: "c"),
        Case(
            name: "profile names itself with its own keys",
            config: "[profile self]\nrole_arn = \(role)/self\nsource_profile = self\n"
                + "aws_access_key_id = AKIAEXAMPLE000000008\naws_secret_access_key = s\n",
            profile: "self"),
        Case(
            name: "two-profile loop",
            config:
                "[profile a]\nrole_arn = \(role)/a\nsource_profile = b\n[profile b]\nrole_arn = \(role)/b\nsource_profile = a\n",
            profile: "a"),
        Case(
            name: "self loop without keys", config: "[profile s]\nrole_arn = \(role)/s\nsource_profile = s\n",
            profile: "s"),
        Case(
            name: "missing source profile", config: "[profile m]\nrole_arn = \(role)/m\nsource_profile = nowhere\n",
            profile: "m"),
        Case(
            name: "credential_source Environment",
            config: "[profile e]\nrole_arn = \(role)/e\ncredential_source = Environment\n", profile: "e"),
        Case(
            name: "source_profile and credential_source",
            config: "[profile jo]\naws_access_key_id = AKIAEXAMPLE000000009\naws_secret_access_key = s\n"
                + "[profile both]\nrole_arn = \(role)/x\nsource_profile = jo\ncredential_source = Environment\n",
            profile: "both"),
        Case(name: "role_arn without source", config: "[profile lone]\nrole_arn = \(role)/x\n", profile: "lone"),
        Case(
            name: "odd spacing",
            config: "[profile   spaced]\nregion=eu-west-2\n  \nrole_arn   =   \(role)/spaced\nsource_profile\t= jo\n"
                + "[profile jo]\naws_access_key_id=AKIAEXAMPLE000000010\naws_secret_access_key=s\n",
            profile: "spaced"),
        Case(
            name: "comments",
            config: "# team profiles\n[profile c1] ; trailing\nregion = eu-north-1\n; note\n"
                + "aws_access_key_id = AKIAEXAMPLE000000011\naws_secret_access_key = s\n",
            profile: "c1"),
        Case(
            name: "credential_process",
            config: "[profile proc]\ncredential_process = /usr/bin/printf '{}'\nregion = ca-central-1\n",
            profile: "proc"),
        Case(
            name: "web identity",
            config: "[profile web]\nrole_arn = \(role)/web\nweb_identity_token_file = /tmp/token\n", profile: "web"),
        Case(
            name: "MFA on the source and the role",
            config: "[profile jo]\nmfa_serial = arn:aws:iam::123456789012:mfa/jo\nregion = us-east-1\n"
                + "aws_access_key_id = AKIAEXAMPLE000000012\naws_secret_access_key = s\n"
                + "[profile admin]\nrole_arn = \(role)/admin\nsource_profile = jo\n"
                + "mfa_serial = arn:aws:iam::123456789012:mfa/jo\n",
            profile: "jo"),
        Case(name: "missing profile", config: "[profile other]\nregion = us-east-1\n", profile: "ghost"),
        Case(
            name: "partial keys",
            config: "[profile half]\naws_access_key_id = AKIAEXAMPLE000000013\n", profile: "half"),
        Case(
            name: "include_profile (aws-vault)",
            config: "[profile base]\nregion = sa-east-1\n[profile inc]\ninclude_profile = base\n"
                + "aws_access_key_id = AKIAEXAMPLE000000014\naws_secret_access_key = s\n",
            profile: "inc"),
        Case(
            name: "region only, key in Keyward's vault", config: "[profile vaulted]\nregion = eu-south-1\n",
            profile: "vaulted"),
    ]

    @Test func keywardAgreesWithTheAWSCLI() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("keyward-cr-\(UUID())")
        defer { try? FileManager.default.removeItem(at: root) }
        var input: [[String: String]] = []
        for (index, item) in Self.cases.enumerated() {
            let directory = root.appendingPathComponent("\(index)")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(item.config.utf8).write(to: directory.appendingPathComponent("config"))
            try Data(item.credentials.utf8).write(to: directory.appendingPathComponent("credentials"))
            input.append(["dir": directory.path, "profile": item.profile])
        }
        let views = try Self.awsViews(input)
        #expect(views.count == Self.cases.count)
        for (index, item) in Self.cases.enumerated() where index < views.count {
            try compare(item, views[index], directory: root.appendingPathComponent("\(index)").path)
        }
    }

    private func compare(_ item: Case, _ aws: AWSView, directory: String) throws {
        let environment: Environment = [
            "HOME": directory, "AWS_CONFIG_FILE": directory + "/config",
            "AWS_SHARED_CREDENTIALS_FILE": directory + "/credentials",
        ]
        let profiles = try ProfileResolver(environment: environment)
        let configError = Self.configErrorMarkers.contains { aws.error.contains($0) }
        let outcome = Result { () throws(CredentialsError) in
            let resolved: ResolvedProfile
            do throws(ConfigError) {
                resolved = try profiles.resolve(item.profile, allowMissing: item.name.hasPrefix("region only"))
            } catch {
                throw .config(error)
            }
            return (try CredentialPlan(resolved, options: CredentialOptions()), resolved)
        }
        switch outcome {
        case .failure(let error):
            #expect(configError || error.description.contains("IAM Identity Center"), "\(item.name): \(error)")
            #expect(!error.description.contains("\n"), "\(item.name)")
            #expect(error.description.contains(item.profile) || error.description.contains("nowhere"), "\(item.name)")
            if aws.error.contains("Infinite loop"), case .config(.sourceProfileLoop(let chain, _, _)) = error {
                #expect(
                    aws.error.contains("Visited profiles: \(Self.pythonList(Array(chain.dropLast())))"), "\(item.name)")
            }
        case .success(let (plan, resolved)):
            #expect(!configError, "\(item.name): the AWS CLI says \(aws.error)")
            // The chain: the AWS CLI's source_profile links, as far as it follows them.
            #expect(resolved.chainNames == aws.chain, "\(item.name)")
            #expect(plan.roles.last?.roleARN == (resolved.profile.assumesRole ? aws.get["role_arn"] ?? nil : nil))
            if !item.name.hasPrefix("include_profile") {
                #expect(resolved.profile.region == aws.get["region"] ?? nil, "\(item.name)")
            } else {
                // aws-vault's addition: the included profile's region applies; the AWS CLI ignores include_profile.
                #expect(aws.get["region"] ?? nil == nil)
                #expect(resolved.profile.region == "sa-east-1")
            }
            switch plan.source {
            case .staticKeys(let keys, _):
                if plan.roles.isEmpty, let access = aws.access {
                    #expect(String(keys.accessKeyID.suffix(4)) == access.key, "\(item.name)")
                    let file = keys.origin.file.hasSuffix("credentials") ? "shared-credentials-file" : "config-file"
                    #expect(file == access.type, "\(item.name)")
                }
            case .credentialProcess(let command, _):
                #expect(command == aws.get["credential_process"] ?? nil)
            case .environment:
                #expect(aws.get["credential_source"] ?? nil == "Environment")
            case .instanceMetadata:
                #expect(aws.get["credential_source"] ?? nil == "Ec2InstanceMetadata")
            case .container:
                #expect(aws.get["credential_source"] ?? nil == "EcsContainer")
            case .webIdentity(_, let role, _, _):
                #expect(role == aws.get["role_arn"] ?? nil)
            case .vaultKey:
                // The AWS CLI finds no credentials here; Keyward looks in its vault.
                #expect(aws.access == nil, "\(item.name)")
            }
        }
    }

    /// Failures of the AWS CLI that come from the config itself (not from the network or a prompt).
    static let configErrorMarkers = [
        "Infinite loop", "does not exist", "could not be found", "partial credentials", "credential_source and",
        "source_profile and", "must have", "has a role_arn", "both source_profile", "Partial credentials",
    ]

    static func pythonList(_ names: [String]) -> String {
        "[" + names.map { "'\($0)'" }.joined(separator: ", ") + "]"
    }

    static func awsViews(_ input: [[String: String]]) throws -> [AWSView] {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
            "Support/aws_view.py")
        let result = try TestProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path],
            environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
            stdin: String(decoding: try JSONEncoder().encode(input), as: UTF8.self))
        return try JSONDecoder().decode([AWSView].self, from: Data(result.stdout.utf8))
    }
}

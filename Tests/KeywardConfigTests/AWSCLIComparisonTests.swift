import Foundation
import KeywardConfig
import KeywardTestSupport
import Testing

/// Compares `ProfileResolver` with the AWS CLI itself on `CLIFixture.all`: `aws configure get KEY --profile P`
/// for every profile and key, and the credential chain botocore builds for every profile (no network: role
/// credentials are deferred, instance metadata is disabled).
///
/// The many `configure get` calls run through the CLI's own driver in one Python process (the `aws` script
/// is `awscli.clidriver.main()`), and a few also run the `aws` executable to show both answer alike.
@Suite(
    "Agreement with the AWS CLI on twenty-odd config sets",
    .enabled(
        if: TestRequirement.runs(PythonHarness.interpreter != nil), "python3 with botocore and awscli is not on PATH"))
struct AWSCLIComparisonTests {
    static let keys = [
        "region", "role_arn", "source_profile", "mfa_serial", "output", "s3", "aws_access_key_id",
        "credential_process", "include_profile",
    ]

    struct Request: Codable {
        var config: String
        var credentials: String?
        var profiles: [String]
        var keys: [String]
    }

    struct Get: Codable, Equatable {
        var profile: String
        var key: String
        var rc: Int
        var out: String
    }

    struct Chain: Codable, Equatable {
        var profile: String
        var method: String?
        var chain: [String]?
        var error: String?
    }

    struct Answer: Codable {
        var gets: [Get]
        var chains: [Chain]
    }

    static let script = """
        import sys, os, io, json, contextlib, tempfile
        from awscli.clidriver import create_clidriver
        import botocore.session, botocore.exceptions
        from botocore.credentials import create_credential_resolver
        requests = json.load(open(sys.argv[1]))
        # Importing awscli sets AWS_DATA_PATH to its own data; keep it when the environment is replaced.
        data_path = os.environ.get('AWS_DATA_PATH', '')
        answers = []
        for request in requests:
            home = tempfile.mkdtemp()
            config = os.path.join(home, 'config')
            credentials = os.path.join(home, 'credentials')
            with open(config, 'w', newline='') as f:
                f.write(request['config'])
            if request.get('credentials') is not None:
                with open(credentials, 'w', newline='') as f:
                    f.write(request['credentials'])
            os.environ.clear()
            os.environ.update({
                'HOME': home, 'PATH': '/usr/bin:/bin', 'AWS_CONFIG_FILE': config,
                'AWS_SHARED_CREDENTIALS_FILE': credentials, 'AWS_EC2_METADATA_DISABLED': 'true',
                'AWS_ACCESS_KEY_ID': 'AKIAENVIRONMENT00000', 'AWS_SECRET_ACCESS_KEY': 'environment',
                'AWS_ENDPOINT_URL': 'http://127.0.0.1:9', 'AWS_DATA_PATH': data_path})
            try:
                driver = create_clidriver()
            except botocore.exceptions.ConfigParseError:
                driver = None  # the aws executable dies here with a traceback and status 1
            gets = []
            for profile in request['profiles']:
                for key in request['keys']:
                    if driver is None:
                        gets.append({'profile': profile, 'key': key, 'rc': -1, 'out': ''})
                        continue
                    out, err = io.StringIO(), io.StringIO()
                    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                        rc = driver.main(['configure', 'get', key, '--profile', profile])
                    gets.append({'profile': profile, 'key': key, 'rc': rc, 'out': out.getvalue()})
            chains = []
            for profile in request['profiles']:
                try:
                    resolver = create_credential_resolver(botocore.session.Session(profile=profile))
                    credentials = resolver.load_credentials()
                    method = credentials.method if credentials else None
                    visited = resolver.get_provider('assume-role')._visited_profiles
                    chain = visited if method == 'assume-role' else None
                    chains.append({'profile': profile, 'method': method, 'chain': chain, 'error': None})
                except Exception as e:
                    chains.append({'profile': profile, 'method': None, 'chain': None, 'error': type(e).__name__})
            answers.append({'gets': gets, 'chains': chains})
        json.dump(answers, open(sys.argv[2], 'w'))
        """

    /// Keyward's resolver over a fixture, or `nil` when it refuses the files.
    static func keywardResolver(_ fixture: CLIFixture) -> ProfileResolver? {
        try? resolver(config: fixture.config, credentials: fixture.credentials)
    }

    static func profiles(_ fixture: CLIFixture) -> [String] {
        (keywardResolver(fixture)?.profileNames ?? ["a", "default"]) + ["no-such-profile"]
    }

    static func answers() throws -> [Answer] {
        let requests = CLIFixture.all.map {
            Request(config: $0.config, credentials: $0.credentials, profiles: profiles($0), keys: keys)
        }
        let output = try PythonHarness.runScript(script, input: try JSONEncoder().encode(requests))
        return try JSONDecoder().decode([Answer].self, from: output)
    }

    /// What Keyward says `aws configure get KEY --profile P` prints; status -1 stands for "the CLI cannot
    /// start because it refuses a file".
    static func keywardGet(_ resolver: ProfileResolver?, profile: String, key: String) -> Get {
        guard let resolver else { return Get(profile: profile, key: key, rc: -1, out: "") }
        guard resolver.hasProfile(named: profile) else { return Get(profile: profile, key: key, rc: 255, out: "") }
        guard let value = resolver.rawValue(forKey: key, inProfile: profile), value.nested == nil else {
            return Get(profile: profile, key: key, rc: 1, out: "")
        }
        return Get(profile: profile, key: key, rc: 0, out: value.text + "\n")
    }

    /// What Keyward says botocore's credential resolver makes of a profile, in botocore's terms.
    static func keywardChain(_ resolver: ProfileResolver?, profile: String) -> Chain {
        guard let resolver else { return Chain(profile: profile, error: "ConfigParseError") }
        let resolved: ResolvedProfile
        do {
            resolved = try resolver.resolve(profile)
        } catch {
            let name: String
            switch error {
            case .profileNotFound: name = "ProfileNotFound"
            case .sourceProfileLoop: name = "InfiniteLoopConfigError"
            case .missingRoleSource, .partialCredentials: name = "PartialCredentialsError"
            default: name = "InvalidConfigError"
            }
            return Chain(profile: profile, error: name)
        }
        if resolved.profile.assumesRole {
            return Chain(profile: profile, method: "assume-role", chain: resolved.chainNames)
        }
        switch resolved.sourceCredentials {
        case .staticKeys(let keys):
            let method = keys.origin.file == "~/.aws/credentials" ? "shared-credentials-file" : "config-file"
            return Chain(profile: profile, method: method)
        case .credentialProcess: return Chain(profile: profile, method: "custom-process")
        case .webIdentity: return Chain(profile: profile, method: "assume-role-with-web-identity")
        case .singleSignOn: return Chain(profile: profile, method: "sso")
        case .credentialSource, .none: return Chain(profile: profile)
        }
    }

    @Test("configure get and credential chains agree on every fixture")
    func agreement() throws {
        let answers = try Self.answers()
        try #require(answers.count == CLIFixture.all.count)
        var compared = 0
        for (fixture, answer) in zip(CLIFixture.all, answers) {
            let resolver = Self.keywardResolver(fixture)
            for get in answer.gets {
                #expect(Self.keywardGet(resolver, profile: get.profile, key: get.key) == get, "\(fixture)")
                compared += 1
            }
            for chain in answer.chains where !fixture.chainsDiffer.contains(chain.profile) {
                if let message = fixture.stricter[chain.profile] {
                    #expect(chain.error == nil, "botocore accepts \(chain.profile) in \(fixture)")
                    #expect(configError { try resolver?.resolve(chain.profile) }?.description == message)
                    continue
                }
                #expect(Self.keywardChain(resolver, profile: chain.profile) == chain, "\(fixture)")
                compared += 1
            }
        }
        #expect(compared > 500)
    }

    @Test("include_profile is Keyward's addition: the CLI sees no role where Keyward follows the include")
    func includeProfileDiffers() throws {
        let fixture = try #require(CLIFixture.all.first { !$0.chainsDiffer.isEmpty })
        let resolver = try #require(Self.keywardResolver(fixture))
        #expect(try resolver.resolve("child").chainNames == ["child", "user"])
        #expect(resolver.rawValue(forKey: "region", inProfile: "child") == nil)
        #expect(try resolver.profile(named: "child").region == "eu-central-1")
    }

    @Test(
        "the aws executable answers as the in-process driver does",
        .enabled(if: TestRequirement.runs(PythonHarness.awsCLI != nil), "the aws executable is not on PATH"))
    func executable() throws {
        let fixture = CLIFixture.all[0]
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("keyward-aws-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let config = home.appendingPathComponent("config")
        let credentials = home.appendingPathComponent("credentials")
        try Data(fixture.config.utf8).write(to: config)
        try Data((fixture.credentials ?? "").utf8).write(to: credentials)
        let resolver = Self.keywardResolver(fixture)
        for (profile, key) in [("admin", "role_arn"), ("jo", "region"), ("admin", "region"), ("nobody", "region")] {
            let result = try PythonHarness.run(
                PythonHarness.awsCLI ?? "aws", ["configure", "get", key, "--profile", profile],
                environment: [
                    "HOME": home.path, "AWS_CONFIG_FILE": config.path, "AWS_SHARED_CREDENTIALS_FILE": credentials.path,
                ])
            let cli = Get(profile: profile, key: key, rc: Int(result.status), out: result.stdout)
            #expect(Self.keywardGet(resolver, profile: profile, key: key) == cli)
        }
    }
}

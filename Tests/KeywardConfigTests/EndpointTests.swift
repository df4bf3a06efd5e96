import KeywardConfig
import Testing

@Suite("Region, STS endpoint mode and configured endpoints")
struct EndpointTests {
    static let config = """
        [profile p]
        region = eu-west-1
        endpoint_url = http://profile.local
        services = local
        [profile plain]
        [profile ignoring]
        endpoint_url = http://profile.local
        ignore_configured_endpoint_urls = TRUE
        [profile broken]
        services = nowhere
        [profile legacy]
        sts_regional_endpoints = legacy
        [services local]
        sts =
          endpoint_url = http://sts.local
        iam = not-a-block
        kms =
          endpoint_url = http://kms.local
        """

    func endpoint(_ service: EndpointService, _ name: String, _ environment: Environment = [:]) throws -> String? {
        let resolver = try resolver(config: Self.config, environment: environment)
        return try resolver.endpointURL(for: service, profile: resolver.profile(named: name))
    }

    @Test("AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > [services] > profile endpoint_url > none")
    func precedence() throws {
        let all: Environment = ["AWS_ENDPOINT_URL_STS": "http://env-sts", "AWS_ENDPOINT_URL": "http://env-all"]
        #expect(try endpoint(.sts, "p", all) == "http://env-sts")
        #expect(try endpoint(.iam, "p", all) == "http://env-all")
        #expect(try endpoint(.sts, "p", ["AWS_ENDPOINT_URL": "http://env-all"]) == "http://env-all")
        #expect(try endpoint(.sts, "p", ["AWS_ENDPOINT_URL_STS": ""]) == "http://sts.local")
        #expect(try endpoint(.iam, "p") == "http://profile.local")
        #expect(try endpoint(.sts, "plain") == nil)
        #expect(try endpoint(.iam, "plain", ["AWS_ENDPOINT_URL_IAM": "http://env-iam"]) == "http://env-iam")
    }

    @Test("ignore_configured_endpoint_urls and its variable switch every configured endpoint off")
    func ignoring() throws {
        #expect(try endpoint(.sts, "ignoring", ["AWS_ENDPOINT_URL": "http://env-all"]) == nil)
        #expect(
            try endpoint(.sts, "ignoring", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "false"]) == "http://profile.local")
        #expect(
            try endpoint(.sts, "p", ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS": "true", "AWS_ENDPOINT_URL": "x"]) == nil)
    }

    @Test("a services section that does not exist is an error naming the reference")
    func missingServices() throws {
        #expect(
            configError { try endpoint(.sts, "broken") }?.description
                == "~/.aws/config:10: [services nowhere] of profile \"broken\" does not exist")
        // The environment answers first, so the broken reference is never read, as in botocore.
        #expect(try endpoint(.sts, "broken", ["AWS_ENDPOINT_URL": "http://env"]) == "http://env")
    }

    /// The settings look each service up when asked, so a service Keyward did not list in advance (here KMS)
    /// still gets its `[services]` entry and its variable, and a broken reference fails only when reached.
    @Test("endpoint settings answer for any service, on demand")
    func settingsForAnyService() throws {
        let profiles = try resolver(config: Self.config, environment: ["AWS_ENDPOINT_URL_LAMBDA": "http://env-lambda"])
        let settings = try profiles.endpointSettings(for: profiles.profile(named: "p"))
        #expect(try settings.override(for: EndpointService(configKey: "kms")) == "http://kms.local")
        #expect(try settings.override(for: EndpointService(configKey: "lambda")) == "http://env-lambda")
        #expect(try settings.override(for: .sts) == "http://sts.local")
        let broken = try profiles.endpointSettings(for: profiles.profile(named: "broken"))
        #expect(configError { try broken.override(for: EndpointService(configKey: "kms")) } != nil)
    }

    @Test("region: AWS_REGION > AWS_DEFAULT_REGION > profile")
    func region() throws {
        let resolver = try resolver(config: Self.config, environment: ["AWS_DEFAULT_REGION": "us-east-2"])
        let profile = try resolver.profile(named: "p")
        #expect(resolver.region(for: profile) == "us-east-2")
        let both = try KeywardConfigTests.resolver(
            config: Self.config, environment: ["AWS_REGION": "ap-south-1", "AWS_DEFAULT_REGION": "us-east-2"])
        #expect(both.region(for: profile) == "ap-south-1")
        #expect(try KeywardConfigTests.resolver(config: Self.config).region(for: profile) == "eu-west-1")
        #expect(
            try KeywardConfigTests.resolver(config: Self.config, environment: ["AWS_REGION": ""]).resolve("p").region
                == "eu-west-1")
    }

    @Test("sts_regional_endpoints: variable > profile > regional")
    func stsMode() throws {
        let plain = try resolver(config: Self.config)
        #expect(try plain.stsRegionalEndpoints(for: plain.profile(named: "legacy")) == .legacy)
        #expect(try plain.stsRegionalEndpoints(for: plain.profile(named: "p")) == .regional)
        let env = try resolver(config: Self.config, environment: ["AWS_STS_REGIONAL_ENDPOINTS": "regional"])
        #expect(try env.stsRegionalEndpoints(for: env.profile(named: "legacy")) == .regional)
        let bad = try resolver(config: Self.config, environment: ["AWS_STS_REGIONAL_ENDPOINTS": "Global"])
        #expect(
            configError { try bad.stsRegionalEndpoints(for: bad.profile(named: "p")) }?.description
                == "AWS_STS_REGIONAL_ENDPOINTS: expected legacy or regional")
    }
}

@Suite("Environment and file locations")
struct EnvironmentTests {
    @Test("default paths are under HOME")
    func defaults() {
        let paths = ConfigPaths(environment: ["HOME": "/home/jo"])
        #expect(paths.config == "/home/jo/.aws/config")
        #expect(paths.credentials == "/home/jo/.aws/credentials")
        #expect(paths.displayName(for: paths.config) == "~/.aws/config")
        #expect(paths.displayName(for: "/etc/aws") == "/etc/aws")
        #expect(paths.displayName(for: "/home/jonathan/x") == "/home/jonathan/x")
    }

    @Test("AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE override, with $VAR and ~ expanded")
    func overrides() {
        let environment: Environment = [
            "HOME": "/home/jo/", "AWS_CONFIG_FILE": "~/cfg/${STAGE}.ini",
            "AWS_SHARED_CREDENTIALS_FILE": "$XDG/aws/$UNSET/creds$", "STAGE": "prod", "XDG": "/x",
        ]
        let paths = ConfigPaths(environment: environment)
        #expect(paths.config == "/home/jo/cfg/prod.ini")
        #expect(paths.credentials == "/x/aws/$UNSET/creds$")
        #expect(paths.displayName(for: paths.config) == "~/cfg/prod.ini")
        #expect(ConfigPaths(environment: ["AWS_CONFIG_FILE": "~/c"]).config == "~/c")
        #expect(ConfigPaths(environment: ["HOME": "/h", "AWS_CONFIG_FILE": "~other/c"]).config == "~other/c")
        #expect(ConfigPaths(environment: ["HOME": "/h", "AWS_CONFIG_FILE": ""]).config == "/h/.aws/config")
    }

    @Test("an environment shows its names only, never values")
    func description() {
        let environment: Environment = ["AWS_SECRET_ACCESS_KEY": "s3cr3t", "HOME": "/h"]
        #expect(environment.description == "Environment(AWS_SECRET_ACCESS_KEY, HOME)")
        #expect(environment["HOME"] == "/h")
        #expect(Environment(["A": ""])["A"] == nil)
    }
}

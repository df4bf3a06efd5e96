import KeywardConfig
import Testing

@Suite("Profiles: selection, merging, include_profile and typed fields")
struct ProfileTests {
    static let config = """
        [default]
        region = us-east-1

        [profile dev]
        region = eu-west-1
        output = json
        aws_access_key_id = AKIACONFIGDEV00000000

        [profile tagged]
        role_arn = arn:aws:iam::111111111111:role/tagged
        source_profile = dev
        mfa_serial = arn:aws:iam::111111111111:mfa/jo
        mfa_process = pass otp aws
        external_id = ext-1
        role_session_name = jo-session
        duration_seconds = 3600
        session_tags = team = blue , env=prod,team=red
        transitive_session_tags = team, ,env
        source_identity = jo
        sts_regional_endpoints = legacy
        endpoint_url = http://127.0.0.1:4566
        credential_process = /usr/bin/true
        web_identity_token_file = /tmp/token
        custom_key = kept
        """

    static let credentials = """
        [dev]
        region = ap-south-1
        aws_access_key_id = AKIADEV0000000000001
        aws_secret_access_key = dev-secret
        aws_session_token = dev-token

        [only-in-credentials]
        aws_access_key_id = AKIAONLY000000000002
        aws_secret_access_key = only-secret
        """

    @Test("the profile comes from the argument, else AWS_DEFAULT_PROFILE, else AWS_PROFILE, else default")
    func selection() throws {
        let none = try resolver(config: "")
        #expect(none.selectProfile(explicit: nil) == ProfileSelection(name: "default", reason: .implicitDefault))
        #expect(none.selectProfile(explicit: "") == ProfileSelection(name: "default", reason: .implicitDefault))
        let both = try resolver(config: "", environment: ["AWS_PROFILE": "a", "AWS_DEFAULT_PROFILE": "b"])
        #expect(both.selectProfile(explicit: "x") == ProfileSelection(name: "x", reason: .argument))
        #expect(
            both.selectProfile(explicit: nil)
                == ProfileSelection(name: "b", reason: .environment("AWS_DEFAULT_PROFILE")))
        let profileOnly = try resolver(config: "", environment: ["AWS_PROFILE": "a", "AWS_DEFAULT_PROFILE": ""])
        #expect(
            profileOnly.selectProfile(explicit: nil) == ProfileSelection(name: "a", reason: .environment("AWS_PROFILE"))
        )
    }

    @Test("credentials-file keys win over config keys, key by key, and remember their file and line")
    func merge() throws {
        let resolver = try resolver(config: Self.config, credentials: Self.credentials)
        #expect(resolver.profileNames == ["default", "dev", "tagged", "only-in-credentials"])
        let dev = try resolver.profile(named: "dev")
        #expect(dev.region == "ap-south-1")
        #expect(dev.origin(of: "region") == ValueOrigin(file: "~/.aws/credentials", line: 2))
        #expect(dev.value(forKey: "output")?.text == "json")
        #expect(dev.origin(of: "output") == ValueOrigin(file: "~/.aws/config", line: 6))
        #expect(dev.origin == ValueOrigin(file: "~/.aws/config", line: 4))
        #expect(dev.value(forKey: "aws_secret_access_key") == nil)
        let keys = try #require(try dev.staticCredentials())
        #expect(keys.accessKeyID == "AKIADEV0000000000001")
        #expect(keys.secretAccessKey.unredacted == "dev-secret")
        #expect(keys.sessionToken?.unredacted == "dev-token")
        #expect(keys.origin == ValueOrigin(file: "~/.aws/credentials", line: 3))
        #expect(
            try resolver.profile(named: "only-in-credentials").origin
                == ValueOrigin(file: "~/.aws/credentials", line: 7))
        #expect(resolver.rawValue(forKey: "Region", inProfile: "dev")?.text == "ap-south-1")
        #expect(resolver.rawValue(forKey: "aws_secret_access_key", inProfile: "dev") == nil)
        #expect(resolver.rawValue(forKey: "region", inProfile: "nobody") == nil)
    }

    @Test("every typed field is read and checked")
    func typedFields() throws {
        let profile = try resolver(config: Self.config).profile(named: "tagged")
        #expect(profile.roleARN == "arn:aws:iam::111111111111:role/tagged")
        #expect(profile.sourceProfile == "dev")
        #expect(profile.mfaSerial == "arn:aws:iam::111111111111:mfa/jo")
        #expect(profile.mfaProcess == "pass otp aws")
        #expect(profile.externalID == "ext-1")
        #expect(profile.roleSessionName == "jo-session")
        #expect(profile.durationSeconds == 3600)
        #expect(profile.sessionTags == [.init(key: "env", value: "prod"), .init(key: "team", value: "red")])
        #expect(profile.transitiveSessionTags == ["team", "env"])
        #expect(profile.sourceIdentity == "jo")
        #expect(profile.stsRegionalEndpoints == .legacy)
        #expect(profile.endpointURL == "http://127.0.0.1:4566")
        #expect(profile.credentialProcess == "/usr/bin/true")
        #expect(profile.webIdentityTokenFile == "/tmp/token")
        #expect(profile.value(forKey: "custom_key")?.text == "kept")
        #expect(profile.assumesRole == false)
        #expect(profile.region == nil)
        #expect(profile.credentialSource == nil)
    }

    @Test("bad field values name file, line, key and what was expected")
    func invalidFields() throws {
        let cases: [(String, String)] = [
            ("duration_seconds = 1h", "~/.aws/config:3: duration_seconds: \"1h\" is not a whole number of seconds"),
            ("duration_seconds = -5", "~/.aws/config:3: duration_seconds: \"-5\" is not a whole number of seconds"),
            ("duration_seconds = 60", "~/.aws/config:3: duration_seconds: 60 is outside 900...43200"),
            (
                "duration_seconds = 99999999999999999999999",
                "~/.aws/config:3: duration_seconds: \"99999999999999999999999\" is not a whole number of seconds"
            ),
            (
                "credential_source = environment",
                "~/.aws/config:3: credential_source: \"environment\" is not one of Environment, Ec2InstanceMetadata, EcsContainer"
            ),
            (
                "sts_regional_endpoints = global",
                "~/.aws/config:3: sts_regional_endpoints: \"global\" is not one of legacy, regional"
            ),
            ("session_tags = a=1,b", "~/.aws/config:3: session_tags: expected key1=value1,key2=value2"),
            ("session_tags = =1", "~/.aws/config:3: session_tags: expected key1=value1,key2=value2"),
            ("region =\n  a = b", "~/.aws/config:3: region: expected a value, found an indented block"),
            ("region = a\n  b", "~/.aws/config:3: region: expected one line, found continuation lines"),
        ]
        for (line, message) in cases {
            let resolver = try resolver(config: "[profile p]\nx = 1\n\(line)\n")
            #expect(configError { try resolver.profile(named: "p") }?.description == message)
        }
        #expect(try resolver(config: "[profile p]\nduration_seconds =\n").profile(named: "p").durationSeconds == nil)
    }

    @Test("include_profile fills missing keys from the included profile, recursively, without overriding")
    func includeProfile() throws {
        let resolver = try resolver(
            config: """
                [profile base]
                region = eu-west-1
                mfa_serial = arn:aws:iam::1:mfa/base
                include_profile = root
                [profile root]
                output = json
                region = us-west-2
                [profile child]
                include_profile = base
                region = us-east-1
                """,
            credentials: "[base]\naws_access_key_id = AKIA\naws_secret_access_key = s\n")
        let child = try resolver.profile(named: "child")
        #expect(child.region == "us-east-1")
        #expect(child.mfaSerial == "arn:aws:iam::1:mfa/base")
        #expect(child.value(forKey: "output")?.text == "json")
        #expect(child.includedProfiles == ["base", "root"])
        #expect(child.includeProfile == "base")
        #expect(child.origin(of: "mfa_serial") == ValueOrigin(file: "~/.aws/config", line: 3))
        #expect(try child.staticCredentials() == nil)
        #expect(child.hasStaticKeyMaterial == false)
    }

    @Test("include_profile loops and missing includes are errors naming the reference")
    func includeErrors() throws {
        let loop = try resolver(config: "[profile a]\ninclude_profile = b\n[profile b]\ninclude_profile = a\n")
        #expect(
            configError { try loop.profile(named: "a") }?.description
                == "~/.aws/config:4: include_profile loop: a -> b -> a")
        let missing = try resolver(config: "[profile a]\ninclude_profile = b\n[profile b]\ninclude_profile = zz\n")
        #expect(
            configError { try missing.profile(named: "a") }?.description
                == "~/.aws/config:4: include_profile \"zz\" of profile \"b\" does not exist")
    }

    @Test("a missing profile is an error listing the files, unless allowed or the implicit default")
    func missingProfile() throws {
        let resolver = try resolver(config: "[profile a]\n", credentials: "")
        #expect(
            configError { try resolver.resolve("nope") }?.description
                == "profile \"nope\": not in ~/.aws/config or ~/.aws/credentials")
        #expect(try resolver.resolve("nope", allowMissing: true).profile.exists == false)
        let implicit = try resolver.resolve(nil)
        #expect(implicit.profile.name == "default")
        #expect(implicit.sourceCredentials == SourceCredentials.none)
        #expect(
            configError { try ProfileResolver(config: nil, credentials: nil, environment: [:]).resolve("x") }?
                .description == "profile \"x\": no config file exists")
    }

    @Test("secrets never appear in descriptions, debug descriptions or dumps")
    func redaction() throws {
        let resolver = try resolver(config: Self.config, credentials: Self.credentials)
        let resolved = try resolver.resolve("dev")
        var dumped = ""
        dump(resolved, to: &dumped)
        let file = try #require(resolver.credentialsFile)
        var fileDump = ""
        dump(file, to: &fileDump)
        let texts = [
            dumped, fileDump, String(describing: resolved), String(reflecting: resolved), String(describing: file),
            String(reflecting: file), String(describing: file.sections), String(reflecting: file.sections),
        ]
        for text in texts {
            #expect(!text.contains("dev-secret"))
            #expect(!text.contains("dev-token"))
        }
        #expect(
            file.section(named: "dev")?.entry(forKey: "aws_secret_access_key")?.description
                == "aws_secret_access_key = <redacted>")
        let keys = try #require(try resolved.profile.staticCredentials())
        #expect(keys.description == "key ****************0001 at ~/.aws/credentials:3")
    }
}

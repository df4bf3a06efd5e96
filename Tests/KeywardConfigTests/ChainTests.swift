import KeywardConfig
import Testing

@Suite("source_profile chains as botocore's AssumeRoleProvider walks them")
struct ChainTests {
    /// Seed 004's set-up: a read-only user with MFA and an admin role that chains from it, plus variants.
    static let config = """
        [profile jo]
        region = eu-west-1
        mfa_serial = arn:aws:iam::111111111111:mfa/jo

        [profile admin]
        role_arn = arn:aws:iam::111111111111:role/admin
        source_profile = jo
        mfa_serial = arn:aws:iam::111111111111:mfa/jo

        [profile deep]
        role_arn = arn:aws:iam::222222222222:role/deep
        source_profile = admin
        region = us-west-2

        [profile self]
        role_arn = arn:aws:iam::111111111111:role/self
        source_profile = self
        aws_access_key_id = AKIASELF000000000000
        aws_secret_access_key = self-secret

        [profile self-nokeys]
        role_arn = arn:aws:iam::111111111111:role/self
        source_profile = self-nokeys

        [profile loop-a]
        role_arn = arn:aws:iam::1:role/a
        source_profile = loop-b
        [profile loop-b]
        role_arn = arn:aws:iam::1:role/b
        source_profile = loop-a

        [profile back-to-keys]
        role_arn = arn:aws:iam::1:role/x
        source_profile = keyed-role
        [profile keyed-role]
        role_arn = arn:aws:iam::1:role/ignored
        source_profile = back-to-keys
        aws_access_key_id = AKIAKEYED00000000000
        aws_secret_access_key = keyed-secret

        [profile ec2]
        role_arn = arn:aws:iam::1:role/ec2
        credential_source = Ec2InstanceMetadata
        [profile via-ec2]
        role_arn = arn:aws:iam::1:role/via
        source_profile = ec2

        [profile both]
        role_arn = arn:aws:iam::1:role/both
        source_profile = jo
        credential_source = Environment
        [profile neither]
        role_arn = arn:aws:iam::1:role/neither
        [profile dangling]
        role_arn = arn:aws:iam::1:role/d
        source_profile = ghost

        [profile process]
        credential_process = /usr/local/bin/creds --json
        [profile via-process]
        role_arn = arn:aws:iam::1:role/p
        source_profile = process

        [profile web]
        role_arn = arn:aws:iam::1:role/web
        web_identity_token_file = /var/run/token
        [profile web-norole]
        web_identity_token_file = /var/run/token
        [profile sso]
        sso_session = corp
        sso_account_id = 111111111111
        sso_role_name = Admin
        """

    static let credentials = """
        [jo]
        aws_access_key_id = AKIAJO00000000000000
        aws_secret_access_key = jo-secret
        [partial]
        aws_access_key_id = AKIAPARTIAL000000000
        """

    let resolver: ProfileResolver

    init() throws {
        resolver = try KeywardConfigTests.resolver(config: Self.config, credentials: Self.credentials)
    }

    @Test("a role chains from the profile holding the key")
    func simpleChain() throws {
        let resolved = try resolver.resolve("admin")
        #expect(resolved.chainNames == ["admin", "jo"])
        #expect(resolved.roleSteps.map(\.name) == ["admin"])
        #expect(resolved.source.name == "jo")
        guard case .staticKeys(let keys) = resolved.sourceCredentials else {
            Issue.record("expected static keys, got \(resolved.sourceCredentials)")
            return
        }
        #expect(keys.accessKeyID == "AKIAJO00000000000000")
        #expect(keys.origin == ValueOrigin(file: "~/.aws/credentials", line: 2))
        #expect(resolved.region == nil)
    }

    @Test("chains of roles are followed to the root")
    func deepChain() throws {
        let resolved = try resolver.resolve("deep")
        #expect(resolved.chainNames == ["deep", "admin", "jo"])
        #expect(resolved.roleSteps.map(\.name) == ["deep", "admin"])
        #expect(resolved.region == "us-west-2")
    }

    @Test("a profile may name itself as source when it has static keys; it then appears twice")
    func selfReference() throws {
        let resolved = try resolver.resolve("self")
        #expect(resolved.chainNames == ["self", "self"])
        #expect(resolved.roleSteps.map(\.name) == ["self"])
        guard case .staticKeys(let keys) = resolved.sourceCredentials else {
            Issue.record("expected static keys")
            return
        }
        #expect(keys.secretAccessKey.unredacted == "self-secret")
        #expect(
            configError { try resolver.resolve("self-nokeys") }?.description
                == "~/.aws/config:23: source_profile loop: self-nokeys -> self-nokeys")
    }

    @Test("loops are errors naming the chain and the reference that closes it")
    func loops() throws {
        #expect(
            configError { try resolver.resolve("loop-a") }
                == .sourceProfileLoop(chain: ["loop-a", "loop-b", "loop-a"], file: "~/.aws/config", line: 30))
        // The chain stops at a profile with keys even when it has a role_arn pointing back.
        #expect(try resolver.resolve("back-to-keys").chainNames == ["back-to-keys", "keyed-role"])
        // But from the keyed profile itself the role is assumed and the loop is real.
        #expect(
            configError { try resolver.resolve("keyed-role") }?.description
                == "~/.aws/config:34: source_profile loop: keyed-role -> back-to-keys -> keyed-role")
    }

    @Test("credential_source ends a chain at the role profile that names it")
    func credentialSource() throws {
        let direct = try resolver.resolve("ec2")
        #expect(direct.chainNames == ["ec2"])
        #expect(direct.roleSteps.map(\.name) == ["ec2"])
        #expect(
            direct.sourceCredentials
                == .credentialSource(.ec2InstanceMetadata, origin: ValueOrigin(file: "~/.aws/config", line: 43)))
        let chained = try resolver.resolve("via-ec2")
        #expect(chained.chainNames == ["via-ec2", "ec2"])
        #expect(chained.roleSteps.map(\.name) == ["via-ec2", "ec2"])
    }

    @Test("role profiles need exactly one source, and the source must exist")
    func sourceErrors() throws {
        #expect(
            configError { try resolver.resolve("both") }?.description
                == "~/.aws/config:50: profile \"both\" sets both source_profile and credential_source")
        #expect(
            configError { try resolver.resolve("neither") }?.description
                == "~/.aws/config:53: profile \"neither\" has role_arn but neither source_profile nor credential_source"
        )
        #expect(
            configError { try resolver.resolve("dangling") }?.description
                == "~/.aws/config:56: source_profile \"ghost\" of profile \"dangling\" does not exist")
        // Keyward may hold the key of a profile no file defines, as aws-vault's keyring may.
        let lenient = try resolver.resolve("dangling", allowMissing: true)
        #expect(lenient.chainNames == ["dangling", "ghost"])
        #expect(lenient.source.exists == false)
        #expect(lenient.sourceCredentials == SourceCredentials.none)
    }

    @Test("roots without keys: credential_process, web identity, SSO, or nothing (Keyward's own store)")
    func otherRoots() throws {
        let process = try resolver.resolve("via-process")
        #expect(process.chainNames == ["via-process", "process"])
        #expect(
            process.sourceCredentials
                == .credentialProcess(
                    command: "/usr/local/bin/creds --json", origin: ValueOrigin(file: "~/.aws/config", line: 59)))
        let web = try resolver.resolve("web")
        #expect(web.roleSteps.isEmpty)
        #expect(
            web.sourceCredentials
                == .webIdentity(
                    tokenFile: "/var/run/token", roleARN: "arn:aws:iam::1:role/web",
                    origin: ValueOrigin(file: "~/.aws/config", line: 66)))
        #expect(
            configError { try resolver.resolve("web-norole") }?.description
                == "~/.aws/config:68: profile \"web-norole\" has web_identity_token_file but no role_arn")
        #expect(
            try resolver.resolve("sso").sourceCredentials
                == .singleSignOn(origin: ValueOrigin(file: "~/.aws/config", line: 70)))
        #expect(try resolver.resolve("jo", allowMissing: true).chainNames == ["jo"])
        let bare = try KeywardConfigTests.resolver(config: "[profile user]\nmfa_serial = m\n").resolve("user")
        #expect(bare.sourceCredentials == SourceCredentials.none)
    }

    @Test("a key id without its secret is an error where botocore reads it")
    func partialKeys() throws {
        #expect(
            configError { try resolver.resolve("partial") }?.description
                == "~/.aws/credentials:5: profile \"partial\" has aws_access_key_id but no aws_secret_access_key")
        // A secret alone is not a key, but still marks the profile as holding key material (botocore's test).
        let secretOnly = try KeywardConfigTests.resolver(
            config: "[profile r]\nrole_arn = a\nsource_profile = r\n", credentials: "[r]\naws_secret_access_key = s\n")
        let resolved = try secretOnly.resolve("r")
        #expect(resolved.chainNames == ["r", "r"])
        #expect(resolved.sourceCredentials == SourceCredentials.none)
    }

    @Test("the credentials file's keys come before credential_process, the config file's after")
    func rootOrder() throws {
        let resolver = try KeywardConfigTests.resolver(
            config: """
                [profile a]
                credential_process = proc
                aws_access_key_id = AKIACONFIG0000000000
                aws_secret_access_key = config-secret
                [profile b]
                aws_access_key_id = AKIACONFIG0000000000
                aws_secret_access_key = config-secret
                """,
            credentials: "[b]\ncredential_process = proc\n")
        #expect(
            try resolver.resolve("a").sourceCredentials
                == .credentialProcess(command: "proc", origin: ValueOrigin(file: "~/.aws/config", line: 2)))
        let withKeys = try KeywardConfigTests.resolver(
            config: "[profile a]\ncredential_process = proc\n",
            credentials: "[a]\naws_access_key_id = AKIACREDS00000000000\naws_secret_access_key = s\n")
        guard case .staticKeys(let keys) = try withKeys.resolve("a").sourceCredentials else {
            Issue.record("expected the credentials file's keys")
            return
        }
        #expect(keys.accessKeyID == "AKIACREDS00000000000")
        #expect(
            try resolver.resolve("b").sourceCredentials
                == .credentialProcess(command: "proc", origin: ValueOrigin(file: "~/.aws/credentials", line: 2)))
    }
}

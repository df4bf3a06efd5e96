/// Config sets the AWS CLI is asked about, compared with Keyward's reading of them (issue 5's proof).
struct CLIFixture: Sendable, CustomStringConvertible {
    var name: String
    var config: String
    var credentials: String?
    /// Profiles whose chains Keyward reads differently on purpose (aws-vault's `include_profile`).
    var chainsDiffer: Set<String> = []
    /// Profiles Keyward refuses where botocore quietly uses a garbled value, with Keyward's error.
    var stricter: [String: String] = [:]

    var description: String { name }

    static let all: [CLIFixture] = [
        CLIFixture(
            name: "seed 004: MFA user and admin role",
            config: """
                [profile jo]
                region = eu-west-1
                mfa_serial = arn:aws:iam::111111111111:mfa/jo
                [profile admin]
                role_arn = arn:aws:iam::111111111111:role/admin
                source_profile = jo
                mfa_serial = arn:aws:iam::111111111111:mfa/jo
                """,
            credentials: "[jo]\naws_access_key_id = AKIAJO00000000000000\naws_secret_access_key = jo-secret\n"),
        CLIFixture(
            name: "three-role chain to config-file keys",
            config: """
                [profile a]
                role_arn = arn:aws:iam::1:role/a
                source_profile = b
                [profile b]
                role_arn = arn:aws:iam::1:role/b
                source_profile = c
                region = us-west-2
                [profile c]
                aws_access_key_id = AKIAC000000000000000
                aws_secret_access_key = c-secret
                """),
        CLIFixture(
            name: "two-profile cycle",
            config: """
                [profile a]
                role_arn = arn:aws:iam::1:role/a
                source_profile = b
                [profile b]
                role_arn = arn:aws:iam::1:role/b
                source_profile = a
                """),
        CLIFixture(
            name: "self reference with and without keys",
            config: """
                [profile keyed]
                role_arn = arn:aws:iam::1:role/k
                source_profile = keyed
                [profile bare]
                role_arn = arn:aws:iam::1:role/b
                source_profile = bare
                """,
            credentials: "[keyed]\naws_access_key_id = AKIAK000000000000000\naws_secret_access_key = k\n"),
        CLIFixture(
            name: "missing source profile, no source, two sources",
            config: """
                [profile dangling]
                role_arn = arn:aws:iam::1:role/d
                source_profile = ghost
                [profile neither]
                role_arn = arn:aws:iam::1:role/n
                [profile both]
                role_arn = arn:aws:iam::1:role/x
                source_profile = neither
                credential_source = Environment
                """),
        CLIFixture(
            name: "chain stops at a role profile holding keys",
            config: """
                [profile top]
                role_arn = arn:aws:iam::1:role/top
                source_profile = keyed
                [profile keyed]
                role_arn = arn:aws:iam::1:role/ignored
                source_profile = top
                aws_access_key_id = AKIAKEYED00000000000
                aws_secret_access_key = s
                """),
        CLIFixture(
            name: "credential_source at the top and chained",
            config: """
                [profile env]
                role_arn = arn:aws:iam::1:role/env
                credential_source = Environment
                [profile via]
                role_arn = arn:aws:iam::1:role/via
                source_profile = env
                [profile wrong]
                role_arn = arn:aws:iam::1:role/w
                credential_source = environment
                """),
        CLIFixture(
            name: "credential_process roots",
            config: """
                [profile proc]
                credential_process = /bin/echo '{"Version": 1, "AccessKeyId": "AKIAPROC", "SecretAccessKey": "x"}'
                [profile via-proc]
                role_arn = arn:aws:iam::1:role/p
                source_profile = proc
                """),
        CLIFixture(
            name: "web identity and IAM Identity Center",
            config: """
                [profile web]
                role_arn = arn:aws:iam::1:role/web
                web_identity_token_file = /nonexistent/token
                [profile via-web]
                role_arn = arn:aws:iam::1:role/v
                source_profile = web
                [profile sso]
                sso_session = corp
                sso_account_id = 111111111111
                sso_role_name = Admin
                [sso-session corp]
                sso_region = us-east-1
                sso_start_url = https://corp.awsapps.com/start
                """),
        CLIFixture(
            name: "include_profile (aws-vault only)",
            config: """
                [profile base]
                region = eu-central-1
                role_arn = arn:aws:iam::1:role/base
                source_profile = user
                [profile user]
                output = json
                [profile child]
                include_profile = base
                """,
            credentials: "[user]\naws_access_key_id = AKIAUSER000000000000\naws_secret_access_key = u\n",
            chainsDiffer: ["child"]),
        CLIFixture(
            name: "odd spacing, case and delimiters",
            config:
                "[profile   spaced]\nRegion:eu-west-3\n\tOUTPUT\t=\ttext\n[profile indented]\n    region  =  ap-south-1   \n    role_arn=arn:aws:iam::1:role/i\n    source_profile =spaced\n",
            credentials: "[spaced]\naws_access_key_id=AKIASPACED0000000000\naws_secret_access_key =x\n",
            stricter: [
                // The tab-indented line continues `Region`, so botocore's region is "eu-west-3\nOUTPUT\t=\ttext".
                "spaced": "~/.aws/config:2: region: expected one line, found continuation lines",
                "indented": "~/.aws/config:2: region: expected one line, found continuation lines",
            ]),
        CLIFixture(
            name: "CRLF, lone CR, no final newline",
            config:
                "[default]\r\nregion = us-east-2\r\n[profile r]\rrole_arn = arn:aws:iam::1:role/r\rsource_profile = default",
            credentials: "[default]\r\naws_access_key_id = AKIADEF0000000000000\r\naws_secret_access_key = d"),
        CLIFixture(
            name: "comments and look-alike inline comments",
            config: """
                # header comment
                ; another
                [profile c] ; trailing text after the header
                region = us-east-1 # not stripped
                  # indented comment
                output = json;yaml
                mfa_serial = arn:aws:iam::1:mfa/c#1
                """),
        CLIFixture(
            name: "nested blocks and continuation lines",
            config: """
                [profile n]
                s3 =
                  max_concurrent_requests = 20

                  addressing_style = path
                region = us-west-1
                    still-region
                output =
                mfa_serial =
                  not a pair but nested
                """),
        CLIFixture(
            name: "[DEFAULT] fills every section",
            config: "[DEFAULT]\nregion = sa-east-1\noutput = table\n[profile d1]\n[profile d2]\nregion = us-east-1\n",
            credentials: "[DEFAULT]\naws_access_key_id = AKIADEFAULT000000000\naws_secret_access_key = d\n[d1]\n"),
        CLIFixture(
            name: "credentials file wins key by key",
            config:
                "[profile m]\nregion = us-east-1\noutput = json\n[profile role]\nrole_arn = arn:aws:iam::1:role/m\nsource_profile = credonly\n",
            credentials:
                "[m]\nregion = eu-north-1\n[credonly]\naws_access_key_id = AKIACRED000000000000\naws_secret_access_key = c\n[profile m]\nregion = never-a-config-profile\n"
        ),
        CLIFixture(
            name: "quoted and malformed profile headers",
            config: """
                [profile "my dev"]
                region = eu-west-1
                [profile my dev]
                region = ignored
                [profilefoo bar]
                region = botocore-quirk
                [profile]
                region = dropped
                [preview]
                region = not-a-profile
                """),
        CLIFixture(
            name: "[default] and [profile default], later wins whole",
            config: "[default]\nregion = first\noutput = json\n[profile default]\nregion = second\n"),
        CLIFixture(
            name: "duplicate section is refused",
            config: "[profile a]\nregion = x\n[profile a]\nregion = y\n"),
        CLIFixture(
            name: "malformed credentials line is refused",
            config: "[profile a]\nregion = x\n",
            credentials: "[a]\naws_access_key_id AKIA\n"),
        CLIFixture(
            name: "partial keys",
            config: "[profile p]\nregion = x\n[profile role]\nrole_arn = arn:aws:iam::1:role/p\nsource_profile = p\n",
            credentials: "[p]\naws_access_key_id = AKIAPARTIAL000000000\n"),
        CLIFixture(
            name: "Unicode whitespace indentation",
            config: "[profile u]\n\u{A0}region = ap-east-1\u{3000}\n\u{2003}\u{2003}continued\noutput = json\n",
            stricter: ["u": "~/.aws/config:2: region: expected one line, found continuation lines"]),
    ]
}

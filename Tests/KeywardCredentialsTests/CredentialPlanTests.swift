import KeywardConfig
import KeywardCredentials
import Testing

/// Plans worked out from inline configs: which session is opened, which roles are assumed, with what.
@Suite struct CredentialPlanTests {
    static let serial = "arn:aws:iam::123456789012:mfa/jo"

    static func plan(
        _ config: String, _ profile: String, options: CredentialOptions = CredentialOptions(loginName: "local")
    )
        throws -> CredentialPlan
    {
        let file = try ConfigFile(contents: config, fileName: "~/.aws/config")
        let resolver = ProfileResolver(config: file, credentials: nil, environment: [:])
        return try CredentialPlan(resolver.resolve(profile, allowMissing: true), options: options)
    }

    static let seeds = """
        [profile jo]
        mfa_serial = \(serial)
        region = eu-west-1

        [profile admin]
        role_arn = arn:aws:iam::123456789012:role/admin
        source_profile = jo
        mfa_serial = \(serial)

        [profile deep]
        role_arn = arn:aws:iam::123456789012:role/deep
        source_profile = admin
        duration_seconds = 7200
        external_id = ext-1
        session_tags = team=red, env = prod
        transitive_session_tags = team
        source_identity = jo@example.com
        """

    @Test func seedsAdminOpensOneMFASessionThenAssumesWithoutASecondCode() throws {
        let plan = try Self.plan(Self.seeds, "admin")
        #expect(plan.source == .vaultKey(profile: "jo"))
        #expect(
            plan.sessionToken
                == CredentialPlan.SessionTokenStep(
                    profile: "jo", mfaSerial: Self.serial, mfaProcess: nil, durationSeconds: 28800))
        #expect(plan.roles.count == 1)
        #expect(plan.roles.first?.roleARN == "arn:aws:iam::123456789012:role/admin")
        #expect(plan.roles.first?.mfaSerial == nil)
        #expect(plan.roles.first?.sessionName == "jo")
        #expect(plan.roles.first?.durationSeconds == 3600)
        #expect(plan.chainDescription == "admin <- jo")
    }

    @Test func chainedRolesAreLimitedToAnHourAndCarryTheirParameters() throws {
        let plan = try Self.plan(Self.seeds, "deep")
        #expect(plan.roles.map(\.profile) == ["admin", "deep"])
        let deep = try #require(plan.roles.last)
        #expect(deep.durationSeconds == 3600)
        #expect(deep.externalID == "ext-1")
        #expect(
            deep.tags == [Profile.SessionTag(key: "team", value: "red"), Profile.SessionTag(key: "env", value: "prod")])
        #expect(deep.transitiveTagKeys == ["team"])
        #expect(deep.sourceIdentity == "jo@example.com")
        #expect(deep.sessionName == "jo")
    }

    @Test func roleMFAWithoutSourceMFAGoesOnAssumeRoleAndTheLoginNameNamesTheSession() throws {
        let config = """
            [profile jo]
            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/admin
            source_profile = jo
            mfa_serial = GAHT12345678
            """
        let plan = try Self.plan(config, "admin")
        #expect(plan.sessionToken == nil)
        #expect(plan.roles.first?.mfaSerial == "GAHT12345678")
        #expect(plan.roles.first?.sessionName == "local")
    }

    @Test func aPlainKeyGetsASessionUnlessToldOtherwise() throws {
        let config = "[profile jo]\n"
        #expect(try Self.plan(config, "jo").sessionToken?.mfaSerial == nil)
        #expect(try Self.plan(config, "jo").sessionToken?.durationSeconds == 28800)
        #expect(try Self.plan(config, "jo", options: CredentialOptions(plainKeySessions: false)).sessionToken == nil)
        #expect(try Self.plan(config, "jo", options: CredentialOptions(useSessionToken: false)).sessionToken == nil)
        #expect(
            try Self.plan(config, "jo", options: CredentialOptions(duration: 900)).sessionToken?.durationSeconds == 900)
    }

    @Test func fingerprintsChangeWithEveryParameter() throws {
        let base = try Self.plan(Self.seeds, "admin")
        let other = try Self.plan(
            Self.seeds.replacingOccurrences(of: "role/admin\n", with: "role/admin\nexternal_id = x\n"), "admin")
        #expect(base.sessionTokenKey == other.sessionTokenKey)
        #expect(base.finalKey != other.finalKey)
        #expect(base.finalKey.extends(try #require(base.sessionTokenKey)))
    }

    /// Issue 21 item 12: the profile asked for wins with its mfa_process over its source profile's.
    @Test func theTargetsMFAProcessWinsOverTheSources() throws {
        let config = """
            [profile jo]
            mfa_serial = arn:aws:iam::123456789012:mfa/jo
            mfa_process = echo-from-jo

            [profile admin]
            role_arn = arn:aws:iam::123456789012:role/admin
            source_profile = jo
            mfa_process = echo-from-admin

            """
        #expect(try Self.plan(config, "admin").sessionToken?.mfaProcess == "echo-from-admin")
        #expect(try Self.plan(config, "jo").sessionToken?.mfaProcess == "echo-from-jo")
    }

    /// Issue 13 item 5: two profiles whose tags differ only in where a delimiter falls get different keys.
    /// The old text joined tags with `,` and fields with `;`, so `session_tags = a=1;` with
    /// `transitive_session_tags = b` and `session_tags = a=1` with `transitive_session_tags = ;b` both
    /// read `a=1;;b` and shared one cached session.
    @Test func tagsThatDifferOnlyInADelimiterGetDifferentKeys() throws {
        func config(_ tags: String, _ transitive: String) -> String {
            Self.seeds.replacingOccurrences(
                of: "role/admin\n",
                with: "role/admin\nsession_tags = \(tags)\ntransitive_session_tags = \(transitive)\n")
        }
        let first = try Self.plan(config("a=1;", "b"), "admin")
        let second = try Self.plan(config("a=1", ";b"), "admin")
        let (one, two) = (try #require(first.roles.last), try #require(second.roles.last))
        #expect(one.tags.map(\.value) == ["1;"] && two.transitiveTagKeys == [";b"])
        func oldText(_ role: CredentialPlan.RoleStep) -> String {
            role.tags.map { "\($0.key)=\($0.value)" }.joined(separator: ",") + ";"
                + role.transitiveTagKeys.joined(separator: ",")
        }
        #expect(oldText(one) == oldText(two))
        #expect(first.finalKey != second.finalKey)
        #expect(first.finalKey.digest != second.finalKey.digest)
    }

    @Test func unsupportedSourcesAreOneLineErrors() throws {
        let config = """
            [profile sso]
            sso_session = corp
            sso_account_id = 123456789012
            sso_role_name = admin
            """
        #expect(
            throws: CredentialsError.unsupportedSource(profile: "sso", source: "IAM Identity Center (sso_*)")
        ) {
            try Self.plan(config, "sso")
        }
        #expect(
            CredentialsError.unsupportedSource(profile: "sso", source: "IAM Identity Center (sso_*)").description
                == "profile sso: IAM Identity Center (sso_*) is not supported by Keyward yet")
    }

    /// Issue 20: the instance and the container start role chains; the IMDS keys come from the profile asked
    /// for, as botocore reads them from the session's profile.
    @Test func instanceAndContainerSourcesStartRoleChains() throws {
        let config = """
            [profile ec2]
            role_arn = arn:aws:iam::123456789012:role/x
            credential_source = Ec2InstanceMetadata
            ec2_metadata_service_endpoint = http://127.0.0.1:1

            [profile deploy]
            role_arn = arn:aws:iam::123456789012:role/deploy
            source_profile = ec2
            ec2_metadata_service_endpoint_mode = ipv6

            [profile task]
            role_arn = arn:aws:iam::123456789012:role/y
            credential_source = EcsContainer
            """
        let ec2 = try Self.plan(config, "ec2")
        #expect(ec2.source.profile == "ec2")
        guard case .instanceMetadata(let own, "ec2") = ec2.source else {
            Issue.record("\(ec2.source)")
            return
        }
        #expect(own.endpoint?.text == "http://127.0.0.1:1")
        #expect(ec2.roles.map(\.roleARN) == ["arn:aws:iam::123456789012:role/x"])
        #expect(ec2.sessionToken == nil)

        let deploy = try Self.plan(config, "deploy")
        guard case .instanceMetadata(let asked, "ec2") = deploy.source else {
            Issue.record("\(deploy.source)")
            return
        }
        #expect(asked.endpoint == nil)
        #expect(asked.endpointMode?.text == "ipv6")
        #expect(deploy.roles.map(\.profile) == ["ec2", "deploy"])

        let task = try Self.plan(config, "task")
        #expect(task.source == .container(profile: "task"))
        #expect(task.finalKey != ec2.finalKey)
        // The instance's access key identifies the cached sessions: a new instance key, a new session.
        #expect(ec2.finalKey.identified(by: "ASIAONE") != ec2.finalKey.identified(by: "ASIATWO"))
    }

    @Test func defaultSessionNames() {
        let options = CredentialOptions(loginName: "jo smith")
        #expect(CredentialPlan.defaultSessionName(mfaSerial: "arn:aws:iam::1:mfa/alice", options: options) == "alice")
        #expect(CredentialPlan.defaultSessionName(mfaSerial: nil, options: options) == "jo-smith")
        #expect(CredentialPlan.defaultSessionName(mfaSerial: nil, options: CredentialOptions()) == "keyward")
        #expect(
            CredentialPlan.defaultSessionName(mfaSerial: nil, options: CredentialOptions(loginName: "x")) == "keyward-x"
        )
    }
}

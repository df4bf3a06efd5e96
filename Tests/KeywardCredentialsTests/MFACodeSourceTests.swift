import KeywardCredentials
import Testing

/// Where an MFA code comes from: `--mfa-token`, else the profile's `mfa_process`, else the terminal; without
/// any, one line naming the device, and never a prompt.
@Suite struct MFACodeSourceTests {
    static let serial = "arn:aws:iam::123456789012:mfa/jo"

    @Test func theFlagWinsOverTheProcess() throws {
        let source = MFACodeSource(token: "123456", terminal: nil, processEnvironment: [:])
        #expect(try source.code(serial: Self.serial, profile: "jo", mfaProcess: "exit 3") == "123456")
    }

    @Test func theProcessGivesItsFirstLineTrimmedAndNeverSeesKeywardsSecrets() throws {
        let source = MFACodeSource(
            token: nil, terminal: nil,
            processEnvironment: [
                "PATH": "/usr/bin:/bin", "KEYWARD_FILE_PASSPHRASE": "vault passphrase", "KEYWARD_HOME": "/k",
            ])
        #expect(
            try source.code(serial: Self.serial, profile: "jo", mfaProcess: "printf '  654321 \\nsecond line\\n'")
                == "654321")
        // What the process sees: the vault's location, not what unlocks it.
        #expect(
            try source.code(
                serial: Self.serial, profile: "jo",
                mfaProcess: "printf '%s-%s' \"${KEYWARD_FILE_PASSPHRASE:-none}\" \"$KEYWARD_HOME\"") == "none-/k")
    }

    @Test func aFailingOrSilentProcessIsOneLineNamingTheProfile() {
        let source = MFACodeSource(token: nil, terminal: nil, processEnvironment: ["PATH": "/usr/bin:/bin"])
        #expect(throws: CredentialsError.mfaProcessFailed(profile: "jo", reason: "exit status 3")) {
            try source.code(serial: Self.serial, profile: "jo", mfaProcess: "exit 3")
        }
        #expect(throws: CredentialsError.mfaProcessFailed(profile: "jo", reason: "it printed no code")) {
            try source.code(serial: Self.serial, profile: "jo", mfaProcess: "printf '\\n'")
        }
    }

    /// An empty `--mfa-token` counts as none, and with no process and no terminal nothing is asked.
    @Test func withoutAnySourceTheErrorNamesTheDevice() {
        let source = MFACodeSource(token: "", terminal: nil, processEnvironment: [:])
        #expect(throws: CredentialsError.mfaCodeUnavailable(profile: "jo", serial: Self.serial)) {
            try source.code(serial: Self.serial, profile: "jo", mfaProcess: nil)
        }
        let text = CredentialsError.mfaCodeUnavailable(profile: "jo", serial: Self.serial).description
        #expect(text.contains(Self.serial) && !text.contains("\n"))
    }
}

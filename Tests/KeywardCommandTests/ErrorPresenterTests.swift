import KeywardCredentials
import KeywardFederation
import KeywardPolicy
import KeywardSystem
import KeywardVault
import Testing

@testable import keyward

/// Issue 13 item 6: each typed error is rendered once, by `ErrorPresenter`, as one `keyward: ` line with the
/// status the command always had (the shell's 127 and 126, policy's 1 and 2, else 1).
@Suite struct ErrorPresenterTests {
    @Test func oneLineAndTheCommandsStatus() {
        let cases: [(error: any Error, status: Int32, message: String)] = [
            (SystemError.commandNotFound("terraform"), 127, "terraform: command not found"),
            (SystemError.cannotExecute(program: "./run", reason: "Permission denied"), 126, "./run: Permission denied"),
            (
                SystemError.shellUnavailable(shell: "/bin/sh", code: 2), 127,
                "cannot run /bin/sh: No such file or directory"
            ),
            (CommandError.childNotStarted(program: "x", reason: "gone"), 126, "x: gone"),
            (
                CommandError.policyDenied(Decision(.implicitDeny, .noAllow)), 1,
                "implicitDeny (no policy allows it)"
            ),
            (
                CommandError.policyUnanswered(CredentialsError.noCredentials(profile: "nobody")), 2,
                CredentialsError.noCredentials(profile: "nobody").description
            ),
            (
                CommandError.nestedExec(outerProfile: "admin"), 1,
                "already inside keyward exec for profile admin; exit that shell first or pass --allow-nested"
            ),
            (
                VaultError.invalidVaultKeyLifetime(variable: "KEYWARD_FILE_KEY_TTL", value: "2h"), 1,
                "KEYWARD_FILE_KEY_TTL=2h: expected a duration of at most 1h, such as 300, 90s or 5m"
            ),
            (FederationError.keysNotImported(profiles: ["a", "b"]), 1, "not imported: a, b; see the lines above"),
            (
                CredentialsError.mfaTokenWithoutSerial(profile: "jo"), 1,
                "profile jo has no mfa_serial in the config; --mfa-token needs one"
            ),
        ]
        for (error, status, message) in cases {
            #expect(ErrorPresenter.exitCode(for: error) == status, "\(message)")
            #expect(ErrorPresenter.message(for: error) == message)
            #expect(ErrorPresenter.line(ErrorPresenter.message(for: error)) == "keyward: \(message)\n")
        }
    }
}

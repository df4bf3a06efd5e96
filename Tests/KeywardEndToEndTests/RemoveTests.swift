import Foundation
import KeywardAWS
import KeywardSystem
import KeywardTestSupport
import Testing

/// `keyward remove` run as the built binary: confirmation on the terminal, `--force`, no terminal.
@Suite struct RemoveTests {
    static let key = AWSCredentials(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE",
        secretAccessKey: SecretString("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"))

    @Test func forceRemovesWithoutAsking() async throws {
        let sandbox = try VaultSandbox()
        #expect(try sandbox.add("jo", key: Self.key).status == 0)
        let removed = try sandbox.runWithoutTerminal(["remove", "jo", "--force"])
        #expect(removed.status == 0)
        #expect(removed.stderr == "")
        #expect(removed.stdout == "Removed the access key ****************MPLE of profile jo from file\n")
        #expect(try await sandbox.storedKey("jo") == nil)
        #expect(try sandbox.run(["list"]).stdout == "")

        let again = try sandbox.run(["remove", "jo", "--force"])
        #expect(again.status == 1)
        #expect(
            again.stderr
                == "keyward: profile jo: no access key is stored in file (\(sandbox.keywardHome)/vault.keyward); "
                + "nothing was removed\n")
    }

    @Test func withoutATerminalOrForceNothingIsRemoved() async throws {
        let sandbox = try VaultSandbox()
        #expect(try sandbox.add("jo", key: Self.key).status == 0)
        let refused = try sandbox.runWithoutTerminal(["remove", "jo"])
        #expect(refused.status == 1)
        #expect(refused.stdout == "")
        #expect(
            refused.stderr
                == "keyward: profile jo: no terminal to confirm the removal on; pass --force to remove without "
                + "asking; nothing was removed\n")
        #expect(try await sandbox.storedKey("jo")?.accessKeyID == Self.key.accessKeyID)
    }

    @Test func asksOnTheTerminalAndRemovesOnlyOnYes() async throws {
        let sandbox = try VaultSandbox()
        #expect(try sandbox.add("jo", key: Self.key).status == 0)
        let question =
            "Delete the access key ****************MPLE of profile jo from file? It cannot be recovered. [y/N] "

        let declined = try sandbox.runOnTerminal(["remove", "jo"], replies: [(question, "n")])
        #expect(declined.status == 1)
        #expect(declined.transcript.contains("keyward: profile jo: not confirmed; nothing was removed"))
        #expect(try await sandbox.storedKey("jo") != nil)

        let confirmed = try sandbox.runOnTerminal(["remove", "jo"], replies: [(question, "yes")])
        #expect(confirmed.status == 0)
        #expect(confirmed.transcript.contains("Removed the access key ****************MPLE of profile jo from file"))
        #expect(try await sandbox.storedKey("jo") == nil)
    }
}

import Foundation
import KeywardConfig
import KeywardSystem
import KeywardTestSupport
import KeywardVault
import Testing

@testable import keyward

/// `import --scrub` run in-process against moto with signatures checked: a key STS accepts moves into the
/// vault and out of the file (backed up first), a key STS refuses stays where it was.
@Suite struct ImportCommandTests {
    @Test func aVerifiedKeyMovesAndARefusedOneStays() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let harness = try CommandHarness(endpoint: moto.endpoint)
            let bogusSecret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
            let original =
                "# by hand\n[jo]\naws_access_key_id = \(account.jo.accessKeyID)\n"
                + "aws_secret_access_key = \(account.jo.secretAccessKey.unredacted)\n\n"
                + "[bogus]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = \(bogusSecret)\n"
            try harness.home.write(".aws/credentials", original)
            let directory = harness.home.url.appendingPathComponent(".aws").path
            let path = directory + "/credentials"

            let run = await harness.run { try await ImportCommand.parse(["--scrub"]).run(in: $0) }
            #expect(run.status == 1)
            let lines = run.stdout.split(separator: "\n").map(String.init)
            #expect(lines.count == 2)
            #expect(
                lines.first
                    == "imported jo (\(String(repeating: "*", count: 16) + account.jo.accessKeyID.suffix(4)), "
                    + "\(account.joARN)); removed from ~/.aws/credentials")
            #expect(lines.last?.contains("bogus") == true)

            // The backup is named with the one constant doctor also looks for.
            let backups = try FileManager.default.contentsOfDirectory(atPath: directory)
                .filter { $0.hasPrefix("credentials" + ConfigPaths.importBackupInfix) }
            #expect(backups.count == 1)
            let backup = directory + "/" + (backups.first ?? "")
            #expect(try Data(contentsOf: URL(fileURLWithPath: backup)) == Data(original.utf8))
            #expect(try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int == 0o600)
            #expect(
                run.stderr
                    == "keyward: the original file is kept at \(backup) (mode 0600); it still holds the keys in "
                    + "plaintext: delete it when you are satisfied\nkeyward: not imported: bogus; see the lines above\n"
            )

            // jo's key is in the vault and only in the backup; the refused key stays in the file.
            let stored = try await harness.context().keyVault().key(profile: "jo")
            #expect(stored?.accessKeyID == account.jo.accessKeyID)
            #expect(stored?.secretAccessKey.unredacted == account.jo.secretAccessKey.unredacted)
            #expect(harness.filesContaining(account.jo.secretAccessKey.unredacted) == [backup])
            let scrubbed = try String(contentsOfFile: path, encoding: .utf8)
            #expect(!scrubbed.contains(account.jo.accessKeyID))
            #expect(scrubbed.contains("aws_secret_access_key = \(bogusSecret)\n"))
            #expect(try await harness.context().keyVault().key(profile: "bogus") == nil)
            #expect(!run.stdout.contains(account.jo.secretAccessKey.unredacted))
        }
    }

    /// No credentials file: one line, status 1, nothing written.
    @Test func aMissingFileIsOneLine() async throws {
        let harness = try CommandHarness(endpoint: URL(string: "http://127.0.0.1:9")!)
        let run = await harness.run { try await ImportCommand.parse(["--offline"]).run(in: $0) }
        #expect(
            run
                == .init(
                    status: 1, stdout: "", stderr: "keyward: ~/.aws/credentials: no such file; nothing to import\n"))
        #expect(!FileManager.default.fileExists(atPath: harness.home.url.appendingPathComponent(".aws").path))
    }
}

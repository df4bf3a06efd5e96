import Foundation
import KeywardAWS
import KeywardSystem
import KeywardTestSupport
import Testing

/// After `keyward add`, nothing under the sandbox HOME holds the secret (or the key id) in plaintext.
@Suite struct PlaintextTests {
    @Test func noSecretUnderHomeAfterAdd() async throws {
        let sandbox = try VaultSandbox()
        // Distinctive values, so a match can only come from Keyward writing them.
        let key = AWSCredentials(
            accessKeyID: "AKIAPLAINTEXTCHECK42",
            secretAccessKey: SecretString("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"))
        let added = try sandbox.add("jo", key: key)
        #expect(added.status == 0)
        let added2 = try sandbox.runOnTerminal(
            ["add", "dev"],
            replies: [
                ("Access key ID for profile dev: ", key.accessKeyID),
                ("Secret access key: ", key.secretAccessKey.unredacted),
            ])
        #expect(added2.status == 0)
        #expect(try sandbox.run(["list"]).status == 0)

        let files = sandbox.home.allFiles()
        #expect(files.map(\.path).contains("\(sandbox.keywardHome)/vault.keyward"))
        #expect(sandbox.filesContaining(key.secretAccessKey.unredacted) == [])
        #expect(sandbox.filesContaining(key.accessKeyID) == [])
        #expect(sandbox.filesContaining(key.accessKeyID + key.secretAccessKey.unredacted) == [])
        #expect(sandbox.filesContaining(String(key.secretAccessKey.unredacted.prefix(16))) == [])

        let vault = try FileManager.default.attributesOfItem(atPath: "\(sandbox.keywardHome)/vault.keyward")
        #expect((vault[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let directory = try FileManager.default.attributesOfItem(atPath: sandbox.keywardHome)
        #expect((directory[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }
}

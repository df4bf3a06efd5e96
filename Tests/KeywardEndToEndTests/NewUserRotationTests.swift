import Foundation
import KeywardAWS
import KeywardCredentials
import KeywardSystem
import KeywardVault
import Testing

/// Issue 21, items 2 and 3, at the level of `KeyRotation` (with `RotateKeyRotationTests`' scripted IAM/STS).
@Suite struct NewUserRotationTests {
    typealias Rotation = RotateKeyRotationTests

    /// Item 2: a backend that forgets at reboot never gets the new key, and IAM is not even asked for it.
    @Test func item02NoRotationIntoTheKernelKeyring() async throws {
        let item = try VaultItem.accessKey(profile: "jo")
        let old = StoredKey(accessKeyID: Rotation.oldID, secretAccessKey: SecretString("old-secret"))
        let vault = KeyVault(store: InMemorySecretStore(kind: .keyctl, secrets: [item: old.encoded()]))
        let service = Rotation.FakeService()
        await #expect(throws: KeyRotation.Failure.vaultUnreadable(profile: "jo", .keyWouldNotSurviveReboot(.keyctl))) {
            _ = try await Rotation.rotation(vault, service).run()
        }
        #expect(await service.calls == [])
        #expect(try await vault.key(profile: "jo")?.accessKeyID == Rotation.oldID)
    }

    /// Item 3: the sessions minted from the old key (the profile's, and those with it in their chain) are
    /// dropped; others stay.
    @Test func item03TheOldKeysSessionsAreDropped() async throws {
        let vault = try await Rotation.vault()
        let sessions = SessionCache(store: InMemorySecretStore(), namespace: "abcd1234")
        let expiry = Date().addingTimeInterval(3600)
        let credentials = AWSCredentials(
            accessKeyID: "ASIASESSION000000001", secretAccessKey: SecretString("s"), sessionToken: SecretString("t"))
        for (profile, chain) in [("jo", ["jo"]), ("admin", ["admin", "jo"]), ("other", ["other", "ana"])] {
            try await sessions.store(
                CachedSession(
                    kind: profile == "jo" ? .sessionToken : .assumedRole, profile: profile, chain: chain,
                    credentials: credentials, expiration: expiry),
                forKey: profile)
        }
        var rotation = Rotation.rotation(vault, Rotation.FakeService())
        rotation.sessions = sessions
        let outcome = try await rotation.run()
        #expect(outcome.droppedSessions == 2)
        #expect(try await sessions.entries().map(\.profile) == ["other"])
    }
}

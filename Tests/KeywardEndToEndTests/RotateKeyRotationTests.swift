import Foundation
import KeywardAWS
import KeywardCredentials
import KeywardSystem
import KeywardVault
import Synchronization
import Testing

/// `KeyRotation` with a scripted IAM/STS: every step's failure and what it leaves behind.
@Suite struct RotateKeyRotationTests {
    static let user = "jo"
    static let arn = "arn:aws:iam::123456789012:user/jo"
    static let oldID = "AKIAOLDOLDOLDOLD0001"
    static let newID = "AKIANEWNEWNEWNEW0002"
    static let sessionID = "ASIASESSIONSESSION03"
    static let serial = "arn:aws:iam::123456789012:mfa/jo"

    /// A scripted IAM and STS that records every call (operation and the key id that signed it).
    actor FakeService: AccessKeyService {
        var keys: [String] = [RotateKeyRotationTests.oldID]
        var calls: [String] = []
        /// How many times the new key is refused before it answers (`nil`: never answers).
        var newKeyRefusals: Int? = 0
        var failures: [String: AWSClientError] = [:]

        init(newKeyRefusals: Int? = 0, failures: [String: AWSClientError] = [:], keys: [String]? = nil) {
            self.newKeyRefusals = newKeyRefusals
            self.failures = failures
            if let keys { self.keys = keys }
        }

        func callerIdentity(_ credentials: AWSCredentials) async throws(AWSClientError) -> CallerIdentity {
            calls.append("GetCallerIdentity \(credentials.accessKeyID)")
            if credentials.accessKeyID == RotateKeyRotationTests.newID {
                guard let refusals = newKeyRefusals else { throw RotateKeyRotationTests.refused }
                if refusals > 0 {
                    newKeyRefusals = refusals - 1
                    throw RotateKeyRotationTests.refused
                }
            }
            return CallerIdentity(arn: RotateKeyRotationTests.arn, account: "123456789012", userID: "AIDAJO")
        }

        func mfaSession(
            serial: String, code: String, credentials: AWSCredentials
        ) async throws(AWSClientError) -> AWSCredentials {
            calls.append("GetSessionToken \(serial) \(code) \(credentials.accessKeyID)")
            if let failure = failures["GetSessionToken"] { throw failure }
            return AWSCredentials(
                accessKeyID: RotateKeyRotationTests.sessionID, secretAccessKey: SecretString("session-secret"),
                sessionToken: SecretString("token"))
        }

        func listAccessKeys(
            userName: String, credentials: AWSCredentials
        ) async throws(AWSClientError)
            -> [AccessKeyMetadata]
        {
            calls.append("ListAccessKeys \(userName) \(credentials.accessKeyID)")
            if let failure = failures["ListAccessKeys"] { throw failure }
            return keys.map { AccessKeyMetadata(userName: userName, accessKeyID: $0, status: "Active") }
        }

        func createAccessKey(
            userName: String, credentials: AWSCredentials
        ) async throws(AWSClientError)
            -> AWSCredentials
        {
            calls.append("CreateAccessKey \(userName) \(credentials.accessKeyID)")
            if let failure = failures["CreateAccessKey"] { throw failure }
            keys.append(RotateKeyRotationTests.newID)
            return AWSCredentials(
                accessKeyID: RotateKeyRotationTests.newID, secretAccessKey: SecretString("new-secret"))
        }

        func deleteAccessKey(
            _ accessKeyID: String, userName: String, credentials: AWSCredentials
        )
            async throws(AWSClientError)
        {
            calls.append("DeleteAccessKey \(accessKeyID) \(userName) \(credentials.accessKeyID)")
            if let failure = failures["DeleteAccessKey \(accessKeyID)"] { throw failure }
            keys.removeAll { $0 == accessKeyID }
        }
    }

    /// A store whose writes fail, as a full disk would make them.
    struct UnwritableStore: SecretStore {
        let inner: InMemorySecretStore
        var kind: SecretStoreKind { .file }
        var location: String { "/vault.keyward" }
        func store(_ secret: SecretString, for item: VaultItem) async throws(VaultError) {
            throw .system(.fileOperation(.rename, path: "/vault.keyward", code: 28))
        }
        func read(_ item: VaultItem) async throws(VaultError) -> SecretString? { try await inner.read(item) }
        func list(_ kind: VaultItem.Kind) async throws(VaultError) -> [String] { try await inner.list(kind) }
        func delete(_ item: VaultItem) async throws(VaultError) -> Bool { try await inner.delete(item) }
    }

    static let refused = AWSClientError.service(
        AWSServiceError(
            code: "InvalidClientTokenId", message: "The security token included in the request is invalid.",
            requestID: nil, httpStatus: 403, operation: "sts:GetCallerIdentity"))

    static func denied(_ operation: String) -> AWSClientError {
        .service(
            AWSServiceError(code: "AccessDenied", message: "no", requestID: nil, httpStatus: 403, operation: operation))
    }

    static func vault(_ store: any SecretStore = InMemorySecretStore()) async throws -> KeyVault {
        let vault = KeyVault(store: store)
        if store is InMemorySecretStore {
            try await vault.storeKey(
                StoredKey(accessKeyID: oldID, secretAccessKey: SecretString("old-secret")), profile: "jo")
        }
        return vault
    }

    /// Records the waits instead of sleeping.
    final class Waits: Sendable {
        let recorded = Mutex<[Duration]>([])
        func sleep(_ duration: Duration) { recorded.withLock { $0.append(duration) } }
    }

    static func rotation(_ vault: KeyVault, _ service: FakeService, waits: Waits = Waits()) -> KeyRotation {
        KeyRotation(
            profile: "jo", vault: vault, service: service, sleep: { waits.sleep($0) },
            now: { Date(timeIntervalSince1970: 1_800_000_000) })
    }

    @Test func waitsForTheNewKeyThenStoresItAndDeletesTheOldOne() async throws {
        let vault = try await Self.vault()
        let service = FakeService(newKeyRefusals: 2)
        let waits = Waits()
        let outcome = try await Self.rotation(vault, service, waits: waits).run()
        #expect(
            outcome
                == KeyRotation.Outcome(
                    user: "jo", oldKeyID: Self.oldID, newKeyID: Self.newID, attempts: 3, oldKeyWasAlreadyGone: false))
        #expect(waits.recorded.withLock { $0 } == [.seconds(1), .seconds(2)])
        #expect(
            await service.calls == [
                "GetCallerIdentity \(Self.oldID)", "ListAccessKeys jo \(Self.oldID)",
                "CreateAccessKey jo \(Self.oldID)",
                "GetCallerIdentity \(Self.newID)", "GetCallerIdentity \(Self.newID)", "GetCallerIdentity \(Self.newID)",
                "DeleteAccessKey \(Self.oldID) jo \(Self.oldID)",
            ])
        let stored = try await vault.key(profile: "jo")
        #expect(stored?.accessKeyID == Self.newID)
        #expect(stored?.secretAccessKey.unredacted == "new-secret")
        #expect(stored?.storedAt == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(await service.keys == [Self.newID])
    }

    @Test func withMFATheIAMCallsAreSignedWithTheMFASession() async throws {
        let vault = try await Self.vault()
        let service = FakeService()
        var rotation = Self.rotation(vault, service)
        rotation.mfa = (Self.serial, "123456")
        let outcome = try await rotation.run()
        #expect(outcome.newKeyID == Self.newID)
        #expect(
            await service.calls == [
                "GetCallerIdentity \(Self.oldID)", "GetSessionToken \(Self.serial) 123456 \(Self.oldID)",
                "ListAccessKeys jo \(Self.sessionID)", "CreateAccessKey jo \(Self.sessionID)",
                "GetCallerIdentity \(Self.newID)", "DeleteAccessKey \(Self.oldID) jo \(Self.sessionID)",
            ])
        #expect(try await vault.key(profile: "jo")?.accessKeyID == Self.newID)
    }

    @Test func aRefusedMFASessionChangesNothing() async throws {
        let vault = try await Self.vault()
        let service = FakeService(failures: ["GetSessionToken": Self.denied("sts:GetSessionToken")])
        var rotation = Self.rotation(vault, service)
        rotation.mfa = (Self.serial, "000000")
        await #expect {
            try await rotation.run()
        } throws: { error in
            (error as? KeyRotation.Failure)?.description
                == "profile jo: STS refused an MFA session with \(Self.serial) (\(Self.denied("sts:GetSessionToken")));"
                + " nothing was changed"
        }
        #expect(await service.calls.count == 2)
        #expect(await service.keys == [Self.oldID])
        #expect(try await vault.key(profile: "jo")?.accessKeyID == Self.oldID)
    }

    @Test func aNewKeyThatNeverAnswersIsDeletedAgainAndTheOldKeyStaysStored() async throws {
        let vault = try await Self.vault()
        let service = FakeService(newKeyRefusals: nil)
        let waits = Waits()
        let error = await #expect(throws: KeyRotation.Failure.self) {
            try await Self.rotation(vault, service, waits: waits).run()
        }
        #expect(
            error
                == .newKeyNeverAnswered(
                    profile: "jo", user: "jo", newKeyID: Self.newID, attempts: 10, last: Self.refused,
                    newKeyDeleted: true))
        #expect(waits.recorded.withLock { $0 } == KeyRotation.defaultPropagationDelays)
        #expect(try await vault.key(profile: "jo")?.accessKeyID == Self.oldID)
        #expect(await service.keys == [Self.oldID])
        #expect(
            error?.description
                == "profile jo: the new key \(Self.newID) did not answer sts:GetCallerIdentity after 10 attempts (last: "
                + "sts:GetCallerIdentity: InvalidClientTokenId: The security token included in the request is "
                + "invalid.); the old key is still stored; the new key was deleted again, nothing is left to clean up")
    }

    @Test func aStoreFailureDeletesTheNewKeyAndKeepsTheOldOne() async throws {
        let inner = InMemorySecretStore()
        try await KeyVault(store: inner).storeKey(
            StoredKey(accessKeyID: Self.oldID, secretAccessKey: SecretString("old-secret")), profile: "jo")
        let vault = try await Self.vault(UnwritableStore(inner: inner))
        let service = FakeService(failures: ["DeleteAccessKey \(Self.newID)": Self.denied("iam:DeleteAccessKey")])
        let error = await #expect(throws: KeyRotation.Failure.self) { try await Self.rotation(vault, service).run() }
        let writeError = VaultError.system(.fileOperation(.rename, path: "/vault.keyward", code: 28))
        #expect(
            error == .storeFailed(profile: "jo", user: "jo", newKeyID: Self.newID, writeError, newKeyDeleted: false))
        #expect(
            error?.description
                == "profile jo: cannot store the new key (\(writeError)); the old key is still stored; left to clean "
                + "up: aws iam delete-access-key --user-name jo --access-key-id \(Self.newID)")
        #expect(try await vault.key(profile: "jo")?.accessKeyID == Self.oldID)
    }

    @Test func aFailedDeleteOfTheOldKeyLeavesTheNewOneStored() async throws {
        let vault = try await Self.vault()
        let denied = Self.denied("iam:DeleteAccessKey")
        let service = FakeService(failures: ["DeleteAccessKey \(Self.oldID)": denied])
        let error = await #expect(throws: KeyRotation.Failure.self) { try await Self.rotation(vault, service).run() }
        #expect(
            error
                == .oldKeyNotDeleted(
                    profile: "jo", user: "jo", oldKeyID: Self.oldID, newMaskedKeyID: "****************0002", denied))
        #expect(
            error?.description
                == "profile jo: the new key ****************0002 is stored and works, but the old key \(Self.oldID) "
                + "was not deleted (iam:DeleteAccessKey: AccessDenied: no); left to clean up: aws iam "
                + "delete-access-key --user-name jo --access-key-id \(Self.oldID)")
        #expect(try await vault.key(profile: "jo")?.accessKeyID == Self.newID)
        #expect(await service.keys == [Self.oldID, Self.newID])
    }

    @Test func anOldKeyAlreadyDeletedElsewhereCountsAsDone() async throws {
        let vault = try await Self.vault()
        let gone = AWSClientError.service(
            AWSServiceError(
                code: "NoSuchEntity", message: "gone", requestID: nil, httpStatus: 404,
                operation: "iam:DeleteAccessKey"))
        let service = FakeService(failures: ["DeleteAccessKey \(Self.oldID)": gone])
        let outcome = try await Self.rotation(vault, service).run()
        #expect(outcome.oldKeyWasAlreadyGone)
        #expect(try await vault.key(profile: "jo")?.accessKeyID == Self.newID)
    }

    @Test func twoKeysOrAFailedCreateChangeNothing() async throws {
        let vault = try await Self.vault()
        let two = FakeService(keys: [Self.oldID, "AKIAOTHEROTHEROTHER3"])
        let refused = await #expect(throws: KeyRotation.Failure.self) { try await Self.rotation(vault, two).run() }
        #expect(refused == .twoKeysAlready(profile: "jo", user: "jo", keyIDs: [Self.oldID, "AKIAOTHEROTHEROTHER3"]))
        #expect(await two.calls == ["GetCallerIdentity \(Self.oldID)", "ListAccessKeys jo \(Self.oldID)"])

        let denied = Self.denied("iam:CreateAccessKey")
        let noCreate = FakeService(failures: ["CreateAccessKey": denied])
        let failed = await #expect(throws: KeyRotation.Failure.self) { try await Self.rotation(vault, noCreate).run() }
        #expect(failed == .createFailed(profile: "jo", user: "jo", denied))
        #expect(try await vault.key(profile: "jo")?.accessKeyID == Self.oldID)
    }

    @Test(arguments: [
        ("arn:aws:iam::123456789012:user/jo", "jo"),
        ("arn:aws:iam::123456789012:user/division/team/jo", "jo"),
        ("arn:aws-cn:iam::123456789012:user/ana", "ana"),
        ("arn:aws:sts::123456789012:assumed-role/admin/jo", nil),
        ("arn:aws:iam::123456789012:root", nil),
        ("arn:aws:iam::123456789012:user/", nil),
        ("not an arn", nil),
    ])
    func userNamesFromCallerARNs(arn: String, expected: String?) {
        #expect(KeyRotation.userName(fromARN: arn) == expected)
    }
}

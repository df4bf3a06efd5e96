import Foundation
import KeywardSystem
import Testing

@testable import KeywardVault

@Suite("Key vault and stored keys")
struct KeyVaultTests {
    static let key = StoredKey(
        accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SecretString("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        storedAt: Date(timeIntervalSince1970: 1_795_000_000.75))

    @Test func aStoredKeyIsJSONWithWholeSeconds() {
        #expect(
            Self.key.encoded().unredacted
                == #"{"accessKeyId":"AKIAIOSFODNN7EXAMPLE","secretAccessKey":"wJalrXUtnFEMI\/K7MDENG\/bPxRfiCYEXAMPLEKEY","storedAt":"2026-11-18T11:06:40Z"}"#
        )
    }

    @Test func aStoredKeyNeverPrintsItsSecret() {
        #expect(Self.key.description == "access key ****************MPLE")
        #expect("\(Self.key)".contains("wJalr") == false)
        #expect(String(reflecting: Self.key).contains("wJalr") == false)
        #expect(Self.key.maskedAccessKeyID == "****************MPLE")
    }

    @Test func keysRoundTripThroughTheVault() async throws {
        let vault = KeyVault(store: InMemorySecretStore())
        try await vault.storeKey(Self.key, profile: "jo")
        try await vault.storeKey(
            StoredKey(accessKeyID: "AKIAOTHER0000000000X", secretAccessKey: SecretString("s")), profile: "ci")
        #expect(try await vault.key(profile: "jo") == Self.key)
        #expect(try await vault.key(profile: "nobody") == nil)
        #expect(try await vault.profiles() == ["ci", "jo"])
        #expect(try await vault.removeKey(profile: "ci") == true)
        #expect(try await vault.removeKey(profile: "ci") == false)
        #expect(try await vault.profiles() == ["jo"])
    }

    @Test func somethingElseStoredUnderAProfileIsAClearError() async throws {
        let item = try VaultItem.accessKey(profile: "jo")
        let vault = KeyVault(store: InMemorySecretStore(secrets: [item: SecretString("not json")]))
        let error = VaultError.malformedItem(item, location: "memory", reason: "not a stored access key")
        await #expect(throws: error) { try await vault.key(profile: "jo") }
        #expect(
            error.description
                == "memory: the access key for profile jo is not in Keyward's format (not a stored access key)")
    }
}

@Suite("Items, kinds and backend selection")
struct VaultItemTests {
    @Test func itemNamesFollowTheRules() throws {
        #expect(try VaultItem.accessKey(profile: "prod-ü").description == "access key for profile prod-ü")
        #expect(try VaultItem(kind: .session, name: "k").description == "session k")
        #expect(throws: VaultError.invalidItemName(name: "", reason: "it is empty")) {
            try VaultItem.accessKey(profile: "")
        }
        #expect(throws: VaultError.invalidItemName(name: "a\nb", reason: "it contains a control character")) {
            try VaultItem.accessKey(profile: "a\nb")
        }
        // Issue 21, item 6: names over 80 bytes are items like any other; only absurd lengths are refused.
        #expect(try VaultItem.accessKey(profile: String(repeating: "é", count: 200)).name.utf8.count == 400)
        let long = String(repeating: "é", count: 513)
        #expect(throws: VaultError.invalidItemName(name: long, reason: "it is longer than 1024 bytes")) {
            try VaultItem.accessKey(profile: long)
        }
        #expect(
            VaultError.invalidItemName(name: "", reason: "it is empty").description
                == "cannot use \"\" as a vault item name: it is empty")
    }

    @Test func canonicallyEquivalentNamesAreDifferentItems() throws {
        let composed = try VaultItem.accessKey(profile: "\u{E9}")
        let decomposed = try VaultItem.accessKey(profile: "e\u{301}")
        #expect(composed != decomposed)
        #expect(Set([composed, decomposed]).count == 2)
        #expect(VaultItem.sorted(["b", "\u{E9}", "a", "e\u{301}"]).map { $0.unicodeScalars.count } == [1, 1, 2, 1])
    }

    @Test func backendNamesParse() throws {
        #expect(try SecretStoreKind(parsing: "secret-service") == .secretService)
        #expect(SecretStoreKind.allCases.map(\.description) == ["file", "keyctl", "secret-service", "pass"])
        #expect(throws: VaultError.unknownBackend("kwallet")) { try SecretStoreKind(parsing: "kwallet") }
        #expect(
            VaultError.unknownBackend("kwallet").description
                == "unknown backend \"kwallet\" (expected one of: file, keyctl, secret-service, pass)")
    }

    @Test(
        arguments: [
            (nil, true, true, BackendSelection(keys: .secretService, sessions: .keyctl)),
            (nil, true, false, BackendSelection(keys: .secretService, sessions: .secretService)),
            (nil, false, true, BackendSelection(keys: .file, sessions: .keyctl)),
            (nil, false, false, BackendSelection(keys: .file, sessions: .file)),
            (.pass, true, true, BackendSelection(keys: .pass, sessions: .keyctl)),
            (.pass, false, false, BackendSelection(keys: .pass, sessions: .pass)),
            (.keyctl, false, true, BackendSelection(keys: .keyctl, sessions: .keyctl)),
            (.file, true, false, BackendSelection(keys: .file, sessions: .file)),
        ] as [(SecretStoreKind?, Bool, Bool, BackendSelection)])
    func defaultBackends(requested: SecretStoreKind?, bus: Bool, keyring: Bool, expected: BackendSelection) {
        let capabilities = MachineCapabilities(secretServiceAnswers: bus, kernelKeyringUsable: keyring)
        #expect(BackendSelection(requested: requested, capabilities: capabilities) == expected)
    }

    @Test func storesAreMadeFromSettingsWithoutTouchingAnything() throws {
        let settings = SecretStoreSettings(
            home: "/nonexistent/keyward", passphrase: .fixed(SecretString("p")),
            environment: ["PATH": "/usr/bin:/bin", "HOME": "/nonexistent/home"])
        let file = try SecretStoreKind.file.makeStore(settings)
        #expect(file.kind == .file)
        #expect(file.location == "/nonexistent/keyward/vault.keyward")
        #expect(try SecretStoreKind.keyctl.makeStore(settings).location == "kernel user keyring")
        #expect(try SecretStoreKind.secretService.makeStore(settings).location == "Secret Service")
        #expect(throws: VaultError.backendUnavailable(.pass, reason: "the pass program is not on PATH")) {
            try SecretStoreKind.pass.makeStore(
                SecretStoreSettings(
                    home: "/x", passphrase: .fixed(SecretString("p")), environment: ["PATH": "/nonexistent"]))
        }
    }
}

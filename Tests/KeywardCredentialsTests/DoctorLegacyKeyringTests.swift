import Foundation
import KeywardCredentials
import KeywardSystem
import KeywardTestSupport
import KeywardVault
import Testing

/// Issue 21, item 2: a long-lived key an older Keyward left un-namespaced in the kernel user keyring is read
/// by no home; `doctor` reports it once, with the command that moves it to a persistent backend.
@Suite(
    .enabled(
        if: TestRequirement.runs(KeyctlSecretStore.probe() == .available), "the kernel keyring is not usable here"))
struct DoctorLegacyKeyringTests {
    @Test func aLegacyKeyctlKeyIsReportedOnceWithTheCommandThatMovesIt() async throws {
        let home = try DoctorTests.Home()
        defer { home.remove() }
        let profile = "keyward-test-legacy-\(UUID().uuidString.prefix(8))"
        let legacy = KeyctlSecretStore()
        let item = try VaultItem.accessKey(profile: profile)
        try await legacy.store(
            StoredKey(accessKeyID: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: SecretString("legacy secret")).encoded(),
            for: item)
        defer { _ = try? legacy.deleteNow(item) }

        var doctor = home.doctor()
        #expect(!doctor.inspect().findings.contains { $0.id == .legacyKeyringKey }, "asked only when set")
        doctor.legacyKeyringProfiles = { LegacyKeyctlKeys().profiles() }
        let found = doctor.inspect().findings.filter { $0.id == .legacyKeyringKey && $0.location.hasSuffix(profile) }
        #expect(
            found == [
                Finding(
                    id: .legacyKeyringKey, severity: .medium,
                    location: "kernel user keyring: keyward:access-key:\(profile)",
                    message: "an older Keyward left the long-lived key of profile \"\(profile)\" in the kernel user "
                        + "keyring, shared by every KEYWARD_HOME: no home reads it, and a reboot deletes it",
                    fix: "keyward add \(profile) --from-legacy-keyring (under the KEYWARD_HOME that should keep it; it "
                        + "moves the key to that home's backend and deletes the old copy)")
            ])
        #expect(!found.contains { $0.message.contains("legacy secret") || $0.message.contains("AKIAIOSFODNN7") })

        // Moved, it is reported no more.
        _ = try await LegacyKeyctlKeys().move(profile: profile, into: KeyVault(store: InMemorySecretStore(kind: .file)))
        #expect(!doctor.inspect().findings.contains { $0.location.hasSuffix(profile) })
    }
}

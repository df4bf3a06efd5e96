import Foundation
import KeywardSystem
import KeywardTestSupport
import Testing

@testable import KeywardVault

@Suite("Secret Service store")
struct SecretServiceSecretStoreTests {
    @Test(
        .enabled(if: Backend.secretService.skipReason == nil, Comment(rawValue: Backend.secretService.skipReason ?? ""))
    )
    func itemsCarryKeywardsSchemaAttributesAndLabel() async throws {
        let secretTool = try #require(
            ExecutableSearch.find("secret-tool", in: testEnvironment["PATH"]),
            "secret-tool is missing (scripts/setup-backends.sh installs libsecret-tools)")
        let schema = "io.keyward.Test\(UUID().uuidString.prefix(8))"
        let store = SecretServiceSecretStore(schemaName: schema)
        let item = try VaultItem.accessKey(profile: "dev")
        try await store.store(SecretString("s3cret"), for: item)
        let found = try TestProcess.run(
            URL(fileURLWithPath: secretTool), ["search", "--all", "keyward-kind", "access-key", "xdg:schema", schema],
            environment: testEnvironment)
        try await store.delete(item)
        // The item's path ("[/1]") and its dates vary; everything else is exact.
        let lines = (found.stdout + found.stderr).split(separator: "\n").map(String.init)
            .filter { !$0.hasPrefix("[") && !$0.hasPrefix("created = ") && !$0.hasPrefix("modified = ") }
        #expect(
            lines == [
                "label = Keyward: access key for profile dev", "secret = s3cret", "schema = \(schema)",
                "attribute.keyward-kind = access-key", "attribute.keyward-name = dev",
            ])
    }

    @Test func withoutASessionBusTheProbeLoadsNothing() throws {
        let result = try TestProcess.run(
            URL(fileURLWithPath: helperExecutable), ["libsecret-loading"], environment: testEnvironment)
        #expect(result.stdout == "no bus: unavailable(reason: \"no D-Bus session bus\"), libsecret loaded: false\n")
    }

    @Test func libsecretIsLoadedOnlyWhenTheSecretServiceIsUsed() throws {
        let result = try TestProcess.run(
            URL(fileURLWithPath: helperExecutable),
            ["libsecret-loading", "--bus", "unix:path=/nonexistent/keyward-test"],
            environment: testEnvironment)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "before: libsecret loaded: false")
        #expect(lines.last == "after: libsecret loaded: true")
    }

    @Test func errorsNameTheItem() {
        let error = VaultError.secretService(
            .read, item: "access key for profile dev", message: "Cannot autolaunch D-Bus")
        #expect(error.description == "Secret Service: cannot read access key for profile dev: Cannot autolaunch D-Bus")
    }
}

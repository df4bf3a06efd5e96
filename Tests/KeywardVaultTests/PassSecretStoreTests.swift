import Foundation
import KeywardSystem
import KeywardTestSupport
import Testing

@testable import KeywardVault

@Suite("pass store")
struct PassSecretStoreTests {
    @Test func theSecretGoesOnStandardInputOnlyAndTheEnvironmentIsFiltered() async throws {
        // A stand-in `pass` that records its arguments, environment and standard input.
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fake = directory.appending("pass")
        let log = directory.appending("log")
        try """
        #!/bin/sh
        printf '%s\\n' "$@" > "\(log).args"
        env | sort > "\(log).env"
        cat > "\(log).stdin"
        """.write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        let storeDirectory = directory.appending("store")
        try FileManager.default.createDirectory(atPath: storeDirectory, withIntermediateDirectories: true)
        try "test@example.invalid\n".write(toFile: storeDirectory + "/.gpg-id", atomically: true, encoding: .utf8)
        let configuration = PassSecretStore.Configuration(
            executable: fake, storeDirectory: storeDirectory, gnupgHome: directory.appending("gnupg"),
            environment: [
                "PATH": "/usr/bin:/bin", "HOME": "/home/jo", "AWS_SECRET_ACCESS_KEY": "leak",
                "KEYWARD_FILE_PASSPHRASE": "leak",
                "GPG_TTY": "/dev/pts/3",
            ])
        let store = PassSecretStore(configuration: configuration)
        try await store.store(SecretString("the-secret"), for: .accessKey(profile: "team/prod"))

        let arguments = try String(contentsOfFile: log + ".args", encoding: .utf8)
        #expect(arguments == "insert\n--multiline\n--force\nkeyward/access-key/team%2Fprod\n")
        let environment = try String(contentsOfFile: log + ".env", encoding: .utf8)
            .split(separator: "\n").filter { !$0.hasPrefix("PWD=") && !$0.hasPrefix("SHLVL=") && !$0.hasPrefix("_=") }
        #expect(
            environment == [
                "GNUPGHOME=\(directory.appending("gnupg"))", "GPG_TTY=/dev/pts/3", "HOME=/home/jo",
                "PASSWORD_STORE_DIR=\(storeDirectory)", "PATH=/usr/bin:/bin",
            ])
        #expect(try String(contentsOfFile: log + ".stdin", encoding: .utf8) == "the-secret")
    }

    @Test func aFailingPassIsReportedWithItsFirstErrorLine() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fake = directory.appending("pass")
        try "#!/bin/sh\necho 'Error: gpg: decryption failed: No secret key' >&2\necho more >&2\nexit 1\n"
            .write(toFile: fake, atomically: true, encoding: .utf8)
        chmod(fake, 0o755)
        try FileManager.default.createDirectory(
            atPath: directory.appending("s/keyward/access-key"), withIntermediateDirectories: true)
        try "id\n".write(toFile: directory.appending("s/.gpg-id"), atomically: true, encoding: .utf8)
        try "x".write(toFile: directory.appending("s/keyward/access-key/dev.gpg"), atomically: true, encoding: .utf8)
        let store = PassSecretStore(configuration: .init(executable: fake, storeDirectory: directory.appending("s")))
        let error = VaultError.pass(
            .read, entry: "keyward/access-key/dev", reason: "Error: gpg: decryption failed: No secret key")
        await #expect(throws: error) { try await store.read(.accessKey(profile: "dev")) }
        #expect(
            error.description
                == "pass: cannot read keyward/access-key/dev: Error: gpg: decryption failed: No secret key")
    }

    @Test func anUninitialisedStoreIsReportedBeforeRunningPass() async throws {
        let store = PassSecretStore(
            configuration: .init(executable: "/bin/false", storeDirectory: "/nonexistent/store"))
        await #expect(
            throws: VaultError.pass(
                .store, entry: "keyward/access-key/dev",
                reason: "no password store at /nonexistent/store (run pass init)")
        ) { try await store.store(SecretString("x"), for: .accessKey(profile: "dev")) }
        #expect(try await store.read(.accessKey(profile: "dev")) == nil)
        #expect(try await store.list(.accessKey) == [])
    }

    @Test(arguments: [
        ("dev", "dev"), ("team/prod", "team%2Fprod"), ("100%", "100%25"), (".hidden", "%2Ehidden"), ("..", "%2E."),
        ("a.b", "a.b"), ("prod-ü 🔑", "prod-ü 🔑"),
    ])
    func entryNamesStayReadableAndSafe(name: String, component: String) {
        #expect(PassEntryName.encode(name) == component)
        #expect(PassEntryName.decode(component) == name)
    }

    @Test func configurationFromTheEnvironment() throws {
        let configuration = try PassSecretStore.Configuration(environment: [
            "PATH": "/nonexistent:/usr/bin:/bin", "HOME": "/home/jo", "AWS_ACCESS_KEY_ID": "AKIA",
        ])
        #expect(configuration.executable == "/usr/bin/pass")
        #expect(configuration.storeDirectory == "/home/jo/.password-store")
        #expect(configuration.childEnvironment["AWS_ACCESS_KEY_ID"] == nil)
        let explicit = try PassSecretStore.Configuration(environment: [
            "PATH": "/usr/bin", "HOME": "/home/jo", "PASSWORD_STORE_DIR": "/srv/store",
        ])
        #expect(explicit.storeDirectory == "/srv/store")
        #expect(throws: VaultError.backendUnavailable(.pass, reason: "neither PASSWORD_STORE_DIR nor HOME is set")) {
            try PassSecretStore.Configuration(environment: ["PATH": "/usr/bin"])
        }
    }
}

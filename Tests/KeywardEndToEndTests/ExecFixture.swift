import Foundation
import KeywardAWS
import KeywardTestSupport
import Testing

/// The seeds' scenario for the credential-chain tests: moto with the seeds' account, seed 004's config
/// (`[profile jo]` with `mfa_serial`, `[profile admin]` assuming `admin` from `jo` with the same device),
/// and jo's key stored with `keyward add jo --env`.
///
/// Every `keyward` run goes through `setsid`, so it has no controlling terminal: a run that would prompt
/// fails instead of hanging, which is how "needs no code and no terminal" is proven.
///
/// Why the MFA-session tests run moto with access control off: moto's `GetSessionToken` hands out a fixed
/// example key it never registers (moto/sts/models.py `Token`), so anything signed with an MFA session is
/// rejected as `InvalidClientTokenId` when moto checks signatures, while real STS accepts it. The
/// signature-checked path of a role chain is covered by `ExecTests.enforcedRoleChains`.
struct ExecFixture {
    let moto: MotoServer
    let account: SeedAccount
    let home: TemporaryHome
    let environment: [String: String]

    static let setsid = URL(fileURLWithPath: "/usr/bin/setsid")

    /// Seeds the account, writes `config`, stores jo's key.
    init(moto: MotoServer, config: ((SeedAccount) -> String)? = nil) throws {
        self.moto = moto
        account = try moto.seedAccount()
        home = try TemporaryHome()
        environment = [
            "HOME": home.url.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "KEYWARD_HOME": home.url.path + "/.local/share/keyward", "KEYWARD_BACKEND": "file",
            "KEYWARD_FILE_PASSPHRASE": "correct horse battery staple",
            "AWS_ENDPOINT_URL": moto.endpoint.absoluteString, "AWS_REGION": "us-east-1",
        ]
        try home.write(".aws/config", (config ?? Self.seedConfig)(account))
        try CheapVault.create(
            keywardHome: environment["KEYWARD_HOME"] ?? "", passphrase: environment["KEYWARD_FILE_PASSPHRASE"] ?? "")
        var addEnvironment = environment
        addEnvironment["AWS_ACCESS_KEY_ID"] = account.jo.accessKeyID
        addEnvironment["AWS_SECRET_ACCESS_KEY"] = account.jo.secretAccessKey.unredacted
        let added = try KeywardCLI.run(["add", "jo", "--env"], environment: addEnvironment)
        guard added.status == 0 else { throw TestSupportError.fixtureFailed("keyward add: \(added.stderr)") }
    }

    /// Seed 004's config with jo's MFA device.
    static func seedConfig(_ account: SeedAccount) -> String {
        """
        [profile jo]
        region = us-east-1
        mfa_serial = \(account.joMFASerial)

        [profile admin]
        role_arn = \(account.adminRoleARN)
        source_profile = jo
        mfa_serial = \(account.joMFASerial)

        """
    }

    /// Writes jo's key under HOME as `credential_process` output (Version 1 JSON), for a script to print.
    func writeCredentialProcessOutput(_ relativePath: String) throws {
        try home.write(
            relativePath,
            "{\"Version\": 1, \"AccessKeyId\": \"\(account.jo.accessKeyID)\", "
                + "\"SecretAccessKey\": \"\(account.jo.secretAccessKey.unredacted)\"}")
    }

    /// Runs `keyward` without a controlling terminal.
    func keyward(_ arguments: [String], extra: [String: String] = [:]) throws -> KeywardCLI.Result {
        try KeywardCLI.run(
            executable: Self.setsid, ["-w", KeywardCLI.binary.path] + arguments,
            environment: environment.merging(extra) { _, new in new })
    }

    /// Runs any program (the AWS CLI, python) without a controlling terminal, with the fixture's environment.
    func program(_ arguments: [String], extra: [String: String] = [:]) throws -> KeywardCLI.Result {
        try KeywardCLI.run(
            executable: Self.setsid, ["-w"] + arguments, environment: environment.merging(extra) { _, new in new })
    }

    /// How many requests moto has answered so far (one werkzeug log line each).
    func motoRequestCount() throws -> Int {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("moto-\(moto.port).log")
        let text = try String(contentsOf: log, encoding: .utf8)
        return text.split(separator: "\n").filter { $0.contains("\"POST /") || $0.contains("\"GET /") }.count
    }

    /// Files under HOME whose bytes contain `secret`.
    func filesContaining(_ secret: String) -> [String] {
        home.allFiles().filter { $0.contents.range(of: Data(secret.utf8)) != nil }.map(\.path)
    }

    /// Drops this home's cached sessions from the user's kernel keyring.
    func clearSessions() {
        _ = try? keyward(["clear"])
    }

    /// The credentials in a `credential-process` document.
    static func decode(_ text: String) throws -> [String: String] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:]
        return object.mapValues { "\($0)" }
    }
}

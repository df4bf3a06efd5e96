import Foundation
import KeywardAWS
import KeywardTestSupport
import KeywardVault
import Testing

@testable import KeywardCredentials

#if canImport(Glibc)
import Glibc
import KeywardSystem
#endif

/// Issue 11's matrix: every profile shape × cache state × delivery, end to end through the binary against
/// moto, each run bounded by a short timeout so a hang fails in seconds instead of stalling CI. Each cell
/// checks that credentials arrive, that they work (GetCallerIdentity names the expected role), and that
/// Keyward made exactly the STS calls the cache state calls for: none when everything is cached, one less
/// than from empty when only the MFA session is.
///
/// moto runs with access control off: its GetSessionToken key is not registered (see `ExecFixture`).
@Suite(.serialized) struct ProfileShapeMatrixTests {
    /// A hang shows up as this timeout, not as the 300 s lock wait of issue 11.
    static let timeout = 20.0

    @Test(arguments: ProfileShape.allCases)
    func everyCacheStateAndDelivery(shape: ProfileShape) async throws {
        try #require(KeyctlSecretStore.probe() == .available, "the session cache lives in the kernel keyring")
        try await MotoServer.with(accessControl: .open) { moto in
            let world = try MatrixWorld(moto: moto)
            defer { world.fixture.clearSessions() }
            for cell in MatrixCell.all where cell.shape == shape {
                try await world.check(cell)
            }
        }
    }

    /// The issue's first report, exactly: `exec jo --mfa-token` on an empty cache (no role) must not wait on
    /// its own lock; nor may `export base`.
    @Test func aProfileWithoutARoleOnAnEmptyCacheDoesNotWaitOnItself() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto) { account in
                "[profile jo]\nregion = us-east-1\nmfa_serial = \(account.joMFASerial)\n\n"
                    + "[profile base]\nregion = us-east-1\n"
            }
            defer { fixture.clearSessions() }
            let started = Date()
            let jo = try KeywardCLI.run(
                executable: ExecFixture.setsid,
                ["-w", KeywardCLI.binary.path, "exec", "jo", "--mfa-token", "123456", "--", "true"],
                environment: fixture.environment, timeout: Self.timeout)
            #expect(jo.status == 0, "\(jo.stderr)")
            var addBase = fixture.environment
            addBase["AWS_ACCESS_KEY_ID"] = fixture.account.jo.accessKeyID
            addBase["AWS_SECRET_ACCESS_KEY"] = fixture.account.jo.secretAccessKey.unredacted
            let added = try KeywardCLI.run(["add", "base", "--env"], environment: addBase)
            #expect(added.status == 0, "\(added.stderr)")
            let base = try KeywardCLI.run(
                executable: ExecFixture.setsid, ["-w", KeywardCLI.binary.path, "export", "base"],
                environment: fixture.environment, timeout: Self.timeout)
            #expect(base.status == 0, "\(base.stderr)")
            #expect(base.stdout.contains("AWS_SESSION_TOKEN="))
            #expect(Date().timeIntervalSince(started) < Self.timeout * 2)
        }
    }
}

/// The fixture of one matrix run: moto, a home with every shape's profile, jo's key stored as `jo` and as
/// `base`, a credential_process source printing jo's key, and a web identity token.
struct MatrixWorld {
    let fixture: ExecFixture
    let keywardHome: String

    init(moto: MotoServer) throws {
        fixture = try ExecFixture(moto: moto) { account in ProfileShape.config(account, home: "@HOME@") }
        let account = fixture.account
        let root = fixture.home.url.path
        let config = try String(contentsOfFile: root + "/.aws/config", encoding: .utf8)
        try fixture.home.write(".aws/config", config.replacingOccurrences(of: "@HOME@", with: root))
        keywardHome = fixture.environment["KEYWARD_HOME"] ?? root
        try fixture.writeCredentialProcessOutput("process-credentials.json")
        try fixture.home.write("web-identity-token", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJtYXRyaXgifQ.")
        var addBase = fixture.environment
        addBase["AWS_ACCESS_KEY_ID"] = account.jo.accessKeyID
        addBase["AWS_SECRET_ACCESS_KEY"] = account.jo.secretAccessKey.unredacted
        let added = try KeywardCLI.run(["add", "base", "--env"], environment: addBase)
        guard added.status == 0 else { throw TestSupportError.fixtureFailed("keyward add base: \(added.stderr)") }
        try fixture.home.write(".aws/config", try Self.withCredentialProcessProfiles(root: root))
    }

    /// Adds `[profile cp-P]` for every shape: the AWS CLI reading Keyward through `credential_process`.
    static func withCredentialProcessProfiles(root: String) throws -> String {
        var config = try String(contentsOfFile: root + "/.aws/config", encoding: .utf8)
        for shape in ProfileShape.allCases {
            config +=
                "[profile cp-\(shape)]\nregion = us-east-1\n"
                + "credential_process = \(KeywardCLI.binary.path) export --format credential-process \(shape)\n\n"
        }
        return config
    }

    /// Runs one cell and records what went wrong, naming the cell.
    func check(_ cell: MatrixCell) async throws {
        let cleared = try keyward(["clear"])
        #expect(cleared.status == 0, "\(cell): clear: \(cleared.stderr)")
        try await prepare(cell.state, shape: cell.shape)
        let before = try fixture.motoRequestCount()
        let delivery = try await deliver(cell)
        let calls = try fixture.motoRequestCount() - before - cell.delivery.ownRequests
        guard let delivery else { return }
        let delivered: String
        switch delivery {
        case .arn(let arn): delivered = arn
        case .variables(let variables):
            guard let arn = try await identity(of: variables, cell: cell) else { return }
            delivered = arn
        }
        #expect(
            calls == cell.state.calls(for: cell.shape),
            "\(cell): \(calls) STS calls, expected \(cell.state.calls(for: cell.shape))")
        let prefix = cell.shape.expectedArnPrefix(fixture.account)
        if let prefix {
            #expect(delivered.hasPrefix(prefix), "\(cell): \(delivered)")
        }
    }

    /// Brings the cache into `state` for `shape` (after a clear it is empty).
    func prepare(_ state: CacheState, shape: ProfileShape) async throws {
        switch state {
        case .empty:
            return
        case .mfaSessionOnly:
            let primed = try keyward(["export", "jo", "--format", "json"])
            #expect(primed.status == 0, "priming jo: \(primed.stderr)")
        case .everythingCached:
            let primed = try keyward(["export", shape.rawValue, "--format", "json"])
            #expect(primed.status == 0, "priming \(shape): \(primed.stderr)")
        case .expired:
            let primed = try keyward(["export", shape.rawValue, "--format", "json"])
            #expect(primed.status == 0, "priming \(shape): \(primed.stderr)")
            try await ageCachedSessions()
        }
    }

    /// Moves every cached session of this home to five minutes before its end: inside the refresh margin,
    /// so Keyward must fetch anew, as after a lunch break with an hour-long role session.
    func ageCachedSessions() async throws {
        let cache = SessionCache(store: KeyctlSecretStore(), namespace: SessionCache.namespace(forHome: keywardHome))
        var aged = 0
        for name in try await cache.store.list(.session) where name.hasPrefix(cache.namespace + ".s.") {
            let item = try VaultItem(kind: .session, name: name)
            guard let secret = try await cache.store.read(item), var session = CachedSession.decode(secret) else {
                continue
            }
            session.expiration = Date().addingTimeInterval(300)
            try await cache.write(session.encoded(), item: item, until: session.expiration)
            aged += 1
        }
        #expect(aged > 0, "no cached session to age")
    }

    /// What a delivery handed over: credentials to try, or the identity the AWS CLI already printed.
    enum Delivered {
        case variables([String: String])
        case arn(String)
    }

    /// Delivers the credentials, or returns `nil` after recording a failure.
    func deliver(_ cell: MatrixCell) async throws -> Delivered? {
        let profile = cell.shape.rawValue
        switch cell.delivery {
        case .exec:
            let result = try keyward(["exec", profile, "--", "env"])
            guard result.status == 0 else {
                Issue.record("\(cell): exit \(result.status): \(result.stderr)")
                return nil
            }
            return .variables(Self.variables(result.stdout))
        case .export:
            let result = try keyward(["export", profile, "--format", "json"])
            guard result.status == 0 else {
                Issue.record("\(cell): exit \(result.status): \(result.stderr)")
                return nil
            }
            let document = try ExecFixture.decode(result.stdout)
            return .variables([
                "AWS_ACCESS_KEY_ID": document["AccessKeyId"] ?? "",
                "AWS_SECRET_ACCESS_KEY": document["SecretAccessKey"] ?? "",
                "AWS_SESSION_TOKEN": document["SessionToken"] ?? "",
            ])
        case .credentialProcess:
            let result = try KeywardCLI.run(
                executable: ExecFixture.setsid,
                ["-w", "aws", "sts", "get-caller-identity", "--profile", "cp-\(profile)"],
                environment: fixture.environment, timeout: ProfileShapeMatrixTests.timeout)
            guard result.status == 0 else {
                Issue.record("\(cell): aws exit \(result.status): \(result.stderr)")
                return nil
            }
            return try ExecFixture.decode(result.stdout)["Arn"].map(Delivered.arn)
        case .serve:
            return try serve(profile, cell: cell).map(Delivered.variables)
        }
    }

    /// `keyward serve PROFILE --ecs`: reads its exports, fetches the credentials once, stops it.
    func serve(_ profile: String, cell: MatrixCell) throws -> [String: String]? {
        let server = try RunningServer(["serve", profile, "--ecs"], environment: fixture.environment)
        // Alive until the requests below are done (ARC may end a value after its last use).
        defer { withExtendedLifetime(server) {} }
        let exports = server.exports
        guard let uri = exports["AWS_CONTAINER_CREDENTIALS_FULL_URI"],
            let token = exports["AWS_CONTAINER_AUTHORIZATION_TOKEN"]
        else {
            Issue.record("\(cell): serve printed \(exports.keys.sorted())")
            return nil
        }
        let fetched = try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/curl"), ["-sf", "-H", "Authorization: \(token)", uri],
            environment: [:], timeout: ProfileShapeMatrixTests.timeout)
        guard fetched.status == 0 else {
            Issue.record("\(cell): GET \(uri): curl exit \(fetched.status)")
            return nil
        }
        let document = try ExecFixture.decode(fetched.stdout)
        return [
            "AWS_ACCESS_KEY_ID": document["AccessKeyId"] ?? "",
            "AWS_SECRET_ACCESS_KEY": document["SecretAccessKey"] ?? "",
            "AWS_SESSION_TOKEN": document["Token"] ?? "",
        ]
    }

    /// GetCallerIdentity with the delivered variables (after the STS calls were counted).
    func identity(of variables: [String: String], cell: MatrixCell) async throws -> String? {
        // Real STS session keys start with ASIA; moto's GetSessionToken answers a fixed AKIA example key.
        guard let id = variables["AWS_ACCESS_KEY_ID"], id.hasPrefix("ASIA") || id == "AKIAIOSFODNN7EXAMPLE",
            let secret = variables["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty,
            let token = variables["AWS_SESSION_TOKEN"], !token.isEmpty
        else {
            Issue.record("\(cell): no temporary credentials delivered")
            return nil
        }
        let credentials = AWSCredentials(
            accessKeyID: id, secretAccessKey: SecretString(secret), sessionToken: SecretString(token))
        let sts = STSClient(
            client: QueryClient(
                endpoint: try ServiceEndpoint.sts(region: "us-east-1", override: fixture.moto.endpoint.absoluteString)))
        return try await sts.getCallerIdentity(credentials: credentials).arn
    }

    /// `keyward ARGS` without a terminal, bounded by the matrix's timeout.
    func keyward(_ arguments: [String]) throws -> KeywardCLI.Result {
        try KeywardCLI.run(
            executable: ExecFixture.setsid, ["-w", KeywardCLI.binary.path] + arguments,
            environment: fixture.environment, timeout: ProfileShapeMatrixTests.timeout)
    }

    /// `NAME=VALUE` lines of `env`.
    static func variables(_ text: String) -> [String: String] {
        var variables: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            variables[String(line[..<equals])] = String(line[line.index(after: equals)...])
        }
        return variables
    }
}

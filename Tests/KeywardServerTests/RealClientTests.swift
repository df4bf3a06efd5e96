import Foundation
import KeywardTestSupport
import Logging
import Testing

@testable import KeywardServer

/// boto3 programs started as children with no keys in their environment, only the server's variables, find
/// their credentials through the server and use them against moto (signatures and IAM enforced).
///
/// Refresh, from botocore 1.43.11's source:
/// - `RefreshableCredentials` (`botocore/credentials.py`) refreshes when fewer than 15 minutes remain
///   (`_DEFAULT_ADVISORY_REFRESH_TIMEOUT`, non-blocking) and always when fewer than 10 remain
///   (`_DEFAULT_MANDATORY_REFRESH_TIMEOUT`, blocking). Container credentials are used as served, so credentials
///   that expire in 5 minutes are fetched again before every call.
/// - IMDS credentials pass through `InstanceMetadataFetcher._evaluate_expiration` (`botocore/utils.py`) first:
///   when they expire within `ec2_credential_refresh_window` (15 minutes) plus a random 2 to 10 minutes, botocore
///   pretends they expire that long from now (static stability during IMDS outages). So after any fetch the
///   program sees 17 to 25 minutes left and refreshes no sooner than 2 (up to 10) real minutes later. The EC2
///   test therefore moves the program's credential clock 20 minutes ahead after its first call (see
///   `client_program.py`) instead of waiting: botocore then finds its credentials expired or within the
///   mandatory window, fetches new ones from the server, and signs the next calls with them.
@Suite(.serialized) struct RealClientTests {
    /// One line of `client_program.py`'s output.
    struct Call: Decodable, Equatable {
        let accessKeyId: String
        let arn: String
        let method: String
    }

    static let sessionARN = "arn:aws:sts::123456789012:assumed-role/served/keyward"

    /// Runs `client_program.py` with HOME, PATH (for nothing but the interpreter's own needs), AWS_ENDPOINT_URL
    /// and the server's variables: no credentials, no profile.
    private func runClient(
        _ endpoint: CredentialServer.Endpoint, moto: String, calls: Int, advanceSeconds: Int = 0
    ) async throws -> [Call] {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("keyward-home-\(UUID())")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        var environment = endpoint.environment
        environment["HOME"] = home.path
        environment["PATH"] = "/usr/bin:/bin"
        environment["AWS_ENDPOINT_URL"] = moto
        #expect(
            environment.keys.filter { $0.hasPrefix("AWS_") }.sorted()
                == (endpoint.environment.keys + ["AWS_ENDPOINT_URL"]).sorted())
        let outcome = try await TestProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            [try await Python.executable(), try Python.fixture("client_program.py"), "\(calls)", "\(advanceSeconds)"],
            environment: environment
        ).outcome()
        #expect(outcome.status == 0, "\(outcome.stderr.suffix(2000))")
        return try outcome.stdout.split(separator: "\n").map {
            try JSONDecoder().decode(Call.self, from: Data($0.utf8))
        }
    }

    private func server(_ kind: ServerKind, source: MotoRoleSource, minimumValidity: Duration) -> CredentialServer {
        CredentialServer(
            kind: kind, source: source, roleARN: source.roleARN, options: .init(minimumValidity: minimumValidity),
            logger: Logger(label: "test"))
    }

    @Test(arguments: ServerKind.allCases)
    func boto3GetsTheRoleThroughTheServer(kind: ServerKind) async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { emulator in
            let moto = emulator.endpoint.absoluteString
            let source = try await MotoRoleSource(moto: moto, count: 2, lifetime: 3600)
            let calls = try await server(kind, source: source, minimumValidity: .seconds(300)).withRunningServer {
                endpoint in
                try await runClient(endpoint, moto: moto, calls: 2)
            }
            let key = try #require(source.keysHandedOut.first)
            let method = kind == .ecs ? "container-role" : "iam-role"
            #expect(calls == Array(repeating: Call(accessKeyId: key, arn: Self.sessionARN, method: method), count: 2))
            #expect(source.keysHandedOut == [key])
        }
    }

    @Test func containerCredentialsRefreshWithoutRestartingTheProgram() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { emulator in
            let moto = emulator.endpoint.absoluteString
            // Credentials valid for 5 minutes, a server that refreshes under 10: the server asks the source
            // whenever botocore asks the server, and botocore (under 10 minutes left: mandatory) asks each call.
            let source = try await MotoRoleSource(moto: moto, count: 8, lifetime: 300)
            let calls = try await server(.ecs, source: source, minimumValidity: .seconds(600)).withRunningServer {
                endpoint in
                try await runClient(endpoint, moto: moto, calls: 3)
            }
            #expect(calls.map(\.arn) == Array(repeating: Self.sessionARN, count: 3))
            #expect(Set(calls.map(\.accessKeyId)).count == 3)
            #expect(Set(calls.map(\.accessKeyId)).isSubset(of: source.poolKeys))
            #expect(source.keysHandedOut.count >= 4)
            #expect(calls.map(\.accessKeyId) == Array(source.keysHandedOut.suffix(3)))
        }
    }

    @Test func instanceMetadataCredentialsRefreshWithoutRestartingTheProgram() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { emulator in
            let moto = emulator.endpoint.absoluteString
            let source = try await MotoRoleSource(moto: moto, count: 8, lifetime: 300)
            let calls = try await server(.ec2, source: source, minimumValidity: .seconds(600)).withRunningServer {
                endpoint in
                try await runClient(endpoint, moto: moto, calls: 3, advanceSeconds: 1200)
            }
            #expect(calls.map(\.arn) == Array(repeating: Self.sessionARN, count: 3))
            #expect(calls.map(\.method) == ["iam-role", "iam-role", "iam-role"])
            // Start-up fetch, the program's first fetch, and one refresh after its clock moved.
            #expect(source.keysHandedOut.count == 3)
            #expect(
                calls.map(\.accessKeyId) == [source.keysHandedOut[1], source.keysHandedOut[2], source.keysHandedOut[2]])
        }
    }
}

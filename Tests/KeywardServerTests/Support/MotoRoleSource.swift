import Foundation
import KeywardAWS
import KeywardServer
import KeywardSystem
import KeywardTestSupport
import Synchronization

/// Role credentials that moto issued (through `Fixtures/sts_fixture.py`), handed out one set per call in order,
/// each with its expiry set to `lifetime` seconds after the call: moto does not enforce expiry, so the test
/// chooses it.
final class MotoRoleSource: CredentialSource {
    /// What the fixture printed.
    struct Issued: Decodable {
        struct Key: Decodable {
            let accessKeyId: String
            let secretAccessKey: String
            let sessionToken: String
        }

        let roleArn: String
        let credentials: [Key]
    }

    struct FixtureFailed: Error, CustomStringConvertible {
        let description: String
    }

    let roleARN: String
    private let pool: [Issued.Key]
    private let lifetime: TimeInterval
    private let handedOut = Mutex<[String]>([])

    /// Runs the fixture against moto and keeps `count` sets of credentials.
    init(moto: String, count: Int, lifetime: TimeInterval) async throws {
        let python = try await Python.executable()
        let fixture = try Python.fixture("sts_fixture.py")
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("AWS_") }
        environment["HOME"] = FileManager.default.temporaryDirectory.path
        let outcome = try await TestProcess(
            URL(fileURLWithPath: "/usr/bin/env"), [python, fixture, moto, "\(count)"], environment: environment
        ).outcome()
        guard outcome.status == 0, let issued = try? JSONDecoder().decode(Issued.self, from: Data(outcome.stdout.utf8))
        else { throw FixtureFailed(description: "sts_fixture.py: \(outcome.stderr.suffix(800))") }
        roleARN = issued.roleArn
        pool = issued.credentials
        self.lifetime = lifetime
    }

    /// Access key IDs in the order they were handed out.
    var keysHandedOut: [String] { handedOut.withLock { $0 } }

    /// Every key in the pool.
    var poolKeys: Set<String> { Set(pool.map(\.accessKeyId)) }

    func credentials() async throws -> AWSCredentials {
        let key = handedOut.withLock { keys in
            let key = pool[keys.count % pool.count]
            keys.append(key.accessKeyId)
            return key
        }
        return AWSCredentials(
            accessKeyID: key.accessKeyId, secretAccessKey: SecretString(key.secretAccessKey),
            sessionToken: SecretString(key.sessionToken), expiration: Date().addingTimeInterval(lifetime))
    }
}

/// The Python that has boto3 and moto, and the fixture scripts.
enum Python {
    /// The interpreter's absolute path (`python3` on PATH may be a pyenv shim, which needs the real HOME).
    static func executable() async throws -> String {
        let outcome = try await TestProcess(
            URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", "import sys; print(sys.executable)"],
            environment: ProcessInfo.processInfo.environment
        ).outcome(timeout: .seconds(60))
        let path = outcome.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        guard outcome.status == 0, !path.isEmpty else {
            throw MotoRoleSource.FixtureFailed(description: "python3 not found: \(outcome.stderr)")
        }
        return path
    }

    /// The path of a script in `Fixtures/`.
    static func fixture(_ name: String) throws -> String {
        guard let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil) else {
            throw MotoRoleSource.FixtureFailed(description: "missing fixture \(name)")
        }
        return url.path
    }
}

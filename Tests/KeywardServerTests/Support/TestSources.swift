import Foundation
import KeywardAWS
import KeywardServer
import KeywardSystem
import Synchronization

/// Credentials for tests: key `ASIA` + `suffix`, expiring `lifetime` seconds after `now`.
func testCredentials(_ suffix: String, expiringAt expiration: Date?) -> AWSCredentials {
    AWSCredentials(
        accessKeyID: "ASIA\(suffix)", secretAccessKey: SecretString("secret-\(suffix)"),
        sessionToken: SecretString("token-\(suffix)"), expiration: expiration)
}

/// Hands out `ASIAKEY1`, `ASIAKEY2`, ... each valid for `lifetime` seconds from the clock's now, and counts calls.
final class CountingSource: CredentialSource {
    private let calls = Mutex(0)
    private let lifetime: TimeInterval
    private let now: @Sendable () -> Date

    init(lifetime: TimeInterval, now: @escaping @Sendable () -> Date) {
        self.lifetime = lifetime
        self.now = now
    }

    var callCount: Int { calls.withLock { $0 } }

    func credentials() async throws -> AWSCredentials {
        let call = calls.withLock { count in
            count += 1
            return count
        }
        return testCredentials("KEY\(call)", expiringAt: now().addingTimeInterval(lifetime))
    }
}

/// Fails every call with an error whose text must never reach a client.
final class FailingSource: CredentialSource {
    struct Failure: Error, CustomStringConvertible {
        var description: String { "profile dev: sts:AssumeRole: AccessDenied (secret detail)" }
    }

    private let calls = Mutex(0)
    var callCount: Int { calls.withLock { $0 } }

    func credentials() async throws -> AWSCredentials {
        calls.withLock { $0 += 1 }
        throw Failure()
    }
}

/// Succeeds once (for the start-up fetch), then fails.
final class FailAfterFirstSource: CredentialSource {
    private let calls = Mutex(0)
    private let first: AWSCredentials

    init(first: AWSCredentials) {
        self.first = first
    }

    var callCount: Int { calls.withLock { $0 } }

    func credentials() async throws -> AWSCredentials {
        let call = calls.withLock { count in
            count += 1
            return count
        }
        guard call == 1 else { throw FailingSource.Failure() }
        return first
    }
}

/// Blocks every call until `release()`, to show that concurrent callers share one call.
final class GatedSource: CredentialSource {
    private let calls = Mutex(0)
    private let gate: AsyncStream<Void>
    private let opener: AsyncStream<Void>.Continuation
    private let value: AWSCredentials

    init(value: AWSCredentials) {
        self.value = value
        (gate, opener) = AsyncStream.makeStream(of: Void.self)
    }

    var callCount: Int { calls.withLock { $0 } }

    func release() {
        opener.finish()
    }

    func credentials() async throws -> AWSCredentials {
        calls.withLock { $0 += 1 }
        for await _ in gate {}
        return value
    }
}

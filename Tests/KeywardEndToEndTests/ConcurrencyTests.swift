import Foundation
import KeywardTestSupport
import Testing

/// Sixteen `keyward export` processes started at once on an empty cache (terraform starting sixteen
/// `credential_process` calls) share one MFA session and one role session.
///
/// STS calls are counted from moto's request log (werkzeug writes one line per request to the log file
/// `MotoServer` keeps): between the two counts only these sixteen processes talk to moto, so the difference
/// is the number of STS calls they made. All sixteen pass the same `--mfa-token`; the one that
/// takes the lock first uses it, the others never need it.
@Suite struct ConcurrencyTests {
    @Test func sixteenParallelExportsMakeAtMostTwoSTSCalls() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }

            let before = try fixture.motoRequestCount()
            // Sixteen processes started back to back, then waited for: no shell in between, whose `wait` could
            // inherit a blocked SIGCHLD from the test process.
            let processes = try (1...16).map { _ in
                try TestProcess(
                    KeywardCLI.binary, ["export", "admin", "--format", "credential-process", "--mfa-token", "123456"],
                    environment: fixture.environment)
            }
            var results: [TestProcess.Result] = []
            for process in processes { results.append(await process.outcome(timeout: .seconds(300))) }
            for result in results {
                #expect(!result.stopped)
                #expect(result.status == 0)
            }
            let calls = try fixture.motoRequestCount() - before
            #expect(calls <= 2)
            #expect(calls == 2)  // one GetSessionToken with MFA, one AssumeRole

            var keys: Set<String> = []
            for result in results {
                #expect(result.stderr == "")
                let document = try ExecFixture.decode(result.stdout)
                keys.insert("\(document["AccessKeyId"] ?? "-")/\(document["SessionToken"] ?? "-")")
            }
            #expect(keys.count == 1)
        }
    }
}

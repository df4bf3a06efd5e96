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
            let outputs = FileManager.default.temporaryDirectory.appendingPathComponent("keyward-par-\(UUID())")
            try FileManager.default.createDirectory(at: outputs, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: outputs) }

            let before = try fixture.motoRequestCount()
            // Sixteen processes started back to back, then waited for: no shell in between, whose `wait` could
            // inherit a blocked SIGCHLD from the test process.
            var processes: [Process] = []
            for index in 1...16 {
                let process = Process()
                process.executableURL = KeywardCLI.binary
                process.arguments = ["export", "admin", "--format", "credential-process", "--mfa-token", "123456"]
                process.environment = fixture.environment
                process.standardInput = FileHandle.nullDevice
                let out = outputs.appendingPathComponent("\(index).json")
                let err = outputs.appendingPathComponent("\(index).err")
                FileManager.default.createFile(atPath: out.path, contents: nil)
                FileManager.default.createFile(atPath: err.path, contents: nil)
                process.standardOutput = try FileHandle(forWritingTo: out)
                process.standardError = try FileHandle(forWritingTo: err)
                processes.append(process)
            }
            for process in processes { try process.run() }
            for process in processes {
                #expect(process.waitForExit(seconds: 300))
                #expect(process.terminationStatus == 0)
            }
            let calls = try fixture.motoRequestCount() - before
            #expect(calls <= 2)
            #expect(calls == 2)  // one GetSessionToken with MFA, one AssumeRole

            var keys: Set<String> = []
            for index in 1...16 {
                let error = try String(contentsOf: outputs.appendingPathComponent("\(index).err"), encoding: .utf8)
                #expect(error == "")
                let text = try String(contentsOf: outputs.appendingPathComponent("\(index).json"), encoding: .utf8)
                let document = try ExecFixture.decode(text)
                keys.insert("\(document["AccessKeyId"] ?? "-")/\(document["SessionToken"] ?? "-")")
            }
            #expect(keys.count == 1)
        }
    }
}

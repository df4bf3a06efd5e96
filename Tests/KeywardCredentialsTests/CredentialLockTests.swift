import Foundation
import Synchronization
import Testing

@testable import KeywardCredentials

/// Issue 11: a process never waits on a lock it holds, and the chain lock and the MFA-session lock are
/// never one file.
@Suite struct CredentialLockTests {
    static func directory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("keyward-locks-\(UUID())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func theChainLockAndTheMFASessionLockOfOneFingerprintAreDifferentFiles() {
        let chain = CredentialLock.path(directory: "/l", purpose: .chain, fingerprint: "jo|mfa")
        let session = CredentialLock.path(directory: "/l", purpose: .mfaSession, fingerprint: "jo|mfa")
        #expect(chain != session)
    }

    @Test func bothLocksOfAProfileWithoutARoleAreTakenInTurnWithoutWaiting() async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let started = ContinuousClock.now
        let answer = try await CredentialLock.withLock(
            directory: directory, purpose: .chain, fingerprint: "base", profile: "base", timeout: .seconds(30),
            notice: nil
        ) { () async throws(CredentialsError) in
            try await CredentialLock.withLock(
                directory: directory, purpose: .mfaSession, fingerprint: "base", profile: "base",
                timeout: .seconds(30), notice: nil
            ) { () async throws(CredentialsError) in 42 }
        }
        #expect(answer == 42)
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func askingAgainForAHeldLockFailsAtOnceInsteadOfWaiting() async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = CredentialLock.path(directory: directory, purpose: .chain, fingerprint: "admin")
        let started = ContinuousClock.now
        await #expect(throws: CredentialsError.lockReentered(profile: "admin", path: path)) {
            try await CredentialLock.withLock(
                directory: directory, purpose: .chain, fingerprint: "admin", profile: "admin",
                timeout: .seconds(300), notice: nil
            ) { () async throws(CredentialsError) in
                try await CredentialLock.withLock(
                    directory: directory, purpose: .chain, fingerprint: "admin", profile: "admin",
                    timeout: .seconds(300), notice: nil
                ) { () async throws(CredentialsError) in 0 }
            }
        }
        #expect(ContinuousClock.now - started < .seconds(5))
    }

    @Test func twoTasksOfOneProcessStillTakeTurns() async throws {
        // The re-entry check is per task: concurrent requests in one process (keyward serve) wait for each
        // other as two processes do, and both finish.
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        final class Tally: Sendable {
            let inside = Mutex(0)
            let most = Mutex(0)
        }
        let tally = Tally()
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    _ = try await CredentialLock.withLock(
                        directory: directory, purpose: .chain, fingerprint: "ro", profile: "ro",
                        timeout: .seconds(30), notice: nil
                    ) { () async throws(CredentialsError) in
                        let now = tally.inside.withLock {
                            $0 += 1
                            return $0
                        }
                        tally.most.withLock { $0 = max($0, now) }
                        try? await Task.sleep(for: .milliseconds(20))
                        tally.inside.withLock { $0 -= 1 }
                        return 0
                    }
                }
            }
            try await group.waitForAll()
        }
        #expect(tally.most.withLock { $0 } == 1)
    }

    @Test func aWaitIsToldWithTheHolderAndATimeoutNamesIt() async throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = CredentialLock.path(directory: directory, purpose: .mfaSession, fingerprint: "jo")
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        holder.arguments = [
            "-c",
            "import fcntl,os,sys,time\nf=open(sys.argv[1],'w')\nfcntl.flock(f,fcntl.LOCK_EX)\n"
                + "f.write(str(os.getpid())+'\\n');f.flush()\nprint('held',flush=True)\ntime.sleep(30)",
            path,
        ]
        let output = Pipe()
        holder.standardOutput = output
        try holder.run()
        defer { holder.terminate() }
        _ = output.fileHandleForReading.availableData  // "held"
        let told = Mutex<[CredentialLockWait]>([])
        let notice: CredentialLockNotice = { wait in told.withLock { $0.append(wait) } }
        do {
            _ = try await CredentialLock.withLock(
                directory: directory, purpose: .mfaSession, fingerprint: "jo", profile: "jo",
                timeout: .seconds(4), notice: notice
            ) { () async throws(CredentialsError) in 0 }
            Issue.record("took a held lock")
        } catch {
            guard case .lock(let profile, .lockTimedOut(let lockPath, let pid, _)) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(profile == "jo")
            #expect(lockPath == path)
            #expect(pid == holder.processIdentifier)
            #expect(
                error.description.hasPrefix(
                    "profile jo: gave up after 4 s waiting for process \(holder.processIdentifier), which holds "))
        }
        let waits = told.withLock { $0 }
        #expect(waits.map(\.holder) == [holder.processIdentifier])
        #expect(
            waits.first?.description
                == "profile jo: waiting for process \(holder.processIdentifier), which is fetching the MFA session "
                + "(it may be at an MFA prompt); lock file \(path)")
    }
}

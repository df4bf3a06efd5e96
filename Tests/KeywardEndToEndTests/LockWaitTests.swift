import Foundation
import KeywardTestSupport
import Testing

/// Issue 11: a lock another process holds is reported after a few seconds, naming the holder's pid, and
/// the wait goes on until the holder is done; never a silent wait.
@Suite(.serialized) struct LockWaitTests {
    @Test func aWaitingExportNamesTheHolderThenFinishesWhenItLetsGo() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto) { account in
                "[profile ro]\nregion = us-east-1\nrole_arn = \(account.readonlyRoleARN)\nsource_profile = jo\n\n"
                    + "[profile jo]\nregion = us-east-1\n"
            }
            defer { fixture.clearSessions() }
            // Creates the lock files, then empties the cache so the next export must fetch again.
            #expect(try fixture.keyward(["export", "ro"]).status == 0)
            #expect(try fixture.keyward(["clear"]).status == 0)
            let locks = (fixture.environment["KEYWARD_HOME"] ?? "") + "/locks"
            let files = try FileManager.default.contentsOfDirectory(atPath: locks).map { locks + "/" + $0 }
            #expect(!files.isEmpty)

            let holder = Process()
            holder.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
            holder.arguments =
                [
                    "-c",
                    "import fcntl,os,sys,time\nfs=[open(p,'w') for p in sys.argv[1:]]\n"
                        + "[fcntl.flock(f,fcntl.LOCK_EX) for f in fs]\n"
                        + "[(f.write(str(os.getpid())+'\\n'),f.flush()) for f in fs]\n"
                        + "print('held',flush=True)\ntime.sleep(6)",
                ] + files
            let held = Pipe()
            holder.standardOutput = held
            try holder.run()
            defer { holder.terminate() }
            _ = held.fileHandleForReading.availableData

            let started = Date()
            let export = try fixture.keyward(["export", "ro"])
            #expect(export.status == 0, "\(export.stderr)")
            #expect(export.stdout.contains("AWS_SESSION_TOKEN="))
            #expect(Date().timeIntervalSince(started) > 4, "it did not wait for the holder")
            #expect(
                export.stderr.hasPrefix(
                    "keyward: profile ro: waiting for process \(holder.processIdentifier), which is fetching the "
                        + "session (it may be at an MFA prompt); lock file \(locks)/"), "\(export.stderr)")
            #expect(export.stderr.split(separator: "\n").count == 1)
        }
    }
}

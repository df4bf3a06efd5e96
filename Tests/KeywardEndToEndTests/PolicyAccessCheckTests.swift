import Foundation
import KeywardTestSupport
import Testing

/// Issue 15 end to end: the access checks' exit codes, and a `--json` counterexample that `keyward policy
/// simulate --requests` replays as allowed by the new policy and denied by the existing one.
@Suite struct PolicyAccessCheckTests {
    static let existing = """
        {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "444455556666"},
         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared/*"}]}
        """
    static let new = """
        {"Version": "2012-10-17", "Statement": [{"Sid": "Everyone", "Effect": "Allow", "Principal": "*",
         "Action": "s3:GetObject", "Resource": "arn:aws:s3:::shared/*"}]}
        """
    /// The caller's own side of a cross-account request, which the checks assume allows.
    static let allowAll =
        #"{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}"#

    static func keyward(
        _ arguments: [String], in directory: TemporaryDirectory, stdin: String = ""
    ) throws
        -> KeywardCLI.Result
    {
        try KeywardCLI.run(["policy"] + arguments, environment: ["HOME": directory.path], stdin: stdin, timeout: 60)
    }

    @Test func aFailingCheckPrintsACounterexampleSimulateReplays() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        for (name, text) in [("old.json", Self.existing), ("new.json", Self.new), ("allow.json", Self.allowAll)] {
            try text.write(toFile: directory.appending(name), atomically: true, encoding: .utf8)
        }
        let old = directory.appending("old.json")
        let new = directory.appending("new.json")
        let fail = try Self.keyward(
            ["check-no-new-access", "--existing", old, "--new", new, "--kind", "resource", "--json"], in: directory)
        #expect(fail.status == 1, "\(fail.stderr)")
        let answer = try #require(
            try JSONSerialization.jsonObject(with: Data(fail.stdout.utf8)) as? [String: Any], "\(fail.stdout)")
        #expect(answer["result"] as? String == "FAIL")
        let statements = try #require(answer["statements"] as? [[String: Any]])
        #expect(statements.first?["sid"] as? String == "Everyone")
        let example = try #require(answer["counterexample"] as? [String: Any])
        let line = String(
            decoding: try JSONSerialization.data(withJSONObject: example, options: [.sortedKeys]), as: UTF8.self)
        let replayNew = try Self.keyward(
            ["simulate", "--policy", directory.appending("allow.json"), "--resource-policy", new, "--requests", "-"],
            in: directory, stdin: line + "\n")
        #expect(replayNew.status == 0, "\(replayNew.stderr)")
        #expect(replayNew.stdout.contains("\"decision\":\"allowed\""), "\(replayNew.stdout)")
        let replayOld = try Self.keyward(
            ["simulate", "--policy", directory.appending("allow.json"), "--resource-policy", old, "--requests", "-"],
            in: directory, stdin: line + "\n")
        #expect(replayOld.status == 0, "\(replayOld.stderr)")
        #expect(!replayOld.stdout.contains("\"decision\":\"allowed\""), "\(replayOld.stdout)")

        let pass = try Self.keyward(
            ["check-no-new-access", "--existing", new, "--new", old, "--kind", "resource"], in: directory)
        #expect(pass.status == 0, "\(pass.stderr)")
        #expect(pass.stdout.hasPrefix("PASS: "))
        let publicAccess = try Self.keyward(
            ["check-no-public-access", new, "--resource-type", "AWS::S3::Bucket"], in: directory)
        #expect(publicAccess.status == 1)
        #expect(publicAccess.stdout.hasPrefix("FAIL: "))
        let findings = try Self.keyward(
            ["access", new, "--resource-type", "AWS::S3::Bucket", "--account", "111122223333", "--json"],
            in: directory)
        #expect(findings.status == 1)
        #expect(findings.stdout.contains("\"isPublic\":true"), "\(findings.stdout)")
        let none = try Self.keyward(
            [
                "access", old, "--resource-type", "AWS::S3::Bucket", "--account", "111122223333",
                "--trusted-account", "444455556666",
            ], in: directory)
        #expect(none.status == 0, "\(none.stdout)\(none.stderr)")
    }

    /// Bad input is a one-line error naming the file, exit 2; never a crash.
    @Test func unreadablePoliciesExitTwo() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try "{\"Statement\": [".write(toFile: directory.appending("bad.json"), atomically: true, encoding: .utf8)
        let bad = directory.appending("bad.json")
        let result = try Self.keyward(["check-access-not-granted", bad, "--action", "s3:GetObject"], in: directory)
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("keyward: \(bad):"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1)
        let missing = try Self.keyward(
            ["check-no-new-access", "--existing", directory.appending("none.json"), "--new", bad], in: directory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none.json: cannot read: no such file"), "\(missing.stderr)")
    }
}

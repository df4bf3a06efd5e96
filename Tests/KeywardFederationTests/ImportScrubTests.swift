import Foundation
import KeywardAWS
import KeywardConfig
import KeywardFederation
import KeywardSystem
import Testing

/// The pure planning of `keyward import`: which profiles hold a key to import, and how `--scrub` edits the
/// file (only the key lines change, a comment takes their place, an emptied section goes).
@Suite struct ImportScrubTests {
    static let key = AWSCredentials(
        accessKeyID: "AKIAIMPORTTEST0001", secretAccessKey: SecretString("s3cr3t/ImportTest+0001"))
    static let comment = "# keyward: the key of profile \"jo\" moved to the keyward vault (file backend) on 2026-11-23"

    static func file(_ text: String) throws -> ConfigFile {
        try ConfigFile(contents: text, fileName: "~/.aws/credentials", kind: .credentials)
    }

    @Test func classifiesEachProfile() throws {
        let file = try Self.file(
            """
            [DEFAULT]
            region = us-east-1
            [jo]
            aws_access_key_id = AKIAIMPORTTEST0001
            aws_secret_access_key = s3cr3t/ImportTest+0001
            [dev]
            aws_access_key_id = ASIAIMPORTTEST0002
            aws_secret_access_key = x
            aws_session_token = t
            [tokened]
            aws_access_key_id = AKIAIMPORTTEST0003
            aws_secret_access_key = y
            aws_security_token = t
            [half]
            aws_access_key_id = AKIAIMPORTTEST0004
            [odd]
            aws_access_key_id = akia-lower-case
            aws_secret_access_key = z
            [settings]
            region = eu-west-1

            """)
        #expect(
            ImportCandidate.all(in: file) == [
                ImportCandidate(profile: "jo", line: 3, kind: .longLivedKey(Self.key)),
                ImportCandidate(profile: "dev", line: 6, kind: .session),
                ImportCandidate(profile: "tokened", line: 10, kind: .session),
                ImportCandidate(profile: "half", line: 14, kind: .missingSecret),
                ImportCandidate(profile: "odd", line: 16, kind: .unrecognizedKeyID),
                ImportCandidate(profile: "settings", line: 19, kind: .noKey),
            ])
    }

    @Test func scrubKeepsOtherKeysAndEveryOtherByte() throws {
        var file = try Self.file(
            "# team keys\n[jo]\n# jo's laptop\naws_access_key_id = AKIAIMPORTTEST0001\nregion = eu-west-1\n"
                + "aws_secret_access_key = s3cr3t/ImportTest+0001\n\n[dev]\naws_access_key_id = ASIA0\n")
        let removed = try file.removeValues(
            ["aws_access_key_id", "aws_secret_access_key"], inSection: "jo", leavingComment: Self.comment)
        #expect(removed)
        #expect(
            file.text
                == "# team keys\n[jo]\n# jo's laptop\n\(Self.comment)\nregion = eu-west-1\n\n[dev]\naws_access_key_id = ASIA0\n"
        )
    }

    @Test func scrubDropsASectionLeftEmptyButKeepsItsComments() throws {
        var file = try Self.file(
            "[a]\nregion = x\n\n[jo]\r\n; note\r\naws_secret_access_key = s\r\naws_access_key_id = AKIAX\r\n\r\n"
                + "[z]\nregion = y")
        try file.removeValues(
            ["aws_access_key_id", "aws_secret_access_key"], inSection: "jo", leavingComment: Self.comment)
        #expect(file.text == "[a]\nregion = x\n\n; note\r\n\(Self.comment)\r\n\r\n[z]\nregion = y")
        #expect(file.profileNames == ["a", "z"])
    }

    @Test func scrubOfTheLastLineKeepsTheMissingLineBreak() throws {
        var file = try Self.file("[jo]\naws_access_key_id = AKIAX\naws_secret_access_key = s")
        try file.removeValues(
            ["aws_access_key_id", "aws_secret_access_key"], inSection: "jo", leavingComment: Self.comment)
        #expect(file.text == Self.comment)
        #expect(file.sections.isEmpty)
    }

    @Test func scrubRefusesWhatIsNotOneCommentLineAndIgnoresMissingKeys() throws {
        var file = try Self.file("[jo]\nregion = x\n")
        #expect(
            throws: ConfigError.invalidEdit(
                file: "~/.aws/credentials", reason: "a comment must be one line starting with # or ;")
        ) {
            try file.removeValues(["aws_access_key_id"], inSection: "jo", leavingComment: "not a comment")
        }
        #expect(throws: ConfigError.self) {
            try file.removeValues(["aws_access_key_id"], inSection: "jo", leavingComment: "# two\n# lines")
        }
        #expect(try !file.removeValues(["aws_access_key_id"], inSection: "jo", leavingComment: "# c"))
        #expect(try !file.removeValues(["aws_access_key_id"], inSection: "nobody", leavingComment: "# c"))
        #expect(file.text == "[jo]\nregion = x\n")
    }

    @Test func commentAndBackupNamesUseUTC() {
        let date = Date(timeIntervalSince1970: 1_795_410_000)  // 2026-11-23T05:00:00Z
        #expect(
            ImportCandidate.scrubComment(profile: "jo", backend: "file", date: date)
                == "# keyward: the key of profile \"jo\" moved to the keyward vault (file backend) on 2026-11-23")
        #expect(
            ImportCandidate.backupPath(for: "/h/.aws/credentials", date: date)
                == "/h/.aws/credentials.keyward-backup-20261123T050000Z")
        #expect(
            ImportCandidate.backupPath(for: "/h/.aws/credentials", date: date, attempt: 2)
                == "/h/.aws/credentials.keyward-backup-20261123T050000Z-2")
    }

    @Test func backUpNeverOverwritesAndRemovalChecksTheKey() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kwimport-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("credentials").path
        let original =
            "# keys\n[jo]\naws_access_key_id = AKIAIMPORTTEST0001\naws_secret_access_key = s3cr3t/ImportTest+0001\n"
        try Data(original.utf8).write(to: URL(fileURLWithPath: path))
        let file = SharedCredentialsFile(path: path, displayName: "credentials")
        let date = Date(timeIntervalSince1970: 1_795_410_000)

        let first = try await file.backUp(date: date)
        let second = try await file.backUp(date: date)
        #expect(first == path + ".keyward-backup-20261123T050000Z")
        #expect(second == path + ".keyward-backup-20261123T050000Z-2")
        for backup in [first, second].compactMap({ $0 }) {
            #expect(try String(contentsOfFile: backup, encoding: .utf8) == original)
            let mode = try FileManager.default.attributesOfItem(atPath: backup)[.posixPermissions] as? Int
            #expect(mode == 0o600)
        }

        let other = AWSCredentials(accessKeyID: "AKIAIMPORTTEST0001", secretAccessKey: SecretString("other"))
        #expect(try await file.removeImportedKey(other, profile: "jo", comment: Self.comment) == .keyDiffers)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == original)
        #expect(try await file.removeImportedKey(Self.key, profile: "jo", comment: Self.comment) == .removed)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "# keys\n\(Self.comment)\n")
        #expect(try await file.removeImportedKey(Self.key, profile: "jo", comment: Self.comment) == .notInFile)
        #expect(try await SharedCredentialsFile(path: path + ".absent", displayName: "x").backUp(date: date) == nil)
    }
}

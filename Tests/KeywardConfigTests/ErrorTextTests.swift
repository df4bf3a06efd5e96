import Foundation
import KeywardConfig
import Testing

@Suite("Error texts and reading files from disk")
struct ErrorTextTests {
    @Test("every error is one line of fact")
    func descriptions() {
        let file = "~/.aws/config"
        let cases: [(ConfigError, String)] = [
            (.unreadableFile(file: file, reason: "Permission denied"), "~/.aws/config: cannot read: Permission denied"),
            (.invalidEncoding(file: file, line: 3), "~/.aws/config:3: not valid UTF-8"),
            (
                .missingSectionHeader(file: file, line: 1),
                "~/.aws/config:1: expected a [section] header before the first key"
            ),
            (.malformedLine(file: file, line: 12), "~/.aws/config:12: expected \"key = value\""),
            (
                .malformedNestedLine(file: file, line: 4, key: "s3"),
                "~/.aws/config:4: expected \"key = value\" in the indented block of \"s3\""
            ),
            (
                .duplicateSection(file: file, line: 9, section: "profile dev"),
                "~/.aws/config:9: section [profile dev] appears twice"
            ),
            (
                .duplicateKey(file: file, line: 5, section: "default", key: "region"),
                "~/.aws/config:5: key \"region\" appears twice in [default]"
            ),
            (
                .invalidValue(file: file, line: 2, key: "duration_seconds", reason: "60 is outside 900...43200"),
                "~/.aws/config:2: duration_seconds: 60 is outside 900...43200"
            ),
            (
                .invalidEnvironmentValue(name: "AWS_STS_REGIONAL_ENDPOINTS", reason: "expected legacy or regional"),
                "AWS_STS_REGIONAL_ENDPOINTS: expected legacy or regional"
            ),
            (.profileNotFound(profile: "dev", files: [file]), "profile \"dev\": not in ~/.aws/config"),
            (
                .sourceProfileNotFound(profile: "admin", source: "jo", file: file, line: 7),
                "~/.aws/config:7: source_profile \"jo\" of profile \"admin\" does not exist"
            ),
            (
                .includedProfileNotFound(profile: "a", included: "b", file: file, line: 2),
                "~/.aws/config:2: include_profile \"b\" of profile \"a\" does not exist"
            ),
            (
                .sourceProfileLoop(chain: ["a", "b", "a"], file: file, line: 8),
                "~/.aws/config:8: source_profile loop: a -> b -> a"
            ),
            (
                .includeProfileLoop(chain: ["a", "a"], file: file, line: 2),
                "~/.aws/config:2: include_profile loop: a -> a"
            ),
            (
                .conflictingRoleSources(profile: "x", file: file, line: 3),
                "~/.aws/config:3: profile \"x\" sets both source_profile and credential_source"
            ),
            (
                .missingRoleSource(profile: "x", file: file, line: 3),
                "~/.aws/config:3: profile \"x\" has role_arn but neither source_profile nor credential_source"
            ),
            (
                .missingWebIdentityRole(profile: "x", file: file, line: 3),
                "~/.aws/config:3: profile \"x\" has web_identity_token_file but no role_arn"
            ),
            (
                .partialCredentials(profile: "jo", file: "~/.aws/credentials", line: 2),
                "~/.aws/credentials:2: profile \"jo\" has aws_access_key_id but no aws_secret_access_key"
            ),
            (
                .servicesSectionNotFound(profile: "x", services: "s", file: file, line: 4),
                "~/.aws/config:4: [services s] of profile \"x\" does not exist"
            ),
            (.invalidEdit(file: file, reason: "cannot write key \"=\""), "~/.aws/config: cannot write key \"=\""),
        ]
        for (error, text) in cases {
            #expect(error.description == text)
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("files are found through the environment; missing files and directories count as empty")
    func loading() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("keyward-config-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let aws = home.appendingPathComponent(".aws")
        try FileManager.default.createDirectory(at: aws, withIntermediateDirectories: true)
        try Data("[profile admin]\nrole_arn = arn:aws:iam::1:role/a\nsource_profile = jo\n".utf8)
            .write(to: aws.appendingPathComponent("config"))
        try Data("[jo]\naws_access_key_id = AKIA1\naws_secret_access_key = s\n".utf8)
            .write(to: aws.appendingPathComponent("credentials"))
        let environment: Environment = ["HOME": home.path, "AWS_PROFILE": "admin"]
        let resolver = try ProfileResolver(environment: environment)
        #expect(try resolver.resolve(nil).chainNames == ["admin", "jo"])
        #expect(resolver.configFile?.fileName == "~/.aws/config")

        let noCredentials = try ProfileResolver(
            environment: ["HOME": home.path, "AWS_SHARED_CREDENTIALS_FILE": home.appendingPathComponent("none").path])
        #expect(noCredentials.credentialsFile == nil)
        #expect(
            configError { try noCredentials.resolve("admin") }?.description
                == "~/.aws/config:3: source_profile \"jo\" of profile \"admin\" does not exist")

        let directory = try ProfileResolver(environment: ["HOME": home.path, "AWS_CONFIG_FILE": aws.path])
        #expect(directory.configFile == nil)

        try Data("[a]\n[a]\n".utf8).write(to: aws.appendingPathComponent("config"))
        #expect(
            configError { try ProfileResolver(environment: ["HOME": home.path]) }?.description
                == "~/.aws/config:2: section [a] appears twice")
    }
}

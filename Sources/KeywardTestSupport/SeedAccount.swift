import Foundation
import KeywardAWS
import KeywardSystem

/// The seeds' account on the emulator: IAM user `jo` allowed only `sts:AssumeRole`, with a virtual MFA device,
/// an `admin` role whose trust policy requires MFA, and a `readonly` role `jo` may assume without it.
public struct SeedAccount: Sendable {
    /// The 12-digit account id (moto's default).
    public var account: String
    /// An administrator created during moto's unauthenticated bootstrap calls.
    public var bootstrap: AWSCredentials
    /// `jo`'s long-lived key.
    public var jo: AWSCredentials
    /// `jo`'s ARN.
    public var joARN: String
    /// `jo`'s MFA device serial.
    public var joMFASerial: String
    /// The MFA-protected admin role.
    public var adminRoleARN: String
    /// A role `jo` may assume without MFA.
    public var readonlyRoleARN: String
}

extension MotoServer {
    /// The repository's `scripts/` folder, found from this source file.
    public static var scriptsDirectory: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts")
    }

    /// Creates the seeds' account through moto's own AWS API with boto3 (`scripts/seed_account.py`).
    ///
    /// With access control enforced the server must have been started with `bootstrapActions: 3`.
    /// - Throws: `TestSupportError.fixtureFailed` with the script's stderr.
    public func seedAccount() throws -> SeedAccount {
        var environment = ProcessInfo.processInfo.environment
        for key in environment.keys where key.hasPrefix("AWS_") { environment[key] = nil }
        let result = try TestProcess.run(
            URL(fileURLWithPath: "/usr/bin/env"),
            [
                "python3", MotoServer.scriptsDirectory.appendingPathComponent("seed_account.py").path,
                endpoint.absoluteString,
            ], environment: environment, timeout: .seconds(60))
        guard result.status == 0 else {
            throw TestSupportError.fixtureFailed("seed_account.py exited \(result.status): \(result.stderr)")
        }
        let data = Data(result.stdout.utf8)
        struct Key: Decodable {
            var accessKeyId: String
            var secretAccessKey: String
            var arn: String?
            var mfaSerial: String?
        }
        struct Output: Decodable {
            var account: String
            var bootstrap: Key
            var jo: Key
            var adminRoleArn: String
            var readonlyRoleArn: String
        }
        let decoded = try JSONDecoder().decode(Output.self, from: data)
        func credentials(_ key: Key) -> AWSCredentials {
            AWSCredentials(accessKeyID: key.accessKeyId, secretAccessKey: SecretString(key.secretAccessKey))
        }
        return SeedAccount(
            account: decoded.account, bootstrap: credentials(decoded.bootstrap), jo: credentials(decoded.jo),
            joARN: decoded.jo.arn ?? "", joMFASerial: decoded.jo.mfaSerial ?? "",
            adminRoleARN: decoded.adminRoleArn, readonlyRoleARN: decoded.readonlyRoleArn)
    }
}

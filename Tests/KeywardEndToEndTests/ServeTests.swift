import Foundation
import KeywardTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `keyward serve PROFILE --ecs|--ec2`: boto3, with no AWS keys in its environment, gets a role's credentials
/// from Keyward's local endpoint and calls STS on moto with them; SIGTERM stops the server cleanly.
@Suite struct ServeTests {
    static let program = """
        import boto3, os
        print(boto3.client("sts", region_name="us-east-1").get_caller_identity()["Arn"])
        """

    @Test(arguments: ["--ecs", "--ec2"])
    func botoGetsTheRoleFromTheLocalEndpoint(mode: String) async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let home = try TemporaryHome()
            try home.write(
                ".aws/credentials",
                "[jo]\naws_access_key_id = \(account.jo.accessKeyID)\n"
                    + "aws_secret_access_key = \(account.jo.secretAccessKey.unredacted)\n")
            try home.write(
                ".aws/config",
                "[profile jo]\nregion = us-east-1\n\n[profile ro]\nrole_arn = \(account.readonlyRoleARN)\n"
                    + "source_profile = jo\nrole_session_name = served\n")
            let environment = [
                "HOME": home.url.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "AWS_ENDPOINT_URL": moto.endpoint.absoluteString, "AWS_REGION": "us-east-1",
                "KEYWARD_HOME": home.url.path + "/keyward", "KEYWARD_BACKEND": "file",
                "KEYWARD_FILE_PASSPHRASE": "test passphrase",
            ]
            let server = try TestProcess(KeywardCLI.binary, ["serve", "ro", mode], environment: environment)
            defer { server.send(SIGKILL) }
            let exports = try await RunningServer.exports(of: server, count: 2)
            #expect(exports.keys.allSatisfy { $0.hasPrefix("AWS_") })
            if mode == "--ecs" {
                #expect(exports["AWS_CONTAINER_CREDENTIALS_FULL_URI"]?.hasPrefix("http://127.0.0.1:") == true)
                #expect(exports["AWS_CONTAINER_AUTHORIZATION_TOKEN"]?.count ?? 0 >= 32)
            } else {
                #expect(exports["AWS_EC2_METADATA_SERVICE_ENDPOINT"]?.hasPrefix("http://127.0.0.1:") == true)
            }

            var child = exports
            child["HOME"] = home.url.path
            child["PATH"] = environment["PATH"]
            child["AWS_ENDPOINT_URL"] = moto.endpoint.absoluteString
            let result = try KeywardCLI.run(
                executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", Self.program], environment: child)
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stdout == "arn:aws:sts::123456789012:assumed-role/readonly/served\n")

            server.send(SIGTERM)
            let ended = await server.outcome(timeout: .seconds(20))
            #expect(!ended.stopped, "keyward serve did not stop on SIGTERM")
            if !ended.stopped { #expect(ended.status == 0) }
        }
    }

    static let execProgram = """
        import boto3, os, sys
        assert not any(k in os.environ for k in ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_PROFILE"))
        print(boto3.client("sts", region_name="us-east-1").get_caller_identity()["Arn"])
        sys.exit(7)
        """

    /// `keyward exec ro --server ecs|ec2 -- python3 ...`: the child gets only the endpoint's variables, boto3
    /// fetches the role's credentials from it, and the child's exit status is Keyward's.
    @Test(arguments: ["ecs", "ec2"])
    func execServesTheChildInsteadOfSettingKeys(mode: String) async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let home = try TemporaryHome()
            try home.write(
                ".aws/credentials",
                "[jo]\naws_access_key_id = \(account.jo.accessKeyID)\n"
                    + "aws_secret_access_key = \(account.jo.secretAccessKey.unredacted)\n")
            try home.write(
                ".aws/config",
                "[profile jo]\nregion = us-east-1\n\n[profile ro]\nrole_arn = \(account.readonlyRoleARN)\n"
                    + "source_profile = jo\nrole_session_name = served\n")
            let environment = [
                "HOME": home.url.path, "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
                "AWS_ENDPOINT_URL": moto.endpoint.absoluteString, "AWS_REGION": "us-east-1",
                "AWS_ACCESS_KEY_ID": "AKIAINHERITEDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "inherited",
                "KEYWARD_HOME": home.url.path + "/keyward", "KEYWARD_BACKEND": "file",
                "KEYWARD_FILE_PASSPHRASE": "test passphrase",
            ]
            let result = try KeywardCLI.run(
                ["exec", "ro", "--server", mode, "--", "python3", "-c", Self.execProgram], environment: environment)
            #expect(result.status == 7, "\(result.stderr)")
            #expect(result.stdout == "arn:aws:sts::123456789012:assumed-role/readonly/served\n")
        }
    }

}

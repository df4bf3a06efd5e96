import Foundation
import HTTPTypes
import KeywardAWS
import Logging
import NIOCore
import Testing

@testable import KeywardServer

@Suite struct EndpointTests {
    @Test func ecsEnvironmentCarriesTheFullURIAndToken() {
        let endpoint = CredentialServer.Endpoint(kind: .ecs, port: 41_234, authorizationToken: "abc123")
        #expect(endpoint.url == "http://127.0.0.1:41234/credentials")
        #expect(
            endpoint.environment == [
                "AWS_CONTAINER_CREDENTIALS_FULL_URI": "http://127.0.0.1:41234/credentials",
                "AWS_CONTAINER_AUTHORIZATION_TOKEN": "abc123",
            ])
    }

    @Test func ec2EnvironmentCarriesTheEndpointAndIPv4Mode() {
        let endpoint = CredentialServer.Endpoint(kind: .ec2, port: 41_234, authorizationToken: nil)
        #expect(
            endpoint.environment == [
                "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:41234",
                "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv4",
            ])
    }

    @Test func childEnvironmentDropsWhatSDKsWouldPreferToTheServer() {
        let endpoint = CredentialServer.Endpoint(kind: .ec2, port: 8080, authorizationToken: nil)
        let parent = [
            "PATH": "/usr/bin", "HOME": "/home/jo", "AWS_ACCESS_KEY_ID": "AKIA", "AWS_SECRET_ACCESS_KEY": "s",
            "AWS_SESSION_TOKEN": "t", "AWS_PROFILE": "dev", "AWS_REGION": "eu-west-1",
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI": "/v2/creds", "AWS_EC2_METADATA_DISABLED": "true",
        ]
        #expect(
            endpoint.childEnvironment(from: parent) == [
                "PATH": "/usr/bin", "HOME": "/home/jo", "AWS_REGION": "eu-west-1",
                "AWS_EC2_METADATA_SERVICE_ENDPOINT": "http://127.0.0.1:8080",
                "AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE": "IPv4",
            ])
    }

    @Test func roleNameComesFromTheARNUnlessGiven() {
        let source = CountingSource(lifetime: 3600, now: { Date() })
        let logger = Logger(label: "test")
        let arn = "arn:aws:iam::123456789012:role/team/deploy"
        #expect(CredentialServer(kind: .ec2, source: source, roleARN: arn, logger: logger).roleName == "deploy")
        #expect(
            CredentialServer(kind: .ec2, source: source, roleName: "x", roleARN: arn, logger: logger).roleName == "x")
        #expect(CredentialServer(kind: .ec2, source: source, logger: logger).roleName == "keyward")
    }

    @Test func instanceProfileFollowsTheRoleARN() {
        let role = ServedRole(name: "deploy", arn: "arn:aws-cn:iam::210987654321:role/team/deploy")
        #expect(role.instanceProfileARN == "arn:aws-cn:iam::210987654321:instance-profile/deploy")
        #expect(role.instanceProfileID.count == 21)
        #expect(role.instanceProfileID.hasPrefix("AIPA"))
        #expect(role.instanceProfileID == ServedRole(name: "deploy", arn: role.arn).instanceProfileID)
        #expect(ServedRole(name: "x", arn: nil).instanceProfileARN == "arn:aws:iam::000000000000:instance-profile/x")
    }

    @Test func roleNamesAreCheckedAgainstIAMRules() {
        #expect(ServedRole.isValidName("my-role_1+=,.@"))
        #expect(!ServedRole.isValidName(""))
        #expect(!ServedRole.isValidName("a/b"))
        #expect(!ServedRole.isValidName("rôle"))
        #expect(!ServedRole.isValidName(String(repeating: "r", count: 65)))
    }

    @Test func invalidDescriptionsFailBeforeAnythingStarts() async {
        let source = CountingSource(lifetime: 3600, now: { Date() })
        let logger = Logger(label: "test")
        let badPort = CredentialServer(kind: .ecs, source: source, port: 70_000, logger: logger)
        await #expect(throws: ServerError.invalidPort(70_000)) { try await badPort.withRunningServer { _ in } }
        let badRole = CredentialServer(kind: .ec2, source: source, roleName: "a/b", logger: logger)
        await #expect(throws: ServerError.invalidRoleName("a/b")) { try await badRole.withRunningServer { _ in } }
        #expect(source.callCount == 0)
    }

    @Test func startUpFailureOfTheSourceIsRethrownUnchanged() async {
        let server = CredentialServer(kind: .ecs, source: FailingSource(), logger: Logger(label: "test"))
        await #expect(throws: FailingSource.Failure.self) { try await server.withRunningServer { _ in } }
    }

    @Test func errorDescriptionsAreOneLineOfFact() {
        #expect(ServerError.invalidPort(70_000).description == "server: port 70000 is outside 0...65535")
        #expect(
            ServerError.invalidRoleName("a/b").description == "server: role name \"a/b\" is not a valid IAM role name")
        #expect(
            ServerError.bindFailed(address: "127.0.0.1:80", reason: "Permission denied").description
                == "server: cannot listen on 127.0.0.1:80: Permission denied")
        #expect(ServerError.stoppedBeforeListening.description == "server: stopped before it started listening")
        #expect(
            ServerError.expiredCredentials.description
                == "server: the credential source returned credentials that have already expired")
    }

    @Test func loopbackPeersAreRecognised() throws {
        let loopback = ["127.0.0.1", "127.255.0.9", "::1", "::ffff:127.0.0.1"]
        let others = ["10.0.0.1", "192.168.1.2", "::", "::2", "fe80::1", "::ffff:10.0.0.1", "128.0.0.1"]
        let verdicts = try (loopback + others).map { text in
            LoopbackPeerMiddleware.isLoopback(try SocketAddress(ipAddress: text, port: 1))
        }
        #expect(verdicts == loopback.map { _ in true } + others.map { _ in false })
    }

    @Test func hostMustNameThisServerWithItsPort() {
        #expect(HostHeaderMiddleware.isAllowed("127.0.0.1:8080", port: 8080))
        #expect(HostHeaderMiddleware.isAllowed("localhost:8080", port: 8080))
        #expect(HostHeaderMiddleware.isAllowed("LocalHost:8080", port: 8080))
        for host in [
            "127.0.0.1", "localhost", "127.0.0.1:8081", "evil.example:8080", "169.254.169.254:8080",
            "127.0.0.2:8080", "localhost.evil.example:8080", "x127.0.0.1:8080", "",
        ] {
            #expect(!HostHeaderMiddleware.isAllowed(host, port: 8080), "\(host)")
        }
    }

    @Test func accessLogRedactsCredentialHeaders() {
        let headers: HTTPFields = [
            .authorization: "secret-bearer", .imdsToken: "secret-imds", .userAgent: "Boto3/1.43.11", .cookie: "c=1",
        ]
        let metadata = AccessLogMiddleware<CredentialRequestContext>.redacted(headers)
        #expect(
            metadata == [
                "authorization": "***", "x-aws-ec2-metadata-token": "***", "user-agent": "Boto3/1.43.11",
                "cookie": "***",
            ])
    }
}

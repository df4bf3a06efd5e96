import Foundation
import KeywardSystem
import KeywardTestSupport
import Testing

@testable import KeywardAWS

/// The wire protocol against moto_server with signature checks and IAM policy evaluation on
/// (`INITIAL_NO_AUTH_ACTION_COUNT`), using the seeds' account.
@Suite(.serialized) struct AccessControlTests {
    static func clients(_ moto: MotoServer) throws -> (sts: STSClient, iam: (AWSCredentials) -> IAMClient) {
        let sts = STSClient(
            client: QueryClient(
                endpoint: try .sts(region: "us-east-1", override: moto.endpoint.absoluteString), timeout: 10,
                retryPolicy: .none))
        let iamEndpoint = try ServiceEndpoint.iam(region: "us-east-1", override: moto.endpoint.absoluteString)
        return (sts, { IAMClient(client: QueryClient(endpoint: iamEndpoint, retryPolicy: .none), credentials: $0) })
    }

    @Test func signedRequestsPassWrongSecretsAndDeniedCallsFail() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let (sts, iam) = try Self.clients(moto)

            // A correctly signed request passes.
            let identity = try await sts.getCallerIdentity(credentials: account.jo)
            #expect(identity.arn == "arn:aws:iam::123456789012:user/jo")
            #expect(identity.account == "123456789012")

            // The right key id with a wrong secret: moto recomputes the signature and refuses it.
            var wrong = account.jo
            wrong.secretAccessKey = SecretString("not-the-secret")
            do {
                _ = try await sts.getCallerIdentity(credentials: wrong)
                Issue.record("a wrong secret was accepted")
            } catch let error as AWSClientError {
                #expect(error.awsCode == "SignatureDoesNotMatch")
                #expect(!error.description.contains("not-the-secret"))
            }

            // jo may only sts:AssumeRole: IAM calls are denied by policy.
            do {
                _ = try await iam(account.jo).listRoles()
                Issue.record("jo listed roles")
            } catch let error as AWSClientError {
                #expect(error.awsCode == "AccessDenied")
            }

            // and an allowed call through the chain works: AssumeRole into the readonly role.
            let session = try await sts.assumeRole(
                AssumeRoleRequest(roleARN: account.readonlyRoleARN, roleSessionName: "jo"), credentials: account.jo)
            #expect(session.assumedRoleARN == "arn:aws:sts::123456789012:assumed-role/readonly/jo")
            #expect(session.credentials.accessKeyID.hasPrefix("ASIA"))
            #expect(session.credentials.expiration != nil)
        }
    }

    @Test func iamCallsAndPaginationAgainstMoto() async throws {
        try await MotoServer.with(accessControl: .enforced(bootstrapActions: 3)) { moto in
            let account = try moto.seedAccount()
            let (sts, iamFor) = try Self.clients(moto)
            let iam = iamFor(account.bootstrap)
            let roles = try await iam.listRoles()
            #expect(roles.map(\.name).sorted() == ["admin", "readonly"])
            // One role a page: the client must follow Marker/IsTruncated to see both.
            #expect(try await iam.listRoles(pageSize: 1).map(\.name).sorted() == ["admin", "readonly"])
            let admin = try await iam.getRole(name: "admin")
            #expect(admin.arn == account.adminRoleARN)
            #expect(admin.trustPolicy?.contains("aws:MultiFactorAuthPresent") == true)
            #expect(try await iam.listMFADevices(userName: "jo").map(\.serialNumber) == [account.joMFASerial])
            #expect(try await iam.listAccessKeys(userName: "jo").map(\.accessKeyID) == [account.jo.accessKeyID])

            let created = try await iam.createAccessKey(userName: "jo")
            #expect(created.accessKeyID.hasPrefix("AKIA"))
            #expect(try await sts.getCallerIdentity(credentials: created).arn == account.joARN)
            try await iam.deleteAccessKey(accessKeyID: created.accessKeyID, userName: "jo")
            #expect(try await iam.listAccessKeys(userName: "jo").count == 1)

            let details = try await iam.getAccountAuthorizationDetails()
            let jo = try #require(details.users.first { $0.name == "jo" })
            #expect(jo.inlinePolicies.map(\.name) == ["assume-only"])
            #expect(jo.inlinePolicies.first?.document.contains("sts:AssumeRole") == true)
            #expect(details.roles.map(\.name).sorted() == ["admin", "readonly"])
        }
    }

    @Test func connectionRefusedIsATransportError() async throws {
        let port = try FreePort.find()
        let sts = STSClient(
            client: QueryClient(
                endpoint: try .sts(region: "us-east-1", override: "http://127.0.0.1:\(port)"), timeout: 1,
                retryPolicy: RetryPolicy(maxAttempts: 2, baseDelay: 0.01, maxDelay: 0.01)))
        let key = AWSCredentials(accessKeyID: "AKIDEXAMPLE", secretAccessKey: SecretString("s"))
        do {
            _ = try await sts.getCallerIdentity(credentials: key)
            Issue.record("no server, yet an answer")
        } catch {
            guard case .transport(let operation, let endpoint, _) = error else {
                Issue.record("expected a transport error, got \(error)")
                return
            }
            #expect(operation == "sts:GetCallerIdentity")
            #expect(endpoint == "http://127.0.0.1:\(port)")
        }
    }
}

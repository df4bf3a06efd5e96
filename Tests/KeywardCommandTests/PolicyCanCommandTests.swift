import Foundation
import KeywardSystem
import KeywardTestSupport
import KeywardVault
import Testing

@testable import keyward

/// `policy can` run in-process against the seeds' account on moto: jo's `assume-only` policy, fetched
/// from IAM, decides locally; the exit status follows the decision (0 allowed, 1 denied, 2 error).
@Suite struct PolicyCanCommandTests {
    @Test func josOwnPolicyAllowsAssumingRolesAndNothingElse() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let account = try moto.seedAccount()
            let harness = try CommandHarness(endpoint: moto.endpoint)
            try harness.home.write(".aws/config", "[profile jo]\nregion = us-east-1\n")
            try await harness.add(
                "jo", accessKeyID: account.jo.accessKeyID, secret: account.jo.secretAccessKey.unredacted)

            let allowed = await harness.run {
                try await PolicyCanCommand.parse(["jo", "sts:AssumeRole", account.adminRoleARN]).run(in: $0)
            }
            #expect(allowed.status == 0, "\(allowed.stderr)")
            #expect(allowed.stderr == "")
            #expect(allowed.stdout.hasPrefix("allowed: an identity-based policy allows it\n"), "\(allowed.stdout)")
            #expect(allowed.stdout.contains("principal: \(account.joARN)"))
            #expect(allowed.stdout.contains("assume-only"), "the deciding policy is named")

            // The policy's Resource is role/*: a user is outside it.
            let otherResource = await harness.run {
                try await PolicyCanCommand.parse(["jo", "sts:AssumeRole", "arn:aws:iam::123456789012:user/x"])
                    .run(in: $0)
            }
            #expect(otherResource.status == 1)
            #expect(otherResource.stdout.hasPrefix("implicitDeny: no policy allows it\n"))

            let denied = await harness.run {
                try await PolicyCanCommand.parse(["jo", "s3:GetObject", "arn:aws:s3:::b/k", "--json"]).run(in: $0)
            }
            #expect(denied.status == 1)
            #expect(denied.stderr == "keyward: implicitDeny (no policy allows it)\n")
            let document = try JSONSerialization.jsonObject(with: Data(denied.stdout.utf8)) as? [String: Any]
            #expect(document?["decision"] as? String == "implicitDeny", "\(denied.stdout)")

            let missing = await harness.run {
                try await PolicyCanCommand.parse(["nobody", "s3:GetObject"]).run(in: $0)
            }
            #expect(missing.status == 2)
            #expect(missing.stdout == "")
            #expect(missing.stderr.contains("nobody"))
        }
    }
}

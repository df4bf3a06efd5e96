import Foundation
import KeywardTestSupport
import Testing

/// Issue 21 item 7: `list` and `clear` work from what a profile resolves to, not from its name. Two role
/// profiles with identical settings share one cached session (one STS call serves both); `list` shows it
/// under both and `clear` on either drops it.
@Suite struct SharedSessionTests {
    @Test func identicalProfilesShareASessionThatListAndClearSeeUnderEitherName() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto) { account in
                """
                [profile jo]
                region = us-east-1

                [profile ro]
                role_arn = \(account.readonlyRoleARN)
                source_profile = jo
                role_session_name = shared

                [profile ro2]
                role_arn = \(account.readonlyRoleARN)
                source_profile = jo
                role_session_name = shared

                """
            }
            defer { fixture.clearSessions() }
            #expect(try fixture.keyward(["export", "ro", "--format", "json"]).status == 0)
            let calls = try fixture.motoRequestCount()
            #expect(try fixture.keyward(["export", "ro2", "--format", "json"]).status == 0)
            #expect(try fixture.motoRequestCount() == calls, "ro2 fetched a session of its own")

            let listing = try fixture.keyward(["list", "--json"])
            let object = try JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [String: Any]
            let rows = object?["profiles"] as? [[String: Any]] ?? []
            func sessions(_ name: String) -> Int {
                (rows.first { $0["name"] as? String == name }?["sessions"] as? [Any])?.count ?? -1
            }
            #expect(sessions("ro") >= 1)
            #expect(sessions("ro2") == sessions("ro"), "\(listing.stdout)")

            let cleared = try fixture.keyward(["clear", "ro2"])
            #expect(cleared.status == 0)
            #expect(cleared.stderr.contains("Cleared 1 cached session for ro2"), "\(cleared.stderr)")
            #expect(try fixture.keyward(["export", "ro", "--format", "json"]).status == 0)
            #expect(try fixture.motoRequestCount() > calls, "the shared session outlived clear ro2")
        }
    }
}

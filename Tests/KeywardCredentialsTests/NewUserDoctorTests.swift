import Foundation
import KeywardCredentials
import Testing

/// Issue 21, item 13: `role_arn = not-an-arn` passed `doctor` (and `exec`, until STS refused it).
@Suite struct NewUserDoctorTests {
    @Test func item13ARoleARNThatIsNoARNIsFound() throws {
        let home = try DoctorTests.Home()
        defer { home.remove() }
        try home.write(
            ".aws/config",
            """
            [profile jo]
            mfa_serial = arn:aws:iam::123456789012:mfa/jo
            [profile bad]
            role_arn = not-an-arn
            source_profile = jo
            mfa_serial = arn:aws:iam::123456789012:mfa/jo

            """)
        #expect(
            home.doctor().inspect().findings == [
                Finding(
                    id: .roleARNNotAnARN, severity: .high, location: "~/.aws/config:4",
                    message: "role_arn \"not-an-arn\" of profile \"bad\" is not a role ARN; STS refuses it",
                    fix: "set role_arn to the role's ARN, arn:aws:iam::ACCOUNT:role/NAME")
            ])
    }
}

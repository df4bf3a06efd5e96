import KeywardAWS

extension CredentialPlan {
    /// Refuses a plan STS would refuse part of, before its first call or cache write (issue 21, item 13):
    /// `exec ro --duration 10s` used to cache a 10-second session, and `role_arn = not-an-arn` reached STS
    /// after the MFA session had been opened. `STSClient` checks each request again with the same rules,
    /// for the commands that call STS without a plan.
    /// - Throws: `CredentialsError.sts(profile:, .refusedLocally)` naming the step's profile.
    func checkLimits() throws(CredentialsError) {
        if let step = sessionToken {
            try Self.check(
                step.profile, "sts:GetSessionToken", .duration(seconds: step.durationSeconds, call: .getSessionToken))
        }
        if case .webIdentity(_, let roleARN, _, let profile) = source {
            try Self.check(profile, "sts:AssumeRoleWithWebIdentity", .roleARN(roleARN))
        }
        for role in roles {
            try Self.check(role.profile, "sts:AssumeRole", .roleARN(role.roleARN))
            try Self.check(role.profile, "sts:AssumeRole", .duration(seconds: role.durationSeconds, call: .assumeRole))
        }
    }

    private static func check(
        _ profile: String, _ operation: String, _ value: STSRequestLimits.Value
    ) throws(CredentialsError) {
        do {
            try STSRequestLimits.check(value)
        } catch {
            throw .sts(profile: profile, .refusedLocally(operation: operation, reason: error.reason))
        }
    }
}

import Foundation

extension PrincipalAuthorizationDetails {
    /// The condition keys AWS supplies with every request this principal signs, as `request(supplied:)`
    /// takes them: `aws:CurrentTime`, `aws:EpochTime`, `aws:SecureTransport` (`true`: the SDKs and CLI use
    /// HTTPS), `aws:RequestedRegion` and `aws:userid` when known. `aws:PrincipalArn`, `aws:PrincipalAccount`,
    /// `aws:PrincipalType`, `aws:username` and `aws:PrincipalTag/*` are added by ``request(action:resource:resourceAccount:supplied:context:)``.
    ///
    /// Without them a `Deny` conditioned on one of these keys (`DateGreaterThan aws:CurrentTime`,
    /// `Bool aws:SecureTransport false`) would silently not apply (IAM User Guide, "AWS global condition
    /// context keys": aws:CurrentTime "This key is always included in the request context").
    ///
    /// - Parameters:
    ///   - now: the time of the request.
    ///   - region: the region the request is sent to (the profile's), if any.
    ///   - userID: the caller's unique ID as STS `GetCallerIdentity` returns it (`AIDA...`, or
    ///     `AROA...:session` for a role session), if known.
    /// - Returns: the keys and their values.
    public static func suppliedContext(now: Date, region: String?, userID: String?) -> [String: [String]] {
        var context: [String: [String]] = [
            "aws:CurrentTime": [now.formatted(.iso8601)],
            "aws:EpochTime": [String(Int64(now.timeIntervalSince1970.rounded(.down)))],
            "aws:SecureTransport": ["true"],
        ]
        if let region, !region.isEmpty { context["aws:RequestedRegion"] = [region] }
        if let userID, !userID.isEmpty { context["aws:userid"] = [userID] }
        return context
    }
}

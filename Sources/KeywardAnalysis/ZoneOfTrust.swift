import KeywardSystem

/// The accounts and organization whose callers are trusted (Access Analyzer's zone of trust), and the
/// condition keys that bind a request to a caller's organization, account, source or network.
///
/// IAM User Guide, "IAM Access Analyzer findings": "Any principal in the organization or account that you
/// choose for the analyzer is considered trusted." A condition on one of ``boundingKeys`` with fixed
/// values restricts who may call: the S3 User Guide, "The meaning of 'public'", names `aws:PrincipalOrgID`,
/// `aws:PrincipalAccount`, `aws:PrincipalArn`, `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOwner`,
/// `aws:SourceVpc`, `aws:SourceVpce`, `aws:SourceIp` (a fixed network) and `aws:userid` as the keys whose
/// fixed values make a policy non-public.
public struct ZoneOfTrust: Sendable, Equatable {
    /// The keys (lowercased) whose fixed values bind a request to a known caller or network.
    public static let boundingKeys: Set<String> = [
        "aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
        "aws:sourceaccount", "aws:sourcearn", "aws:sourceowner", "aws:sourceorgid", "aws:sourceorgpaths",
        "aws:sourcevpc", "aws:sourcevpce", "aws:sourceip", "aws:userid", "kms:calleraccount",
        "s3:dataaccesspointaccount", "s3:dataaccesspointarn",
    ]

    /// The account the resource belongs to.
    public var account: String
    /// Further accounts trusted (`--trusted-account`).
    public var trustedAccounts: Set<String>
    /// The organization trusted (`--org`), if any.
    public var organization: String?

    /// Creates a zone.
    public init(account: String, trustedAccounts: Set<String> = [], organization: String? = nil) {
        self.account = account
        self.trustedAccounts = trustedAccounts
        self.organization = organization
    }

    /// The accounts of the zone.
    public var accounts: Set<String> { trustedAccounts.union([account]) }

    /// Whether a request's values of the condition keys place it in the zone: the caller's organization
    /// (`aws:PrincipalOrgID`, `aws:PrincipalOrgPaths`), for a service the account or organization it acts
    /// for (`aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOwner`, `aws:SourceOrgID`), or a fixed VPC or
    /// VPC endpoint (`aws:SourceVpc`, `aws:SourceVpce`), which belongs to a network of the resource's
    /// account.
    ///
    /// - Parameters:
    ///   - context: the request's condition keys (any case) and values.
    ///   - pinned: the keys whose values are ones a policy names.
    ///   - isService: the caller is a service principal.
    func contains(context: [String: [String]], pinned: Set<String>, isService: Bool) -> Bool {
        let lowered = Dictionary(context.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
        func all(_ key: String, _ test: (String) -> Bool) -> Bool {
            guard let values = lowered[key], !values.isEmpty else { return false }
            return values.allSatisfy(test)
        }
        if let organization {
            if all("aws:principalorgid", { $0 == organization }) { return true }
            if all(
                "aws:principalorgpaths", { $0.hasPrefix(organization + "/") || $0.contains("/" + organization + "/") })
            {
                return true
            }
            if isService, all("aws:sourceorgid", { $0 == organization }) { return true }
        }
        if isService {
            if all("aws:sourceaccount", { accounts.contains($0) }) { return true }
            if all("aws:sourceowner", { accounts.contains($0) }) { return true }
            if all("aws:sourcearn", { arn in accounts.contains(ZoneOfTrust.accountField(arn)) }) { return true }
        }
        for key in ["aws:sourcevpc", "aws:sourcevpce"] where pinned.contains(key) && lowered[key] != nil {
            return true
        }
        return false
    }

    /// The account field of an ARN (`arn:p:s:r:ACCOUNT:...`), or "".
    static func accountField(_ arn: String) -> String {
        ARN(arn)?.account ?? ""
    }
}

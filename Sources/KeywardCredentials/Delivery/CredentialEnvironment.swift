import KeywardAWS
import KeywardSystem

/// How credentials become a program's environment: the variables (`exec`, `assume --exec`, `saml --exec`,
/// `export --format env`) and the whole environment of a child, built on `ChildEnvironment`'s rule for what
/// a child may see. One place, so every command hands a program the same variables.
///
/// ```swift
/// let environment = CredentialEnvironment.forChild(of: parent, credentials: session, region: "eu-west-1")
/// ```
public enum CredentialEnvironment {
    /// The variables for `credentials`, in a fixed order. Both `AWS_REGION` and `AWS_DEFAULT_REGION` are
    /// set: the SDKs read the first, boto3 and the AWS CLI v1 only the second (aws-vault sets both too).
    public static func variables(_ credentials: AWSCredentials, region: String?) -> [(String, String)] {
        var variables = [
            ("AWS_ACCESS_KEY_ID", credentials.accessKeyID),
            ("AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey.unredacted),
        ]
        if let token = credentials.sessionToken { variables.append(("AWS_SESSION_TOKEN", token.unredacted)) }
        if let expiration = credentials.expiration {
            variables.append(("AWS_CREDENTIAL_EXPIRATION", CredentialProcessOutput.timestamp(expiration)))
        }
        if let region {
            variables.append(("AWS_REGION", region))
            variables.append(("AWS_DEFAULT_REGION", region))
        }
        return variables
    }

    /// The environment of a child that runs with `credentials`: the parent's, without any other credentials,
    /// profile or Keyward secret (`ChildEnvironment`), with these credentials and the region (which replaces
    /// the parent's when given), and `KEYWARD_PROFILE` naming the profile when there is one.
    public static func forChild(
        of parent: [String: String], credentials: AWSCredentials, region: String?, profile: String? = nil
    ) -> [String: String] {
        var setting = Dictionary(variables(credentials, region: region)) { _, last in last }
        setting["KEYWARD_PROFILE"] = profile
        return ChildEnvironment.forChild(of: parent, setting: setting, replacingRegion: region != nil)
    }
}

/// Where the root of a profile's chain gets credentials, as the AWS CLI decides it.
///
/// For a profile that assumes no role this is the profile's own source; for a role chain it is that of the
/// profile at the end of the `source_profile` chain, or the `credential_source` of the last role profile.
/// botocore tries, in order: web identity, IAM Identity Center, the credentials file's keys,
/// `credential_process`, then the config file's keys; the first that applies wins.
public enum SourceCredentials: Sendable, Equatable {
    /// `aws_access_key_id` and `aws_secret_access_key` written in the credentials or config file.
    case staticKeys(StaticCredentials)
    /// `credential_process`: run the command and read its JSON.
    case credentialProcess(command: String, origin: ValueOrigin)
    /// `web_identity_token_file` with `role_arn`: AssumeRoleWithWebIdentity.
    case webIdentity(tokenFile: String, roleARN: String, origin: ValueOrigin)
    /// `sso_session` or `sso_*` keys: IAM Identity Center.
    case singleSignOn(origin: ValueOrigin?)
    /// `credential_source` of a role profile: the environment, EC2 instance metadata or the ECS endpoint.
    case credentialSource(Profile.CredentialSource, origin: ValueOrigin)
    /// Nothing in the files. The AWS CLI would fail here ("must have credentials"); Keyward looks for a key
    /// it stores for the profile.
    case none
}

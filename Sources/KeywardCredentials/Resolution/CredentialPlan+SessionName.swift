import KeywardSystem

extension CredentialPlan {
    /// The role session name used when the profile sets none: the user name in the MFA device's ARN
    /// (`arn:aws:iam::123456789012:mfa/jo` gives `jo`), else the local login name, else `keyward`, so that
    /// CloudTrail ties the session to a person without an extra call (seed 004).
    ///
    /// Characters outside `[\w+=,.@-]` become `-` and the name is cut to 64 characters (AssumeRole's rules).
    /// - Parameters:
    ///   - mfaSerial: the MFA device in play, if any.
    ///   - options: supplies the login name.
    /// - Returns: a valid role session name.
    public static func defaultSessionName(mfaSerial: String?, options: CredentialOptions) -> String {
        var candidate: String?
        // The MFA device's name: aws-vault names sessions after the user the device belongs to.
        if let serial = mfaSerial, let arn = ARN(serial), let name = arn.resourceComponents.last,
            arn.resourceComponents.count > 1
        {
            candidate = name
        }
        if candidate == nil { candidate = options.loginName }
        let cleaned = String(
            (candidate ?? "keyward").unicodeScalars.map { scalar -> Character in
                let allowed =
                    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                    || "_+=,.@-".unicodeScalars.contains(scalar)
                return allowed ? Character(scalar) : "-"
            }
        ).prefix(64)
        return cleaned.count >= 2 ? String(cleaned) : "keyward-" + cleaned
    }
}

import KeywardAWS
import KeywardCredentials
import KeywardSystem

/// The text `keyward export` prints for each format (stdout is data only).
enum CredentialOutput {
    static func render(_ result: ResolvedCredentials, format: ExportCommand.Format) -> String {
        let credentials = result.credentials
        let expiration = credentials.expiration.map(CredentialProcessOutput.timestamp)
        switch format {
        case .credentialProcess:
            return CredentialProcessOutput(credentials).encoded() + "\n"
        case .json:
            var fields: [(String, String)] = [
                ("AccessKeyId", credentials.accessKeyID), ("SecretAccessKey", credentials.secretAccessKey.unredacted),
            ]
            if let token = credentials.sessionToken { fields.append(("SessionToken", token.unredacted)) }
            if let expiration { fields.append(("Expiration", expiration)) }
            if let region = result.region { fields.append(("Region", region)) }
            let body = fields.map {
                "  \(CredentialProcessOutput.quoted($0.0)): \(CredentialProcessOutput.quoted($0.1))"
            }.joined(separator: ",\n")
            return "{\n" + body + "\n}\n"
        case .env:
            let exports = CredentialEnvironment.variables(credentials, region: result.region).map {
                "export \($0.0)=\(shellQuoted($0.1))\n"
            }.joined()
            // A long-lived key has no token or expiry: a stale one left in the shell would be sent with it
            // and the request refused, so the lines say to drop them.
            guard credentials.sessionToken == nil else { return exports }
            return exports + "unset AWS_SESSION_TOKEN AWS_SECURITY_TOKEN AWS_CREDENTIAL_EXPIRATION\n"
        case .ini:
            var lines = ["[\(result.profile)]"]
            lines.append("aws_access_key_id = \(credentials.accessKeyID)")
            lines.append("aws_secret_access_key = \(credentials.secretAccessKey.unredacted)")
            if let token = credentials.sessionToken { lines.append("aws_session_token = \(token.unredacted)") }
            if let region = result.region { lines.append("region = \(region)") }
            return lines.joined(separator: "\n") + "\n"
        }
    }

    static func shellQuoted(_ text: String) -> String { ShellQuoting.quoted(text) }
}

/// A policy document as IAM hands it back, with a name for messages.
public struct NamedPolicyDocument: Sendable, Equatable {
    /// The policy's name (inline policy name, managed policy ARN, ...), used as its source in messages.
    public var name: String
    /// The policy JSON.
    public var json: String

    /// Creates a named document from plain JSON.
    public init(name: String, json: String) {
        self.name = name
        self.json = json
    }

    /// Creates a named document from IAM's URL-encoded form (`%7B%22Version%22...`), as returned by
    /// `GetAccountAuthorizationDetails`, `GetUserPolicy`, `GetRolePolicy` and `GetPolicyVersion`.
    ///
    /// - Throws: ``PolicyError/undecodablePolicyDocument(name:reason:)``.
    public init(name: String, urlEncoded: String) throws(PolicyError) {
        self.init(name: name, json: try IAMPolicyText.decode(urlEncoded, name: name))
    }
}

/// Decodes the URL-encoded policy documents IAM returns.
public enum IAMPolicyText {
    /// Percent-decodes IAM's policy text (RFC 3986: `%XX` escapes; `+` is left as is).
    ///
    /// - Parameters:
    ///   - encoded: the document as IAM returned it.
    ///   - name: the policy's name, for the error.
    /// - Returns: the JSON text.
    /// - Throws: ``PolicyError/undecodablePolicyDocument(name:reason:)`` on a malformed escape or bytes that
    ///   are not UTF-8.
    public static func decode(_ encoded: String, name: String = "policy") throws(PolicyError) -> String {
        let input = Array(encoded.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            guard byte == UInt8(ascii: "%") else {
                output.append(byte)
                index += 1
                continue
            }
            guard index + 2 < input.count, let high = hexValue(input[index + 1]), let low = hexValue(input[index + 2])
            else {
                throw .undecodablePolicyDocument(name: name, reason: "malformed percent escape at offset \(index)")
            }
            output.append(high << 4 | low)
            index += 3
        }
        guard let text = String(validating: output, as: UTF8.self) else {
            throw .undecodablePolicyDocument(name: name, reason: "decoded bytes are not UTF-8")
        }
        return text
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        if byte &- 0x30 < 10 { return byte - 0x30 }
        if (byte | 0x20) &- 0x61 < 6 { return (byte | 0x20) - 0x61 + 10 }
        return nil
    }
}

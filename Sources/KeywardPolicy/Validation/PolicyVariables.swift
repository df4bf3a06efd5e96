import KeywardSystem

/// How the reference's variable entries read a string: `${` opens a variable that `}` closes; `${*}`, `${?}`
/// and `${$}` are the escapes for the literal characters; `${key, 'default'}` gives a default value in single
/// quotes (IAM User Guide, "IAM policy elements: Variables and tags").
enum PolicyVariables {
    /// Whether `text` holds `${`, by its bytes: `String.contains(_:)` with Foundation imported goes through
    /// NSString, a twentieth of an account's validation.
    static func mentions(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "$"), byte == UInt8(ascii: "{") { return true }
            previous = byte
        }
        return false
    }

    /// Whether `text` holds a complete variable (not an escape).
    static func hasVariable(_ text: String) -> Bool {
        guard text.utf8.contains(UInt8(ascii: "$")) else { return false }
        return variables(text).contains { inner in
            !["*", "?", "$"].contains(inner) && !trimmed(inner).isEmpty
        }
    }

    /// The insides of the complete `${...}` in `text`, in order.
    static func variables(_ text: String) -> [String] {
        var result: [String] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else { break }
            result.append(String(rest[open.upperBound..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return result
    }

    /// The reference's findings about the variables of one string: missing brace, empty variable, space in
    /// the name, default value without its quotes.
    static func problems(_ text: String) -> [(IssueCode, String)] {
        guard text.utf8.contains(UInt8(ascii: "$")) else { return [] }
        var result: [(IssueCode, String)] = []
        var rest = Substring(text)
        while let open = rest.firstRange(of: "${") {
            let after = rest[open.upperBound...]
            let close = after.firstIndex(of: "}")
            // A second `${` before the closing brace means the first was never closed.
            let reopened =
                after.firstRange(of: "${").map { reopen in close.map { reopen.lowerBound < $0 } ?? true } ?? false
            if close == nil || reopened {
                result.append(
                    (
                        .missingBraceInVariable,
                        "the policy variable in \"\(text)\" has no closing }; add } after its name"
                    ))
                if close == nil { break }
                rest = after
                continue
            }
            guard let close else { break }
            let inner = String(after[..<close])
            rest = after[after.index(after: close)...]
            if ["*", "?", "$"].contains(inner) { continue }
            if trimmed(inner).isEmpty {
                result.append((.emptyVariable, "\"\(text)\" has an empty policy variable ${}; name one or remove it"))
                continue
            }
            var name = inner
            if let comma = inner.firstIndex(of: ",") {
                // `${key, 'default'}`: a space may follow the comma, and the default may hold spaces.
                name = String(inner[..<comma])
                while name.last == " " { name.removeLast() }
                let value = Self.trimmed(String(inner[inner.index(after: comma)...]))
                if value.count < 2 || !value.hasPrefix("'") || !value.hasSuffix("'") {
                    result.append(
                        (.missingQuoteInVariable, "the default value of ${\(inner)} must be in single quotes"))
                }
            }
            if name.contains(" ") {
                result.append((.unsupportedSpaceInVariable, "the policy variable ${\(inner)} has a space in its name"))
            }
        }
        return result
    }

    /// The text without leading and trailing spaces.
    static func trimmed(_ text: String) -> String {
        var slice = Substring(text)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}

/// A `Federated` principal of a role trust policy: a SAML provider ARN, an OIDC provider ARN, or the domain of
/// a web identity provider (`accounts.google.com`, `cognito-identity.amazonaws.com`).
struct FederatedProvider {
    var isSAML: Bool
    /// The OIDC provider's host (its condition keys' prefix), lowercased; empty for SAML.
    var host: String

    init?(_ value: String) {
        if let arn = ARN(value) {
            guard arn.service == "iam" else { return nil }
            if arn.resource.hasPrefix("saml-provider/"), arn.resource.count > "saml-provider/".count {
                isSAML = true
                host = ""
                return
            }
            if arn.resource.hasPrefix("oidc-provider/"), arn.resource.count > "oidc-provider/".count {
                isSAML = false
                host = String(arn.resource.dropFirst("oidc-provider/".count)).lowercased()
                return
            }
            return nil
        }
        // A domain name: labels of letters, digits and hyphens, at least two.
        let labels = value.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2,
            labels.allSatisfy({ label in
                !label.isEmpty
                    && label.utf8.allSatisfy {
                        ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D
                    }
            })
        else { return nil }
        isSAML = false
        host = value.lowercased()
    }
}

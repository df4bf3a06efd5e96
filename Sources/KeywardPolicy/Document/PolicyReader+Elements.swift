import KeywardSystem

extension PolicyReader {
    private static let partitions: Set<String> = [
        "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc",
    ]

    private static func isActionCharacter(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A)
            || byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: "_")
    }

    /// `*` or `service:Action`, wildcards allowed; SCPs allow `*` only at the end.
    mutating func checkAction(_ action: String, path: String, at offset: Int) {
        if action == "*" { return }
        let parts = action.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty,
            parts[0].utf8.allSatisfy(PolicyReader.isActionCharacter),
            parts[1].utf8.allSatisfy(PolicyReader.isActionCharacter)
        else {
            report(.invalidAction, path, "invalid action \"\(action)\"; expected \"service:Action\"", at: offset)
            return
        }
        if kind == .scp {
            let name = parts[1]
            let starInside = name.dropLast().contains("*")
            if starInside || name.contains("?") {
                report(
                    .scpSyntaxErrorActionWildcard, path,
                    "SCP actions may use * only at the end of the action name: \"\(action)\"", at: offset)
            }
        }
    }

    /// `*`, or an ARN with six fields whose partition, service, region and account are well-formed.
    mutating func checkResource(_ resource: String, path: String, at offset: Int) {
        if resource == "*" { return }
        let template = PatternTemplate(resource, variables: version.supportsVariables, wildcards: true)
        for problem in template.problems { report(.unresolvableVariable, path, problem, at: offset) }
        guard resource.hasPrefix("arn:") else {
            report(.invalidARNPrefix, path, "resource \"\(resource)\" is neither * nor an ARN", at: offset)
            return
        }
        guard let arn = ARN(resource) else {
            report(
                .missingARNField, path,
                "ARN \"\(resource)\" needs six fields arn:partition:service:region:account:resource",
                at: offset)
            return
        }
        let dynamic: (String) -> Bool = { $0.contains("*") || $0.contains("?") || $0.contains("${") }
        if !dynamic(arn.partition), !PolicyReader.partitions.contains(arn.partition) {
            report(.invalidPartition, path, "unknown partition \"\(arn.partition)\"", at: offset)
        }
        if arn.service != arn.service.lowercased() {
            report(.invalidARNServiceCase, path, "ARN service \"\(arn.service)\" must be lowercase", at: offset)
        }
        let regionOK = arn.region.utf8.allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D
        }
        if !dynamic(arn.region), !regionOK {
            report(.invalidARNRegion, path, "invalid region \"\(arn.region)\" in ARN", at: offset)
        }
        let account = arn.account
        let accountOK =
            account.isEmpty || account == "aws"
            || (account.utf8.count == 12 && account.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 })
        if !dynamic(account), !accountOK {
            report(.invalidARNAccount, path, "invalid account \"\(account)\" in ARN; expected 12 digits", at: offset)
        }
        if arn.resource.isEmpty {
            report(.invalidARNResource, path, "ARN \"\(resource)\" has an empty resource field", at: offset)
        }
    }

    mutating func readPrincipal(_ node: JSONNode, path: String, negated: Bool) -> PrincipalElement? {
        switch node.value {
        case .string(let text):
            if text == "*" { return PrincipalElement(anyone: true, negated: negated) }
            report(
                .invalidPrincipalFormat, path, "a principal must be \"*\" or an object like {\"AWS\": ...}",
                at: node.offset)
            return nil
        case .object(let members):
            checkDuplicates(members, path: path)
            if members.isEmpty { report(.emptyObjectPrincipal, path, "empty principal object", at: node.offset) }
            var element = PrincipalElement(negated: negated)
            for member in members {
                let memberPath = PolicyReader.join(path, member.key)
                let values =
                    readStringList(member.value, path: memberPath, empty: .emptyArrayPrincipal) ?? []
                switch member.key {
                case "AWS":
                    for value in values { checkAWSPrincipal(value, path: memberPath, at: member.value.offset) }
                    element.aws += values
                case "Service":
                    element.service += values
                case "Federated":
                    element.federated += values
                case "CanonicalUser":
                    element.canonicalUser += values
                default:
                    report(
                        .invalidPrincipalKey, path,
                        "unknown principal type \"\(member.key)\"; use AWS, Service, Federated or CanonicalUser",
                        at: member.keyOffset)
                }
                if member.key != "AWS", values.contains(where: { $0 != "*" && ($0.contains("*") || $0.contains("?")) })
                {
                    report(
                        .unsupportedWildcardInPrincipal, memberPath, "wildcards are not allowed in principals",
                        at: member.value.offset)
                }
            }
            return element
        default:
            report(
                .dataTypeMismatch, path, "Principal must be \"*\" or an object, found \(node.value.typeName)",
                at: node.offset)
            return nil
        }
    }

    private mutating func checkAWSPrincipal(_ value: String, path: String, at offset: Int) {
        if value == "*" { return }
        if value.contains("*") || value.contains("?") {
            report(
                .unsupportedWildcardInPrincipal, path, "wildcards are not allowed in principal \"\(value)\"", at: offset
            )
            return
        }
        if value.utf8.count == 12, value.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return }
        guard let arn = ARN(value), arn.service == "iam" || arn.service == "sts",
            arn.account.utf8.count == 12
        else {
            report(
                .invalidPrincipalFormat, path, "principal \"\(value)\" is neither an account ID nor an IAM or STS ARN",
                at: offset)
            return
        }
        let resource = arn.resource
        let valid =
            arn.service == "iam"
            ? resource == "root" || resource.hasPrefix("user/") || resource.hasPrefix("role/")
                || resource.hasPrefix("federated-user/")
            : resource.hasPrefix("assumed-role/") || resource.hasPrefix("federated-user/")
        if !valid {
            report(.invalidPrincipalFormat, path, "principal \"\(value)\" is not a principal ARN", at: offset)
        }
    }
}

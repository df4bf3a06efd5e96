/// The `aws:` global condition context keys (IAM User Guide, "AWS global condition context keys"),
/// lowercased, with whether each is multivalued.
enum GlobalConditionKeys {
    /// Single-valued keys.
    static let singleValued: Set<String> = [
        "aws:calledviafirst", "aws:calledvialast", "aws:currenttime", "aws:epochtime", "aws:federatedprovider",
        "aws:multifactorauthage", "aws:multifactorauthpresent", "aws:principalaccount", "aws:principalarn",
        "aws:principalisawsservice", "aws:principalorgid", "aws:principalservicename", "aws:principaltype",
        "aws:referer", "aws:requestedregion", "aws:resourceaccount", "aws:resourceorgid", "aws:securetransport",
        "aws:sourceaccount", "aws:sourcearn", "aws:sourceidentity", "aws:sourceip", "aws:sourceorgid",
        "aws:sourcevpc", "aws:sourcevpce", "aws:sourcevpcarn", "aws:tokenissuetime", "aws:useragent",
        "aws:userid", "aws:username", "aws:viaawsservice", "aws:vpcsourceip", "aws:ec2instancesourcevpc",
        "aws:ec2instancesourceprivateipv4", "aws:vpceaccount", "aws:vpceorgid", "aws:assumedroot",
        "aws:chatbotsourcearn",
    ]

    /// Multivalued keys, which need `ForAllValues:` or `ForAnyValue:`.
    static let multivalued: Set<String> = [
        "aws:calledvia", "aws:principalorgpaths", "aws:principalservicenameslist", "aws:resourceorgpaths",
        "aws:sourceorgpaths", "aws:tagkeys", "aws:vpceorgpaths",
    ]

    /// Key prefixes followed by a tag key.
    static let tagPrefixes = ["aws:principaltag/", "aws:requesttag/", "aws:resourcetag/"]

    /// Whether a lowercased `aws:` key is a documented global key.
    static func isKnown(_ lowercasedKey: String) -> Bool {
        singleValued.contains(lowercasedKey) || multivalued.contains(lowercasedKey)
            || tagPrefixes.contains { lowercasedKey.hasPrefix($0) && lowercasedKey.count > $0.count }
    }

    /// Whether a lowercased key is known to be single-valued (global keys and tag keys).
    static func isSingleValued(_ lowercasedKey: String) -> Bool {
        singleValued.contains(lowercasedKey) || tagPrefixes.contains { lowercasedKey.hasPrefix($0) }
    }
}

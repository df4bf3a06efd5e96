/// Renders validation findings for `keyward policy validate`.
public enum FindingRenderer {
    /// One line per finding: `policy.json:5:9: ERROR INVALID_CONDITION_OPERATOR Statement[2].Condition:
    /// unknown operator "StringEqualz"`.
    ///
    /// - Parameters:
    ///   - findings: the findings of one file.
    ///   - source: the file name.
    ///   - subject: for a policy inside an account's authorization details, whose policy it is; printed in
    ///     brackets before the path.
    /// - Returns: the lines, each ending with a newline.
    public static func text(_ findings: [ValidationFinding], source: String, subject: String? = nil) -> String {
        findings.map { finding in
            let place = finding.location.map { "\(source):\($0)" } ?? source
            let whose = subject.map { "[\($0)] " } ?? ""
            return
                "\(place): \(finding.severity.rawValue) \(finding.issueCode.rawValue) \(whose)\(finding.description)\n"
        }.joined()
    }

    /// One JSON object per finding and line: `{"file":...,"severity":...,"issueCode":...,"path":...,
    /// "line":...,"column":...,"message":...}`.
    public static func jsonLines(_ findings: [ValidationFinding], source: String) -> String {
        var out = JSONText()
        for finding in findings {
            out.raw("{\"file\":")
            out.string(source)
            out.raw(",\"severity\":")
            out.string(finding.severity.rawValue)
            out.raw(",\"issueCode\":")
            out.string(finding.issueCode.rawValue)
            out.raw(",\"path\":")
            out.string(finding.path)
            if let location = finding.location {
                out.raw(Array(",\"line\":\(location.line),\"column\":\(location.column)".utf8))
            }
            out.raw(",\"message\":")
            out.string(finding.message)
            out.raw("}\n")
        }
        return String(decoding: out.bytes, as: UTF8.self)
    }
}

extension FindingRenderer {
    /// One JSON document `{"findings":[...]}`, each finding shaped like Access Analyzer's
    /// `ValidatePolicyFinding`: `issueCode`, `findingType`, `findingDetails`, `learnMoreLink` (Keyward's own
    /// checks have none), `locations` with `path` and `span` (`line` one-based, `column` and `offset`
    /// zero-based, as ValidatePolicy counts them), plus `file` and, for an account's policies, `subject`.
    ///
    /// - Parameter groups: the findings per policy.
    /// - Returns: the document and a newline.
    public static func json(_ groups: [FindingGroup]) -> String {
        var spans = SpanFinder()
        var out = JSONText()
        out.raw("{\"findings\":[")
        var first = true
        for group in groups {
            for finding in group.findings {
                if !first { out.raw(",") }
                first = false
                out.raw("{\"issueCode\":")
                out.string(finding.issueCode.rawValue)
                out.raw(",\"findingType\":")
                out.string(finding.severity.rawValue)
                out.raw(",\"file\":")
                out.string(group.file)
                if let subject = group.subject {
                    out.raw(",\"subject\":")
                    out.string(subject)
                }
                out.raw(",\"findingDetails\":")
                out.string(finding.message)
                if let link = finding.issueCode.learnMoreLink {
                    out.raw(",\"learnMoreLink\":")
                    out.string(link)
                }
                out.raw(",\"locations\":[{\"path\":[")
                for (index, component) in finding.pathComponents.enumerated() {
                    if index > 0 { out.raw(",") }
                    switch component {
                    case .value(let value):
                        out.raw("{\"value\":")
                        out.string(value)
                        out.raw("}")
                    case .index(let number):
                        out.raw(Array("{\"index\":\(number)}".utf8))
                    }
                }
                out.raw("]")
                if let location = finding.location, let span = spans.span(location, in: group) {
                    let end = span.endLocation
                    out.raw(
                        Array(
                            (",\"span\":{\"start\":{\"line\":\(location.line),\"column\":\(location.column - 1),"
                                + "\"offset\":\(span.start)},\"end\":{\"line\":\(end.line),\"column\":"
                                + "\(end.column - 1),\"offset\":\(span.end)}}").utf8))
                }
                out.raw("}]}")
            }
        }
        out.raw("]}\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// SARIF 2.1.0 for GitHub code scanning: one run, a rule per issue code found (its `helpUri` the check
    /// reference's entry), results with the policy file's line and column region (one-based, in bytes).
    /// Levels: ERROR is `error`, SECURITY_WARNING and WARNING `warning`, SUGGESTION `note`; security warnings
    /// carry `security-severity` 7.5 so code scanning ranks them as high.
    ///
    /// - Parameters:
    ///   - groups: the findings per policy.
    ///   - version: Keyward's version, for the tool's `driver`.
    /// - Returns: the SARIF log and a newline.
    public static func sarif(_ groups: [FindingGroup], version: String) -> String {
        var codes: [IssueCode] = []
        for group in groups {
            for finding in group.findings where !codes.contains(finding.issueCode) { codes.append(finding.issueCode) }
        }
        var spans = SpanFinder()
        var out = JSONText()
        out.raw(
            "{\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\",\"version\":\"2.1.0\",\"runs\":[{\"tool\":{\"driver\":{\"name\":\"keyward\",\"version\":"
        )
        out.string(version)
        out.raw(",\"rules\":[")
        for (index, code) in codes.enumerated() {
            if index > 0 { out.raw(",") }
            out.raw("{\"id\":")
            out.string(code.rawValue)
            out.raw(",\"shortDescription\":{\"text\":")
            out.string(code.title)
            out.raw("}")
            if let link = code.learnMoreLink {
                out.raw(",\"helpUri\":")
                out.string(link)
            }
            out.raw(",\"defaultConfiguration\":{\"level\":")
            out.string(sarifLevel(code.severity))
            out.raw("},\"properties\":{\"tags\":[\"iam\",\"policy\"")
            if code.severity == .securityWarning {
                out.raw(",\"security\"],\"security-severity\":\"7.5\"}}")
            } else {
                out.raw("]}}")
            }
        }
        out.raw("]}},\"results\":[")
        var first = true
        for group in groups {
            for finding in group.findings {
                if !first { out.raw(",") }
                first = false
                out.raw("{\"ruleId\":")
                out.string(finding.issueCode.rawValue)
                out.raw(Array(",\"ruleIndex\":\(codes.firstIndex(of: finding.issueCode) ?? 0),\"level\":".utf8))
                out.string(sarifLevel(finding.severity))
                out.raw(",\"message\":{\"text\":")
                let prefix = group.subject.map { "\($0): " } ?? ""
                out.string(prefix + finding.description)
                out.raw("},\"locations\":[{\"physicalLocation\":{\"artifactLocation\":{\"uri\":")
                out.string(group.file)
                out.raw("}")
                let location = finding.location ?? SourceLocation(line: 1, column: 1)
                var region = "\"startLine\":\(location.line),\"startColumn\":\(location.column)"
                if let span = spans.span(location, in: group) {
                    let end = span.endLocation
                    region += ",\"endLine\":\(end.line),\"endColumn\":\(end.column)"
                }
                out.raw(Array(",\"region\":{\(region)}}}]}".utf8))
            }
        }
        out.raw("]}]}\n")
        return String(decoding: out.bytes, as: UTF8.self)
    }

    static func sarifLevel(_ severity: ValidationFinding.Severity) -> String {
        switch severity {
        case .error: return "error"
        case .securityWarning, .warning: return "warning"
        case .suggestion: return "note"
        }
    }
}

extension IssueCode {
    /// `INVALID_ACTION` as words: `Invalid action`.
    var title: String {
        let words = rawValue.lowercased().split(separator: "_").joined(separator: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}

/// Finds the spans of findings, with one line index per file (an account's findings share one file).
struct SpanFinder {
    private var indexes: [String: LineIndex] = [:]

    struct Found {
        var start: Int
        var end: Int
        var endLocation: SourceLocation
    }

    mutating func span(_ location: SourceLocation, in group: FindingGroup) -> Found? {
        guard !group.bytes.isEmpty else { return nil }
        let index = indexes[group.file] ?? LineIndex(group.bytes)
        indexes[group.file] = index
        guard let start = index.offset(of: location) else { return nil }
        let end = SourceSpan.valueEnd(from: start, in: group.bytes)
        return Found(start: start, end: end, endLocation: index.location(of: end))
    }
}

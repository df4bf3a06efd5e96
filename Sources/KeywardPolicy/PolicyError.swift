/// Everything that can go wrong in `KeywardPolicy`. Each description is one line of fact naming the file
/// and, where there is one, the JSON path or line.
public enum PolicyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A policy file is not valid JSON. `location` is the line and column of the first bad byte.
    case invalidJSON(source: String, location: SourceLocation, reason: String)
    /// A policy is well-formed JSON but not a policy Keyward can evaluate; `path` is its JSON path.
    case invalidPolicy(source: String, path: String, reason: String)
    /// A file could not be read.
    case unreadableFile(path: String, reason: String)
    /// A request (a `--context` flag or a JSONL line) could not be read. `line` is 0 for a single request.
    case invalidRequest(source: String, line: Int, reason: String)
    /// `validate` found errors in the named number of files.
    case validationFailed(errorCount: Int, fileCount: Int)
    /// `validate --fail-on` below `error` found `count` findings at `severity` or above in `fileCount` files.
    case findingsAtOrAbove(severity: String, count: Int, fileCount: Int)
    /// A batch finished, but some of its lines could not be read (each got an `error` answer).
    case batchLinesRejected(source: String, count: Int, firstLine: Int)
    /// No template has this name.
    case unknownTemplate(name: String, known: [String])
    /// A template option is missing or malformed.
    case invalidTemplateOption(template: String, option: String, reason: String)
    /// A policy document returned by IAM (URL-encoded JSON) could not be decoded.
    case undecodablePolicyDocument(name: String, reason: String)
    /// A managed policy or permissions boundary is attached to `principal`, but IAM's answer holds no
    /// document for it; deciding without it could allow what it forbids.
    case missingPolicyDocument(policy: String, principal: String)

    /// One line: `policy.json: Statement[2].Condition: unknown operator "StringEqualz"`.
    public var description: String {
        switch self {
        case .invalidJSON(let source, let location, let reason):
            return "\(source):\(location): invalid JSON: \(reason)"
        case .invalidPolicy(let source, let path, let reason):
            return path.isEmpty ? "\(source): \(reason)" : "\(source): \(path): \(reason)"
        case .unreadableFile(let path, let reason):
            return "\(path): cannot read: \(reason)"
        case .invalidRequest(let source, let line, let reason):
            return line > 0 ? "\(source):\(line): \(reason)" : "\(source): \(reason)"
        case .validationFailed(let errorCount, let fileCount):
            let errors = errorCount == 1 ? "1 error" : "\(errorCount) errors"
            let files = fileCount == 1 ? "1 file" : "\(fileCount) files"
            return "policy validation found \(errors) in \(files)"
        case .findingsAtOrAbove(let severity, let count, let fileCount):
            let findings = count == 1 ? "1 finding" : "\(count) findings"
            let files = fileCount == 1 ? "1 file" : "\(fileCount) files"
            return "policy validation found \(findings) at \(severity) or above in \(files)"
        case .batchLinesRejected(let source, let count, let firstLine):
            let lines = count == 1 ? "1 line" : "\(count) lines"
            return "\(source): \(lines) could not be read (first at line \(firstLine)); each got an error answer"
        case .unknownTemplate(let name, let known):
            return "unknown template \"\(name)\"; known: \(known.joined(separator: ", "))"
        case .invalidTemplateOption(let template, let option, let reason):
            return "template \(template): --\(option): \(reason)"
        case .undecodablePolicyDocument(let name, let reason):
            return "\(name): cannot decode policy document: \(reason)"
        case .missingPolicyDocument(let policy, let principal):
            return "\(policy): attached to \(principal), but IAM returned no document for it"
        }
    }
}

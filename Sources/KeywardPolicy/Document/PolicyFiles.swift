import Foundation

/// Reads policy files for the CLI and tests; errors name the path as given.
public enum PolicyFiles {
    /// The file's bytes.
    ///
    /// - Parameter path: a file path.
    /// - Throws: ``PolicyError/unreadableFile(path:reason:)``.
    public static func read(_ path: String) throws(PolicyError) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            let reason = !exists ? "no such file" : isDirectory.boolValue ? "is a directory" : "permission denied"
            throw .unreadableFile(path: path, reason: reason)
        }
        return [UInt8](data)
    }

    /// Reads, parses and compiles one policy.
    ///
    /// - Parameters:
    ///   - path: the file.
    ///   - kind: how the policy is attached.
    /// - Throws: ``PolicyError`` for an unreadable file or a policy that cannot be evaluated.
    public static func load(_ path: String, kind: PolicyKind) throws(PolicyError) -> CompiledPolicy {
        CompiledPolicy(try PolicyDocument.parse(try read(path), source: path, kind: kind))
    }

    /// Reads a file holding one policy or a JSON array of policies (one organization level of SCPs or RCPs).
    public static func loadLevel(_ path: String, kind: PolicyKind) throws(PolicyError) -> [CompiledPolicy] {
        try PolicyDocument.parseLevel(try read(path), source: path, kind: kind).map(CompiledPolicy.init)
    }
}

/// `--context KEY=VALUE` arguments: repeating a key makes it multivalued.
public enum ContextArguments {
    /// Parses the arguments in order.
    ///
    /// - Parameter arguments: `KEY=VALUE` strings; the value may contain `=`, and may be empty.
    /// - Returns: each key's values in the order given.
    /// - Throws: ``PolicyError/invalidRequest(source:line:reason:)`` for an argument without `=` or key.
    public static func parse(_ arguments: [String]) throws(PolicyError) -> [String: [String]] {
        var context: [String: [String]] = [:]
        for argument in arguments {
            guard let equals = argument.firstIndex(of: "="), equals != argument.startIndex else {
                throw .invalidRequest(source: "--context", line: 0, reason: "\"\(argument)\" is not KEY=VALUE")
            }
            context[String(argument[..<equals]), default: []].append(String(argument[argument.index(after: equals)...]))
        }
        return context
    }
}

extension PolicyFiles {
    /// Reads a resource-based policy, telling a role trust policy or a KMS key policy (which must allow
    /// explicitly) from other resource policies by its content.
    ///
    /// See ``PolicyDocument/inferredResourceKind``.
    ///
    /// - Parameter path: the file.
    /// - Throws: ``PolicyError`` for an unreadable file or a policy that cannot be evaluated.
    public static func loadResourcePolicy(_ path: String) throws(PolicyError) -> CompiledPolicy {
        let bytes = try read(path)
        let document = try PolicyDocument.parse(bytes, source: path, kind: .resource)
        let kind = document.inferredResourceKind
        guard kind != .resource else { return CompiledPolicy(document) }
        return CompiledPolicy(try PolicyDocument.parse(bytes, source: path, kind: kind))
    }
}

extension PolicyDocument {
    /// The kind of a resource-based policy judged from its content: `.trust` when no statement names a
    /// resource and every action is an `sts:` action (role trust policies have no `Resource`), `.keyPolicy`
    /// when every action is a `kms:` action, else `.resource`.
    public var inferredResourceKind: PolicyKind {
        let actions = statements.flatMap(\.actions.patterns).map { $0.lowercased() }
        guard !actions.isEmpty, statements.allSatisfy({ !$0.actions.negated }) else { return .resource }
        if statements.allSatisfy({ $0.resources == nil }), actions.allSatisfy({ $0.hasPrefix("sts:") }) {
            return .trust
        }
        if actions.allSatisfy({ $0.hasPrefix("kms:") }) { return .keyPolicy }
        return .resource
    }
}

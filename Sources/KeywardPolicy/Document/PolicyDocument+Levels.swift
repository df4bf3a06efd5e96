extension PolicyDocument {
    /// Parses a file holding one policy or a JSON array of policies (the SCPs or RCPs attached at one
    /// organization level). Elements of an array are named `source[0]`, `source[1]`, ...
    ///
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - source: the file name.
    ///   - kind: how the policies are attached.
    /// - Returns: the policies, in order.
    /// - Throws: ``PolicyError`` for the first blocking finding of any of them.
    public static func parseLevel(
        _ bytes: [UInt8], source: String, kind: PolicyKind
    ) throws(PolicyError) -> [PolicyDocument] {
        let root: JSONNode
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .invalidJSON(
                source: source, location: SourceLocation.of(offset: error.offset, in: bytes), reason: error.reason)
        }
        guard case .array(let elements) = root.value else {
            return [try checked(read(root, bytes: bytes, source: source, kind: kind), source: source, kind: kind)]
        }
        var documents: [PolicyDocument] = []
        for (index, element) in elements.enumerated() {
            let name = "\(source)[\(index)]"
            documents.append(
                try checked(read(element, bytes: bytes, source: name, kind: kind), source: name, kind: kind))
        }
        return documents
    }
}

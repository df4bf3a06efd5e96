import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element: the small, read-only tree Keyward's one guarded XML parser builds, for the
/// Query-protocol responses and for SAML responses alike.
///
/// Names are local names with their namespace URI beside them (AWS responses use one default namespace, so
/// they look up by name alone; SAML asks for the namespace too), attributes are kept (SAML keeps its data in
/// them: `Name`, `NotBefore`) and text is trimmed.
public struct XMLElementTree: Sendable, Equatable {
    /// The element's local name, without prefix (`AssumeRoleResult`, `Attribute`).
    public var name: String
    /// The namespace URI, empty when the element has none.
    public var namespace: String
    /// The attributes by qualified name (`Name`, `NotBefore`, `xsi:type`).
    public var attributes: [String: String]
    /// The element's text content, trimmed, when it has no child elements.
    public var text: String
    /// The child elements in document order.
    public var children: [XMLElementTree]

    /// Creates an element.
    public init(
        name: String, namespace: String = "", attributes: [String: String] = [:], text: String = "",
        children: [XMLElementTree] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The first child with this local name (and namespace, when given).
    public func child(_ name: String, namespace: String? = nil) -> XMLElementTree? {
        children.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// All children with this local name (and namespace, when given).
    public func children(named name: String, namespace: String? = nil) -> [XMLElementTree] {
        children.filter { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// Follows a path of child names, e.g. `["AssumeRoleResult", "Credentials"]`.
    public func descendant(_ path: String...) -> XMLElementTree? {
        var node: XMLElementTree? = self
        for name in path { node = node?.child(name) }
        return node
    }

    /// The text of the child with this name, if present.
    public func string(_ name: String) -> String? {
        child(name)?.text
    }

    /// The `member` entries of a list child, as the Query protocol encodes lists.
    public func members(of name: String) -> [XMLElementTree] {
        child(name)?.children(named: "member") ?? []
    }

    /// Parses an XML document, refusing what neither AWS nor an identity provider ever sends and attackers
    /// love.
    ///
    /// A DOCTYPE or `<!ENTITY` anywhere is refused before the parser sees a byte, so neither external
    /// entities (XXE) nor nested entity expansion ("billion laughs") can start; the parser is also told not to
    /// resolve external entities and aborts on any declaration that slips through.
    /// - Throws: `XMLElementTree.ParseError` with the parser's line and reason (and the markup, when refused).
    public static func parse(_ data: [UInt8]) throws(ParseError) -> XMLElementTree {
        if let reason = nonUTF8Reason(data) { throw ParseError(line: 1, reason: reason) }
        for (marker, what) in [("<!DOCTYPE", "a DOCTYPE"), ("<!ENTITY", "an ENTITY")]
        where contains(data, caseInsensitive: marker) {
            throw ParseError(line: 1, reason: "\(marker.dropFirst(2)) is not accepted", forbiddenMarkup: what)
        }
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(data))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let ok = parser.parse()
        if let forbidden = builder.forbidden {
            throw ParseError(
                line: max(parser.lineNumber, 1), reason: "\(forbidden) is not accepted", forbiddenMarkup: forbidden)
        }
        guard ok, let root = builder.root else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not an XML document"
            throw ParseError(line: max(parser.lineNumber, 1), reason: reason)
        }
        return root
    }

    /// Why a document could not be parsed.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The line the parser stopped at.
        public var line: Int
        /// What was wrong.
        public var reason: String
        /// `a DOCTYPE`, `an ENTITY`, `an external entity` when the document was refused for that markup.
        public var forbiddenMarkup: String?

        /// Creates an error.
        public init(line: Int, reason: String, forbiddenMarkup: String? = nil) {
            self.line = line
            self.reason = reason
            self.forbiddenMarkup = forbiddenMarkup
        }

        public var description: String { "line \(line): \(reason)" }
    }

    /// Whether `bytes` contain `needle` (ASCII), ignoring the case of letters.
    static func contains(_ bytes: [UInt8], caseInsensitive needle: String) -> Bool {
        let pattern = Array(needle.utf8).map { $0 | 0x20 }
        guard bytes.count >= pattern.count else { return false }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] | 0x20 == pattern[0] {
                var offset = 1
                while offset < pattern.count, bytes[index + offset] | 0x20 == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            index += 1
        }
        return false
    }
}

/// Collects SAX events into a tree; confined to one `parse()` call on one thread.
private final class TreeBuilder: NSObject, XMLParserDelegate {
    var stack: [XMLElementTree] = []
    var texts: [String] = []
    var root: XMLElementTree?
    var forbidden: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        stack.append(XMLElementTree(name: elementName, namespace: namespaceURI ?? "", attributes: attributeDict))
        texts.append("")
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard !texts.isEmpty else { return }
        texts[texts.count - 1] += string
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard !texts.isEmpty else { return }
        texts[texts.count - 1] += String(decoding: CDATABlock, as: UTF8.self)
    }

    func parser(
        _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
    ) {
        guard var node = stack.popLast(), let text = texts.popLast() else { return }
        if node.children.isEmpty { node.text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
        if stack.isEmpty {
            root = node
        } else {
            stack[stack.count - 1].children.append(node)
        }
    }

    func parser(_ parser: XMLParser, foundInternalEntityDeclarationWithName name: String, value: String?) {
        refuse("an ENTITY", parser)
    }

    func parser(
        _ parser: XMLParser, foundExternalEntityDeclarationWithName name: String, publicID: String?, systemID: String?
    ) {
        refuse("an ENTITY", parser)
    }

    func parser(
        _ parser: XMLParser, foundUnparsedEntityDeclarationWithName name: String, publicID: String?,
        systemID: String?, notationName: String?
    ) {
        refuse("an ENTITY", parser)
    }

    func parser(_ parser: XMLParser, resolveExternalEntityName name: String, systemID: String?) -> Data? {
        refuse("an external entity", parser)
        return nil
    }

    private func refuse(_ what: String, _ parser: XMLParser) {
        if forbidden == nil { forbidden = what }
        parser.abortParsing()
    }
}

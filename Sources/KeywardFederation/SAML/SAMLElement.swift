import Foundation
import KeywardAWS

#if canImport(FoundationXML)
import FoundationXML
#endif

/// One element of a SAML document: local name, namespace, attributes, children and text.
///
/// `KeywardAWS.XMLElementTree` drops attributes (AWS responses carry none that matter), but a SAML response
/// keeps its data in them (`Name`, `NotBefore`), so SAML gets this small tree of its own, built by the same
/// kind of guarded parser: no DOCTYPE, no entity declarations, no external resources.
public struct SAMLElement: Sendable, Equatable {
    /// The local name, without prefix (`Response`, `Attribute`).
    public var name: String
    /// The namespace URI, empty when the element has none.
    public var namespace: String
    /// The attributes by qualified name (`Name`, `NotBefore`, `xsi:type`).
    public var attributes: [String: String]
    /// The text content, trimmed, when the element has no child elements.
    public var text: String
    /// The child elements in document order.
    public var children: [SAMLElement]

    /// Creates an element.
    public init(
        name: String, namespace: String = "", attributes: [String: String] = [:], text: String = "",
        children: [SAMLElement] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.attributes = attributes
        self.text = text
        self.children = children
    }

    /// The children with this local name (and namespace, when given).
    public func children(named name: String, namespace: String? = nil) -> [SAMLElement] {
        children.filter { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// The first child with this local name (and namespace, when given).
    public func child(_ name: String, namespace: String? = nil) -> SAMLElement? {
        children.first { $0.name == name && (namespace == nil || $0.namespace == namespace) }
    }

    /// Parses an XML document, refusing what a SAML response never needs and attackers love.
    ///
    /// A DOCTYPE or `<!ENTITY` anywhere is refused before the parser sees a byte, so neither external
    /// entities (XXE) nor nested entity expansion ("billion laughs") can start; the parser is also told not to
    /// resolve external entities and aborts on any declaration that slips through.
    /// - Parameter bytes: the document.
    /// - Returns: the root element.
    /// - Throws: `FederationError.samlForbiddenMarkup` or `.samlMalformedXML`.
    public static func parse(_ bytes: [UInt8]) throws(FederationError) -> SAMLElement {
        if let reason = XMLElementTree.nonUTF8Reason(bytes) { throw .samlMalformedXML(line: 1, reason: reason) }
        for (marker, what) in [("<!DOCTYPE", "a DOCTYPE"), ("<!ENTITY", "an ENTITY")]
        where contains(bytes, caseInsensitive: marker) {
            throw .samlForbiddenMarkup(what)
        }
        let builder = SAMLTreeBuilder()
        let parser = XMLParser(data: Data(bytes))
        parser.shouldProcessNamespaces = true
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let ok = parser.parse()
        if let forbidden = builder.forbidden { throw .samlForbiddenMarkup(forbidden) }
        guard ok, let root = builder.root else {
            let reason = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not an XML document"
            throw .samlMalformedXML(line: max(parser.lineNumber, 1), reason: reason)
        }
        return root
    }

    /// Whether `bytes` contain `needle` (ASCII), ignoring the case of letters.
    static func contains(_ bytes: [UInt8], caseInsensitive needle: String) -> Bool {
        let pattern = Array(needle.utf8).map { $0 | 0x20 }
        guard bytes.count >= pattern.count else { return false }
        var index = 0
        let last = bytes.count - pattern.count
        while index <= last {
            if bytes[index] == pattern[0] || bytes[index] | 0x20 == pattern[0] {
                var offset = 1
                while offset < pattern.count, bytes[index + offset] | 0x20 == pattern[offset] { offset += 1 }
                if offset == pattern.count { return true }
            }
            index += 1
        }
        return false
    }
}

/// Collects SAX events into a `SAMLElement` tree; confined to one `parse` call on one thread.
private final class SAMLTreeBuilder: NSObject, XMLParserDelegate {
    var stack: [SAMLElement] = []
    var texts: [String] = []
    var root: SAMLElement?
    var forbidden: String?

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        stack.append(SAMLElement(name: elementName, namespace: namespaceURI ?? "", attributes: attributeDict))
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

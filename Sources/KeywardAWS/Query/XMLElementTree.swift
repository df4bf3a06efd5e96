import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A parsed XML element: the small, read-only tree the Query-protocol responses are decoded from.
///
/// Namespaces are dropped from names (AWS responses use one default namespace) and text is trimmed.
public struct XMLElementTree: Sendable, Equatable {
    /// The element's local name.
    public var name: String
    /// The element's text content, trimmed, when it has no child elements.
    public var text: String
    /// The child elements in document order.
    public var children: [XMLElementTree]

    /// Creates an element.
    public init(name: String, text: String = "", children: [XMLElementTree] = []) {
        self.name = name
        self.text = text
        self.children = children
    }

    /// The first child with this name.
    public func child(_ name: String) -> XMLElementTree? {
        children.first { $0.name == name }
    }

    /// All children with this name.
    public func children(named name: String) -> [XMLElementTree] {
        children.filter { $0.name == name }
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

    /// Parses an XML document. Refuses DTDs and entities: AWS never sends them, and they are the XXE door.
    /// - Throws: `XMLElementTree.ParseError` with the parser's line and reason.
    public static func parse(_ data: [UInt8]) throws(ParseError) -> XMLElementTree {
        if let reason = nonUTF8Reason(data) { throw ParseError(line: 1, reason: reason) }
        if containsDoctype(data) { throw ParseError(line: 1, reason: "DOCTYPE is not accepted") }
        let builder = TreeBuilder()
        let parser = XMLParser(data: Data(data))
        parser.shouldProcessNamespaces = true
        parser.shouldResolveExternalEntities = false
        parser.delegate = builder
        let ok = parser.parse()
        if !ok || builder.root == nil {
            let reason = parser.parserError.map { "\($0.localizedDescription)" } ?? "not an XML document"
            throw ParseError(line: parser.lineNumber, reason: reason)
        }
        guard let root = builder.root else { throw ParseError(line: 1, reason: "no root element") }
        return root
    }

    /// Why a document could not be parsed.
    public struct ParseError: Error, Equatable, Sendable, CustomStringConvertible {
        /// The line the parser stopped at.
        public var line: Int
        /// What was wrong.
        public var reason: String
        public var description: String { "line \(line): \(reason)" }
    }

    private static func containsDoctype(_ data: [UInt8]) -> Bool {
        let needle = Array("<!DOCTYPE".utf8)
        let upper = data.count - needle.count
        guard upper >= 0 else { return false }
        var index = 0
        while index <= upper {
            if data[index] == 0x3C, data[index + 1] == 0x21 {
                var match = true
                for offset in 2..<needle.count where data[index + offset] & 0xDF != needle[offset] & 0xDF {
                    match = false
                    break
                }
                if match { return true }
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

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
        qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
    ) {
        stack.append(XMLElementTree(name: elementName))
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
}

import KeywardAWS

extension XMLElementTree {
    /// Parses a SAML response with the one guarded XML parser (no DOCTYPE, no entity declarations, no
    /// external resources), its errors as the federation module's.
    /// - Parameter bytes: the document.
    /// - Returns: the root element.
    /// - Throws: `FederationError.samlForbiddenMarkup` or `.samlMalformedXML`.
    static func parseSAML(_ bytes: [UInt8]) throws(FederationError) -> XMLElementTree {
        do {
            return try XMLElementTree.parse(bytes)
        } catch {
            if let markup = error.forbiddenMarkup { throw .samlForbiddenMarkup(markup) }
            throw .samlMalformedXML(line: error.line, reason: error.reason)
        }
    }
}

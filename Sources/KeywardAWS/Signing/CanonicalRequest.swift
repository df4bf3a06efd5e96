/// The six parts of a SigV4 canonical request, each already in canonical form.
struct CanonicalRequest: Sendable, Hashable {
    /// The HTTP method, as sent.
    var method: String
    /// The canonical URI (see ``SigV4URI/canonicalPath(_:normalizing:doubleEncoding:)``).
    var uri: String
    /// The canonical query string.
    var query: String
    /// The canonical headers block: `name:value` lines, each ending in a newline.
    var headers: String
    /// The signed header names, `;`-separated.
    var signedHeaders: String
    /// The hex SHA-256 of the payload, or `UNSIGNED-PAYLOAD`.
    var payloadHash: String

    /// The canonical request text: the parts one a line, the headers block followed by an empty line.
    var text: String {
        "\(method)\n\(uri)\n\(query)\n\(headers)\n\(signedHeaders)\n\(payloadHash)"
    }
}

import Foundation
import KeywardAWS

/// What Keyward reads from an IdP's SAML response before calling `AssumeRoleWithSAML`.
///
/// ```swift
/// let assertion = try SAMLAssertion(input: Array(stdin))   // base64 as IdP helpers print it, or raw XML
/// let role = try assertion.role(matching: "arn:aws:iam::123456789012:role/dev")
/// switch assertion.validity(at: Date()) { case .valid: break; default: warn() }
/// ```
///
/// Only the parts AWS reads are interpreted (the Role, RoleSessionName and SessionDuration attributes and
/// the Conditions); the signature is STS's to check.
public struct SAMLAssertion: Sendable, Equatable {
    /// The SAML 2.0 protocol namespace (`samlp:`).
    public static let protocolNamespace = "urn:oasis:names:tc:SAML:2.0:protocol"
    /// The SAML 2.0 assertion namespace (`saml:`).
    public static let assertionNamespace = "urn:oasis:names:tc:SAML:2.0:assertion"
    /// The attribute that lists the roles.
    public static let roleAttribute = "https://aws.amazon.com/SAML/Attributes/Role"
    /// The attribute that names the session.
    public static let sessionNameAttribute = "https://aws.amazon.com/SAML/Attributes/RoleSessionName"
    /// The attribute that sets the session length.
    public static let sessionDurationAttribute = "https://aws.amazon.com/SAML/Attributes/SessionDuration"
    /// The largest input accepted: 1 MiB. Real responses are a few kilobytes; anything near this is not one.
    public static let defaultInputLimit = 1 << 20

    /// The roles offered, in document order, each once.
    public var roles: [SAMLRole]
    /// `RoleSessionName`, when present.
    public var roleSessionName: String?
    /// `SessionDuration` in seconds, when present.
    public var sessionDuration: Int?
    /// `Conditions/@NotBefore`, when present.
    public var notBefore: Date?
    /// `Conditions/@NotOnOrAfter`, when present.
    public var notOnOrAfter: Date?
    /// The response, base64-encoded, as `AssumeRoleWithSAML` wants it.
    public var encodedResponse: String

    /// Whether the assertion's Conditions hold at a moment.
    public enum Validity: Sendable, Equatable {
        /// Within `NotBefore..<NotOnOrAfter` (or no Conditions).
        case valid
        /// Before `NotBefore`.
        case notYetValid(notBefore: Date)
        /// At or after `NotOnOrAfter`.
        case expired(notOnOrAfter: Date)
    }

    /// Reads a SAML response as an IdP helper prints it: base64 (line breaks allowed), or raw XML.
    /// - Parameters:
    ///   - input: the bytes read from standard input; surrounding whitespace is ignored.
    ///   - limit: the largest input accepted, in bytes.
    /// - Throws: `FederationError` naming what was wrong: too large, empty, not base64, forbidden markup,
    ///   malformed XML, not a Response, no roles, a malformed role or duration.
    public init(input: [UInt8], limit: Int = defaultInputLimit) throws(FederationError) {
        guard input.count <= limit else { throw .samlTooLarge(limit: limit) }
        let trimmed = Self.trimmed(input)
        guard !trimmed.isEmpty else { throw .samlEmpty }
        let xml: [UInt8]
        let encoded: String
        if trimmed.first == UInt8(ascii: "<") {
            xml = trimmed
            encoded = Data(trimmed).base64EncodedString()
        } else {
            (xml, encoded) = try Self.decodeBase64(trimmed)
        }
        try self.init(document: XMLElementTree.parseSAML(xml), encodedResponse: encoded)
    }

    /// Reads the AWS attributes and Conditions of a parsed response.
    /// - Parameters:
    ///   - root: the parsed document.
    ///   - encodedResponse: the response in base64, passed on to STS.
    /// - Throws: `FederationError` when it is not a Response with at least one well-formed role.
    public init(document root: XMLElementTree, encodedResponse: String) throws(FederationError) {
        guard root.name == "Response", root.namespace == Self.protocolNamespace else {
            throw .samlNotAResponse(root: root.namespace.isEmpty ? root.name : "{\(root.namespace)}\(root.name)")
        }
        guard let assertion = root.child("Assertion", namespace: Self.assertionNamespace) else {
            if root.child("EncryptedAssertion", namespace: Self.assertionNamespace) != nil {
                throw .samlEncryptedAssertion
            }
            throw .samlNoAssertion
        }
        var roles: [SAMLRole] = []
        var sessionName: String?
        var duration: Int?
        let attributes = assertion.children(named: "AttributeStatement", namespace: Self.assertionNamespace)
            .flatMap { $0.children(named: "Attribute", namespace: Self.assertionNamespace) }
        for attribute in attributes {
            let values = attribute.children(named: "AttributeValue", namespace: Self.assertionNamespace).map(\.text)
            switch attribute.attributes["Name"] {
            case Self.roleAttribute:
                for value in values where !value.isEmpty {
                    let role = try SAMLRole(attributeValue: value)
                    if !roles.contains(role) { roles.append(role) }
                }
            case Self.sessionNameAttribute:
                sessionName = values.first { !$0.isEmpty }
            case Self.sessionDurationAttribute:
                guard let text = values.first else { break }
                guard let seconds = Int(text), (900...43_200).contains(seconds) else {
                    throw .samlInvalidSessionDuration(value: text)
                }
                duration = seconds
            default:
                break
            }
        }
        guard !roles.isEmpty else { throw .samlNoRoles }
        let conditions = assertion.child("Conditions", namespace: Self.assertionNamespace)
        self.roles = roles
        self.roleSessionName = sessionName
        self.sessionDuration = duration
        self.notBefore = conditions?.attributes["NotBefore"].flatMap(ISO8601Timestamp.parse)
        self.notOnOrAfter = conditions?.attributes["NotOnOrAfter"].flatMap(ISO8601Timestamp.parse)
        self.encodedResponse = encodedResponse
    }

    /// Whether the Conditions hold at `now` (SAML core §2.5.1.2: valid from `NotBefore`, until before
    /// `NotOnOrAfter`).
    public func validity(at now: Date) -> Validity {
        if let notBefore, now < notBefore { return .notYetValid(notBefore: notBefore) }
        if let notOnOrAfter, now >= notOnOrAfter { return .expired(notOnOrAfter: notOnOrAfter) }
        return .valid
    }

    /// The role to assume: the one named, or the only one offered.
    /// - Parameter roleARN: the role asked for, or `nil`.
    /// - Returns: the role, or `nil` when several are offered and none was named.
    /// - Throws: `FederationError.samlRoleNotOffered` when the named role is not offered.
    public func role(matching roleARN: String?) throws(FederationError) -> SAMLRole? {
        if let roleARN {
            guard let role = roles.first(where: { $0.roleARN == roleARN }) else {
                throw .samlRoleNotOffered(role: roleARN, offered: roles.map(\.roleARN))
            }
            return role
        }
        return roles.count == 1 ? roles[0] : nil
    }

    private static func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        let isSpace: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }
        guard let start = bytes.firstIndex(where: { !isSpace($0) }),
            let end = bytes.lastIndex(where: { !isSpace($0) })
        else { return [] }
        return Array(bytes[start...end])
    }

    /// Strict base64 (standard alphabet, padding, line breaks allowed), naming the first offending byte.
    private static func decodeBase64(_ bytes: [UInt8]) throws(FederationError) -> ([UInt8], String) {
        var compact: [UInt8] = []
        compact.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"), UInt8(ascii: "="):
                compact.append(byte)
            case 0x0A, 0x0D, 0x20, 0x09:
                continue
            default:
                let shown =
                    (0x21...0x7E).contains(byte)
                    ? "\"\(Character(Unicode.Scalar(byte)))\"" : "0x\(String(byte, radix: 16))"
                throw .samlNotBase64(reason: "byte \(offset + 1) is \(shown)")
            }
        }
        let text = String(decoding: compact, as: UTF8.self)
        guard compact.count % 4 == 0, let data = Data(base64Encoded: text) else {
            throw .samlNotBase64(reason: "length or padding is wrong")
        }
        let xml = trimmed(Array(data))
        if let reason = XMLElementTree.nonUTF8Reason(xml) { throw .samlMalformedXML(line: 1, reason: reason) }
        guard xml.first == UInt8(ascii: "<") else {
            throw .samlNotBase64(reason: "the decoded bytes are not XML")
        }
        return (xml, text)
    }
}

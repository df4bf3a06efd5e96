/// One call of an AWS Query-protocol API (STS, IAM): an action, the API version and its parameters.
///
/// Parameters keep their order; list and structure members use the protocol's flattened names
/// (`PolicyArns.member.1.arn`, `Tags.member.2.Key`).
public struct QueryRequest: Sendable, Equatable {
    /// The API action, e.g. `AssumeRole`.
    public var action: String
    /// The API version, e.g. `2011-06-15` for STS.
    public var version: String
    /// The action's parameters in the protocol's flattened form.
    public var parameters: [(String, String)]

    /// Creates a request.
    public init(action: String, version: String, parameters: [(String, String)] = []) {
        self.action = action
        self.version = version
        self.parameters = parameters
    }

    /// Adds a parameter when the value is present.
    public mutating func add(_ name: String, _ value: String?) {
        if let value { parameters.append((name, value)) }
    }

    /// Adds a list of values as `Name.member.N`.
    public mutating func addList(_ name: String, _ values: [String]) {
        for (index, value) in values.enumerated() {
            parameters.append(("\(name).member.\(index + 1)", value))
        }
    }

    /// The `application/x-www-form-urlencoded` body, percent-encoded as SigV4 expects (RFC 3986 unreserved
    /// characters stay, everything else is `%XX`).
    public var formBody: [UInt8] {
        var pairs = [("Action", action), ("Version", version)]
        pairs.append(contentsOf: parameters)
        var body: [UInt8] = []
        for (index, pair) in pairs.enumerated() {
            if index > 0 { body.append(UInt8(ascii: "&")) }
            QueryRequest.percentEncode(pair.0, into: &body)
            body.append(UInt8(ascii: "="))
            QueryRequest.percentEncode(pair.1, into: &body)
        }
        return body
    }

    public static func == (lhs: QueryRequest, rhs: QueryRequest) -> Bool {
        lhs.action == rhs.action && lhs.version == rhs.version
            && lhs.parameters.elementsEqual(rhs.parameters) { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    static func percentEncode(_ string: String, into bytes: inout [UInt8]) {
        let hex = Array("0123456789ABCDEF".utf8)
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                UInt8(ascii: "~"):
                bytes.append(byte)
            default:
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hex[Int(byte >> 4)])
                bytes.append(hex[Int(byte & 0x0F)])
            }
        }
    }
}

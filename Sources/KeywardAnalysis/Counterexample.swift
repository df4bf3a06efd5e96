import Foundation
import KeywardPolicy

/// A request that proves a `FAIL`: one line of `keyward policy simulate --requests` input.
///
/// ```swift
/// if let example = result.counterexample {
///     print(example.requestLine)   // {"action":"s3:GetObject","resource":"arn:aws:s3:::b/x",...}
/// }
/// ```
public struct Counterexample: Sendable, Equatable, Codable {
    /// The action.
    public var action: String
    /// The resource.
    public var resource: String
    /// The caller, or `nil` for an unnamed caller (identity policies).
    public var principal: String?
    /// The resource's account, when the question placed the resource in one.
    public var resourceAccount: String?
    /// Condition keys and their values; one value is written as a string, several as an array.
    public var context: [String: [String]]

    /// Creates a counterexample.
    public init(
        action: String, resource: String, principal: String?, resourceAccount: String?, context: [String: [String]]
    ) {
        self.action = action
        self.resource = resource
        self.principal = principal
        self.resourceAccount = resourceAccount
        self.context = context
    }

    enum CodingKeys: String, CodingKey {
        case action, resource, principal, resourceAccount, context
    }

    /// A JSON value that is a string for one value and an array for several.
    private struct Values: Codable {
        var values: [String]

        init(_ values: [String]) { self.values = values }

        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let single = try? container.decode(String.self) {
                values = [single]
            } else {
                values = try container.decode([String].self)
            }
        }

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            if values.count == 1 { try container.encode(values[0]) } else { try container.encode(values) }
        }
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        action = try container.decode(String.self, forKey: .action)
        resource = try container.decode(String.self, forKey: .resource)
        principal = try container.decodeIfPresent(String.self, forKey: .principal)
        resourceAccount = try container.decodeIfPresent(String.self, forKey: .resourceAccount)
        context = try container.decodeIfPresent([String: Values].self, forKey: .context)?.mapValues(\.values) ?? [:]
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(action, forKey: .action)
        try container.encode(resource, forKey: .resource)
        try container.encodeIfPresent(principal, forKey: .principal)
        try container.encodeIfPresent(resourceAccount, forKey: .resourceAccount)
        try container.encode(context.mapValues(Values.init), forKey: .context)
    }

    /// The request line (one line of JSON, keys sorted).
    public var requestLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The request as the evaluator takes it.
    public var request: EvaluationRequest {
        EvaluationRequest(
            action: action, resource: resource, principal: principal, resourceAccount: resourceAccount,
            context: context)
    }
}

/// One statement of an analysed policy, named as findings and explanations name it.
public struct StatementDescription: Sendable, Equatable, Codable {
    /// The policy's name (its file).
    public var policy: String
    /// `Statement[2]`.
    public var statement: String
    /// The statement's `Sid`.
    public var sid: String?
    /// `Allow` or `Deny`.
    public var effect: String

    /// Creates a description.
    public init(policy: String, statement: String, sid: String?, effect: String) {
        self.policy = policy
        self.statement = statement
        self.sid = sid
        self.effect = effect
    }
}

import KeywardCatalog

/// The resource a resource-based policy is attached to, as Access Analyzer's `ValidatePolicy` names it in
/// `validatePolicyResourceType` (Access Analyzer API Reference, "ValidatePolicy"): it decides which actions
/// and resource ARNs the policy may name.
public enum ResourcePolicyType: String, Sendable, CaseIterable {
    /// A bucket policy.
    case s3Bucket = "AWS::S3::Bucket"
    /// An access point policy.
    case s3AccessPoint = "AWS::S3::AccessPoint"
    /// A Multi-Region Access Point policy.
    case s3MultiRegionAccessPoint = "AWS::S3::MultiRegionAccessPoint"
    /// An Object Lambda access point policy.
    case s3ObjectLambdaAccessPoint = "AWS::S3ObjectLambda::AccessPoint"
    /// A role trust policy.
    case roleTrustPolicy = "AWS::IAM::AssumeRolePolicyDocument"
    /// A DynamoDB table's resource policy.
    case dynamoDBTable = "AWS::DynamoDB::Table"

    /// The service whose actions the policy may grant.
    var servicePrefix: String {
        switch self {
        case .s3Bucket, .s3AccessPoint, .s3MultiRegionAccessPoint: return "s3"
        case .s3ObjectLambdaAccessPoint: return "s3-object-lambda"
        case .roleTrustPolicy: return "sts"
        case .dynamoDBTable: return "dynamodb"
        }
    }

    /// The catalogue's resource types the policy's `Resource` may name.
    var resourceTypeNames: Set<String> {
        switch self {
        case .s3Bucket: return ["bucket", "object"]
        case .s3AccessPoint: return ["accesspoint", "accesspointobject"]
        case .s3MultiRegionAccessPoint: return ["multiregionaccesspoint", "multiregionaccesspointrequestarn"]
        case .s3ObjectLambdaAccessPoint: return ["objectlambdaaccesspoint"]
        case .roleTrustPolicy: return []
        case .dynamoDBTable: return ["table", "index", "stream"]
        }
    }

    /// Whether an `Action` pattern (service part without wildcards) belongs to the policy's service.
    func allows(action pattern: String) -> Bool {
        CatalogChecks.servicePart(pattern).lowercased() == servicePrefix
    }

    /// Whether a `Resource` ARN can name one of the policy's resource types.
    func allows(resource: String, catalog: ServiceCatalog) -> Bool {
        guard let service = catalog.service(servicePrefix) else { return true }
        return service.resourceTypes.contains { resourceTypeNames.contains($0.name) && $0.canMatch(resource) }
    }
}

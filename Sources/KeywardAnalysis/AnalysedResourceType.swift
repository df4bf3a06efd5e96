import KeywardPolicy

/// The resource a resource-based policy is attached to, spelled as Access Analyzer spells it
/// (`AWS::S3::Bucket`; the types of `policy validate --resource-type` and the other types external-access
/// findings cover). It decides how the policy is read: a role trust policy and a KMS key policy must allow
/// explicitly.
public enum AnalysedResourceType: String, Sendable, CaseIterable {
    case s3Bucket = "AWS::S3::Bucket"
    case s3AccessPoint = "AWS::S3::AccessPoint"
    case s3MultiRegionAccessPoint = "AWS::S3::MultiRegionAccessPoint"
    case s3ObjectLambdaAccessPoint = "AWS::S3ObjectLambda::AccessPoint"
    case s3ExpressDirectoryBucket = "AWS::S3Express::DirectoryBucket"
    case roleTrustPolicy = "AWS::IAM::AssumeRolePolicyDocument"
    case dynamoDBTable = "AWS::DynamoDB::Table"
    case dynamoDBStream = "AWS::DynamoDB::Stream"
    case kmsKey = "AWS::KMS::Key"
    case sqsQueue = "AWS::SQS::Queue"
    case snsTopic = "AWS::SNS::Topic"
    case lambdaFunction = "AWS::Lambda::Function"
    case lambdaLayerVersion = "AWS::Lambda::LayerVersion"
    case secretsManagerSecret = "AWS::SecretsManager::Secret"
    case ecrRepository = "AWS::ECR::Repository"
    case efsFileSystem = "AWS::EFS::FileSystem"
    case apiGatewayRestApi = "AWS::ApiGateway::RestApi"
    case glacierVault = "AWS::Glacier::Vault"

    /// How a policy of this resource is evaluated.
    public var policyKind: PolicyKind {
        switch self {
        case .roleTrustPolicy: return .trust
        case .kmsKey: return .keyPolicy
        default: return .resource
        }
    }
}

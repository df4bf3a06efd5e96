/// The action sets behind Keyward's own security checks. Facts from public research, checked against the
/// catalogue at run time (an action the catalogue lacks is skipped, never guessed):
/// - privilege escalation: Rhino Security Labs, "AWS IAM Privilege Escalation – Methods and Mitigation"
///   (the 21 methods parliament's and cloudsplaining's checks also cite);
/// - credentials exposure: actions whose responses carry credentials, keys, passwords or tokens;
/// - data exfiltration: reads of secrets and object data that, granted on `*`, reach every resource.
enum RiskActions {
    /// One escalation method: the actions that together let a principal grant itself more.
    struct EscalationPath: Sendable {
        let name: String
        let actions: [String]
    }

    static let escalationPaths: [EscalationPath] = [
        EscalationPath(name: "CreateNewPolicyVersion", actions: ["iam:CreatePolicyVersion"]),
        EscalationPath(name: "SetExistingDefaultPolicyVersion", actions: ["iam:SetDefaultPolicyVersion"]),
        EscalationPath(name: "CreateAccessKey", actions: ["iam:CreateAccessKey"]),
        EscalationPath(name: "CreateLoginProfile", actions: ["iam:CreateLoginProfile"]),
        EscalationPath(name: "UpdateLoginProfile", actions: ["iam:UpdateLoginProfile"]),
        EscalationPath(name: "AttachUserPolicy", actions: ["iam:AttachUserPolicy"]),
        EscalationPath(name: "AttachGroupPolicy", actions: ["iam:AttachGroupPolicy"]),
        EscalationPath(name: "AttachRolePolicy", actions: ["iam:AttachRolePolicy", "sts:AssumeRole"]),
        EscalationPath(name: "PutUserPolicy", actions: ["iam:PutUserPolicy"]),
        EscalationPath(name: "PutGroupPolicy", actions: ["iam:PutGroupPolicy"]),
        EscalationPath(name: "PutRolePolicy", actions: ["iam:PutRolePolicy", "sts:AssumeRole"]),
        EscalationPath(name: "AddUserToGroup", actions: ["iam:AddUserToGroup"]),
        EscalationPath(name: "UpdateRolePolicyToAssumeIt", actions: ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"]),
        EscalationPath(name: "PassExistingRoleToNewEC2Instance", actions: ["iam:PassRole", "ec2:RunInstances"]),
        EscalationPath(
            name: "PassExistingRoleToNewLambdaThenInvoke",
            actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"]),
        EscalationPath(
            name: "PassExistingRoleToNewLambdaThenTriggerWithDynamoDB",
            actions: ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"]),
        EscalationPath(name: "EditExistingLambdaFunctionWithRole", actions: ["lambda:UpdateFunctionCode"]),
        EscalationPath(
            name: "PassExistingRoleToNewGlueDevEndpoint", actions: ["iam:PassRole", "glue:CreateDevEndpoint"]),
        EscalationPath(name: "UpdateExistingGlueDevEndpoint", actions: ["glue:UpdateDevEndpoint"]),
        EscalationPath(
            name: "PassExistingRoleToCloudFormation", actions: ["iam:PassRole", "cloudformation:CreateStack"]),
        EscalationPath(
            name: "PassExistingRoleToNewDataPipeline",
            actions: ["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"]),
        // Later methods, as cloudsplaining's list has them (found by scripts/bench-policy-lint).
        EscalationPath(
            name: "ModifyEC2InstanceUserDataThenRestart",
            actions: ["ec2:ModifyInstanceAttribute", "ec2:StopInstances", "ec2:StartInstances"]),
        EscalationPath(
            name: "ModifyExistingEC2LaunchTemplate",
            actions: ["ec2:CreateLaunchTemplateVersion", "ec2:ModifyLaunchTemplate"]),
        EscalationPath(
            name: "ExecuteCloudFormationChangeSet",
            actions: ["cloudformation:CreateChangeSet", "cloudformation:ExecuteChangeSet"]),
    ]

    static let credentialsExposure: [String] = [
        "chime:CreateApiKey", "cloud9:CreateEnvironmentToken", "codeartifact:GetAuthorizationToken",
        "codepipeline:PollForJobs", "cognito-identity:GetOpenIdToken",
        "cognito-identity:GetOpenIdTokenForDeveloperIdentity", "cognito-identity:GetCredentialsForIdentity",
        "connect:GetFederationToken", "connect:GetFederationTokens", "ec2:GetPasswordData",
        "ecr:GetAuthorizationToken", "gamelift:RequestUploadCredentials", "iam:CreateAccessKey",
        "iam:CreateLoginProfile", "iam:CreateServiceSpecificCredential", "iam:ResetServiceSpecificCredential",
        "iam:UpdateAccessKey", "lightsail:GetInstanceAccessDetails",
        "lightsail:GetRelationalDatabaseMasterUserPassword",
        "rds-db:Connect", "redshift:GetClusterCredentials", "sso:GetRoleCredentials",
        "mediapackage:RotateChannelCredentials", "mediapackage:RotateIngestEndpointCredentials",
        "sts:GetFederationToken", "sts:GetSessionToken",
    ]
    // sts:AssumeRole* are left out: they return credentials by design, and the role's trust policy is where
    // that access is decided (checked as TRUST_ACCOUNT_WITHOUT_MFA_OR_EXTERNAL_ID).

    static let dataExfiltration: [String] = [
        "s3:GetObject", "ssm:GetParameter", "ssm:GetParameters", "ssm:GetParametersByPath",
        "secretsmanager:GetSecretValue",
    ]
}

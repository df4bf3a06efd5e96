/// The checks Keyward runs. Raw values are Access Analyzer's issue codes unless noted.
public enum IssueCode: String, Sendable, Equatable, CaseIterable {
    // Errors.
    case jsonSyntaxError = "JSON_SYNTAX_ERROR"
    case dataTypeMismatch = "DATA_TYPE_MISMATCH"
    case duplicateKeys = "DUPLICATE_KEYS"  // Keyward: the same key twice in one object.
    case duplicateKeysWithDifferentCase = "DUPLICATE_KEYS_WITH_DIFFERENT_CASE"
    case invalidAction = "INVALID_ACTION"
    case invalidARNAccount = "INVALID_ARN_ACCOUNT"
    case invalidARNPrefix = "INVALID_ARN_PREFIX"
    case invalidARNRegion = "INVALID_ARN_REGION"
    case invalidARNResource = "INVALID_ARN_RESOURCE"
    case invalidARNServiceCase = "INVALID_ARN_SERVICE_CASE"
    case invalidConditionDataType = "INVALID_CONDITION_DATA_TYPE"
    case invalidConditionKeyFormat = "INVALID_CONDITION_KEY_FORMAT"
    case invalidConditionMultipleBoolean = "INVALID_CONDITION_MULTIPLE_BOOLEAN"
    case invalidConditionOperator = "INVALID_CONDITION_OPERATOR"
    case invalidEffect = "INVALID_EFFECT"
    case invalidGlobalConditionKey = "INVALID_GLOBAL_CONDITION_KEY"
    case invalidPartition = "INVALID_PARTITION"
    case invalidPolicyElement = "INVALID_POLICY_ELEMENT"
    case invalidPrincipalFormat = "INVALID_PRINCIPAL_FORMAT"
    case invalidPrincipalKey = "INVALID_PRINCIPAL_KEY"
    case invalidVariableForOperator = "INVALID_VARIABLE_FOR_OPERATOR"
    case invalidVersion = "INVALID_VERSION"
    case missingAction = "MISSING_ACTION"
    case missingARNField = "MISSING_ARN_FIELD"
    case missingEffect = "MISSING_EFFECT"
    case missingPrincipal = "MISSING_PRINCIPAL"
    case missingResource = "MISSING_RESOURCE"
    case missingStatement = "MISSING_STATEMENT"
    case nullWithIfExists = "NULL_WITH_IF_EXISTS"
    case scpSyntaxErrorActionWildcard = "SCP_SYNTAX_ERROR_ACTION_WILDCARD"
    case scpSyntaxErrorPrincipal = "SCP_SYNTAX_ERROR_PRINCIPAL"
    case uniqueSidsRequired = "UNIQUE_SIDS_REQUIRED"
    case unsupportedElementCombination = "UNSUPPORTED_ELEMENT_COMBINATION"
    case unsupportedPrincipal = "UNSUPPORTED_PRINCIPAL"
    case unsupportedSid = "UNSUPPORTED_SID"
    case unsupportedWildcardInPrincipal = "UNSUPPORTED_WILDCARD_IN_PRINCIPAL"
    // Errors decided with the service catalogue.
    case invalidServiceInAction = "INVALID_SERVICE_IN_ACTION"
    case invalidService = "INVALID_SERVICE"
    case invalidServiceConditionKey = "INVALID_SERVICE_CONDITION_KEY"
    case arnAccountNotAllowed = "ARN_ACCOUNT_NOT_ALLOWED"
    case arnRegionNotAllowed = "ARN_REGION_NOT_ALLOWED"
    case missingARNAccount = "MISSING_ARN_ACCOUNT"
    case missingARNRegion = "MISSING_ARN_REGION"
    case unsupportedActionInPolicy = "UNSUPPORTED_ACTION_IN_POLICY"
    case unsupportedResourceARNInPolicy = "UNSUPPORTED_RESOURCE_ARN_IN_POLICY"
    // Errors decided from the document (ReferenceChecks).
    case missingBraceInVariable = "MISSING_BRACE_IN_VARIABLE"
    case missingQuoteInVariable = "MISSING_QUOTE_IN_VARIABLE"
    case unsupportedSpaceInVariable = "UNSUPPORTED_SPACE_IN_VARIABLE"
    case emptyVariable = "EMPTY_VARIABLE"
    case variableUnsupportedInElement = "VARIABLE_UNSUPPORTED_IN_ELEMENT"
    case variableUnsupportedInVersion = "VARIABLE_UNSUPPORTED_IN_VERSION"
    case privateIPAddress = "PRIVATE_IP_ADDRESS"
    case privateNotIPAddress = "PRIVATE_NOT_IP_ADDRESS"
    case policySizeExceedsSCPQuota = "POLICY_SIZE_EXCEEDS_SCP_QUOTA"
    case missingTagKeyInCondition = "MISSING_TAG_KEY_IN_CONDITION"
    case invalidVPCFormat = "INVALID_VPC_FORMAT"
    case invalidVPCEFormat = "INVALID_VPCE_FORMAT"
    case federatedPrincipalNotSupported = "FEDERATED_PRINCIPAL_NOT_SUPPORTED"
    case unsupportedGlobalConditionKey = "UNSUPPORTED_GLOBAL_CONDITION_KEY"
    case roleTrustPolicySyntaxErrorNotPrincipal = "ROLE_TRUST_POLICY_SYNTAX_ERROR_NOTPRINCIPAL"
    case roleTrustPolicyUnsupportedWildcardInPrincipal = "ROLE_TRUST_POLICY_UNSUPPORTED_WILDCARD_IN_PRINCIPAL"
    case roleTrustPolicySyntaxErrorResource = "ROLE_TRUST_POLICY_SYNTAX_ERROR_RESOURCE"
    case invalidFederatedPrincipalSyntaxInRoleTrustPolicy = "INVALID_FEDERATED_PRINCIPAL_SYNTAX_IN_ROLE_TRUST_POLICY"
    case mismatchedActionForPrincipal = "MISMATCHED_ACTION_FOR_PRINCIPAL"
    case missingActionForRolesAnywhereTrustPolicy = "MISSING_ACTION_FOR_ROLES_ANYWHERE_TRUST_POLICY"
    case rcpSyntaxErrorNotAction = "RCP_SYNTAX_ERROR_NOTACTION"
    // Security warnings.
    case allowWithNotPrincipal = "ALLOW_WITH_NOT_PRINCIPAL"
    case forAllValuesWithSingleValuedKey = "FORALLVALUES_WITH_SINGLE_VALUED_KEY"
    case passRoleWithStarInResource = "PASS_ROLE_WITH_STAR_IN_RESOURCE"
    case passRoleWithNotResource = "PASS_ROLE_WITH_NOT_RESOURCE"
    case passRoleWithStarInActionAndResource = "PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE"
    case passRoleWithStarInActionAndNotResource = "PASS_ROLE_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE"
    case passRoleWithStarInResourceAndNotAction = "PASS_ROLE_WITH_STAR_IN_RESOURCE_AND_NOT_ACTION"
    case passRoleWithNotActionAndNotResource = "PASS_ROLE_WITH_NOT_ACTION_AND_NOT_RESOURCE"
    // Keyward's security checks (parliament's and cloudsplaining's, decided with the catalogue).
    case privilegeEscalation = "PRIVILEGE_ESCALATION"  // Keyward.
    case credentialsExposure = "CREDENTIALS_EXPOSURE"  // Keyward.
    case dataExfiltration = "DATA_EXFILTRATION"  // Keyward.
    case allowWithNotAction = "ALLOW_WITH_NOT_ACTION"  // Keyward.
    case allowWithNotResource = "ALLOW_WITH_NOT_RESOURCE"  // Keyward.
    case trustWithoutMFAOrExternalID = "TRUST_ACCOUNT_WITHOUT_MFA_OR_EXTERNAL_ID"  // Keyward.
    case missingPairedConditionKeys = "MISSING_PAIRED_CONDITION_KEYS"
    case denyWithUnsupportedTagConditionKeyForService = "DENY_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"
    case denyNotActionWithUnsupportedTagConditionKeyForService =
        "DENY_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"
    case restrictAccessToServicePrincipal = "RESTRICT_ACCESS_TO_SERVICE_PRINCIPAL"
    case missingConditionKeyForOIDCPrincipal = "MISSING_CONDITION_KEY_FOR_OIDC_PRINCIPAL"
    case missingGithubRepoConditionKey = "MISSING_GITHUB_REPO_CONDITION_KEY"
    // General warnings.
    case missingVersion = "MISSING_VERSION"
    case createSLRWithStarInResource = "CREATE_SLR_WITH_STAR_IN_RESOURCE"
    case createSLRWithNotResource = "CREATE_SLR_WITH_NOT_RESOURCE"
    case createSLRWithStarInActionAndResource = "CREATE_SLR_WITH_STAR_IN_ACTION_AND_RESOURCE"
    case createSLRWithStarInActionAndNotResource = "CREATE_SLR_WITH_STAR_IN_ACTION_AND_NOT_RESOURCE"
    case createSLRWithStarResourceAndNotAction = "CREATE_SLR_WITH_STAR_RESOURCE_AND_NOT_ACTION"
    case createSLRWithNotActionAndNotResource = "CREATE_SLR_WITH_NOT_ACTION_AND_NOT_RESOURCE"
    case redundantAction = "REDUNDANT_ACTION"
    case redundantResource = "REDUNDANT_RESOURCE"
    // The reference's "Missing qualifier" (an error): the Swift name is older than the code.
    case singleValuedOperatorOnMultivaluedKey = "MISSING_QUALIFIER"
    case mfaBoolWithoutIfExists = "MFA_BOOL_WITHOUT_IF_EXISTS"  // Keyward: the seeds' MFA trap.
    case unresolvableVariable = "UNRESOLVABLE_VARIABLE"  // Keyward: `${` without a closing `}`.
    case resourceMismatch = "RESOURCE_MISMATCH"  // Keyward: an action and a resource that never meet.
    case conditionKeyNotSupportedByActions = "CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS"  // Keyward.
    // The reference's "Type mismatch": an operator of another type than the key's.
    case conditionOperatorTypeMismatch = "TYPE_MISMATCH"
    case typeMismatchBoolean = "TYPE_MISMATCH_BOOLEAN"
    case typeMismatchDate = "TYPE_MISMATCH_DATE"
    case typeMismatchIPRange = "TYPE_MISMATCH_IP_RANGE"
    case typeMismatchNumber = "TYPE_MISMATCH_NUMBER"
    case typeMismatchString = "TYPE_MISMATCH_STRING"
    case invalidDateValue = "INVALID_DATE_VALUE"
    case uniqueSidsRecommended = "UNIQUE_SIDS_RECOMMENDED"
    case wildcardWithoutLikeOperator = "WILDCARD_WITHOUT_LIKE_OPERATOR"
    case policySizeExceedsIdentityPolicyQuota = "POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA"
    case policySizeExceedsResourcePolicyQuota = "POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA"
    case policySizeExceedsRoleTrustPolicyQuota = "POLICY_SIZE_EXCEEDS_ROLE_TRUST_POLICY_QUOTA"
    case specificGithubRepoAndBranchRecommended = "SPECIFIC_GITHUB_REPO_AND_BRANCH_RECOMMENDED"
    // Suggestions.
    case emptyArrayAction = "EMPTY_ARRAY_ACTION"
    case emptyArrayCondition = "EMPTY_ARRAY_CONDITION"
    case emptyArrayPrincipal = "EMPTY_ARRAY_PRINCIPAL"
    case emptyArrayResource = "EMPTY_ARRAY_RESOURCE"
    case emptyObjectCondition = "EMPTY_OBJECT_CONDITION"
    case emptyObjectPrincipal = "EMPTY_OBJECT_PRINCIPAL"
    case emptySidValue = "EMPTY_SID_VALUE"
    case wildcardInServiceName = "WILDCARD_IN_SERVICE_NAME"
    case emptyArrayConditionForAllValues = "EMPTY_ARRAY_CONDITION_FORALLVALUES"
    case emptyArrayConditionForAnyValue = "EMPTY_ARRAY_CONDITION_FORANYVALUE"
    case emptyArrayConditionIfExists = "EMPTY_ARRAY_CONDITION_IFEXISTS"
    case improveIPRange = "IMPROVE_IP_RANGE"
    case nullWithQualifier = "NULL_WITH_QUALIFIER"
    case privateIPAddressSubset = "PRIVATE_IP_ADDRESS_SUBSET"
    case privateNotIPAddressSubset = "PRIVATE_NOT_IP_ADDRESS_SUBSET"
    case redundantConditionValueNum = "REDUNDANT_CONDITION_VALUE_NUM"
    case redundantStatement = "REDUNDANT_STATEMENT"
    case allowWithUnsupportedTagConditionKeyForService = "ALLOW_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"
    case allowNotActionWithUnsupportedTagConditionKeyForService =
        "ALLOW_NOTACTION_WITH_UNSUPPORTED_TAG_CONDITION_KEY_FOR_SERVICE"
    case redundantPrincipalInRoleTrustPolicy = "REDUNDANT_PRINCIPAL_IN_ROLE_TRUST_POLICY"

    /// The severity Access Analyzer gives this check (its "finding type" in the reference); Keyward's own
    /// checks take the type of the reference's nearest entry.
    public var severity: ValidationFinding.Severity {
        switch self {
        case .allowWithNotPrincipal, .forAllValuesWithSingleValuedKey, .passRoleWithStarInResource,
            .passRoleWithNotResource, .passRoleWithStarInActionAndResource, .passRoleWithStarInActionAndNotResource,
            .passRoleWithStarInResourceAndNotAction, .passRoleWithNotActionAndNotResource, .privilegeEscalation,
            .credentialsExposure, .dataExfiltration,
            .allowWithNotAction, .allowWithNotResource, .trustWithoutMFAOrExternalID, .missingPairedConditionKeys,
            .denyWithUnsupportedTagConditionKeyForService, .denyNotActionWithUnsupportedTagConditionKeyForService,
            .restrictAccessToServicePrincipal, .missingConditionKeyForOIDCPrincipal, .missingGithubRepoConditionKey:
            return .securityWarning
        case .missingVersion, .mfaBoolWithoutIfExists, .unresolvableVariable, .resourceMismatch,
            .conditionKeyNotSupportedByActions,
            .conditionOperatorTypeMismatch, .createSLRWithStarInResource, .createSLRWithNotResource,
            .createSLRWithStarInActionAndResource, .createSLRWithStarInActionAndNotResource,
            .createSLRWithStarResourceAndNotAction, .createSLRWithNotActionAndNotResource, .typeMismatchBoolean,
            .typeMismatchDate, .typeMismatchIPRange, .typeMismatchNumber, .typeMismatchString, .invalidDateValue,
            .uniqueSidsRecommended, .wildcardWithoutLikeOperator, .policySizeExceedsIdentityPolicyQuota,
            .policySizeExceedsResourcePolicyQuota, .policySizeExceedsRoleTrustPolicyQuota,
            .specificGithubRepoAndBranchRecommended:
            return .warning
        // REDUNDANT_ACTION and REDUNDANT_RESOURCE are suggestions in the reference ("Suggestion – Redundant
        // action"): the policy grants the same either way.
        case .emptyArrayAction, .emptyArrayCondition, .emptyArrayPrincipal, .emptyArrayResource,
            .emptyObjectCondition, .emptyObjectPrincipal, .emptySidValue, .wildcardInServiceName, .redundantAction,
            .redundantResource, .emptyArrayConditionForAllValues, .emptyArrayConditionForAnyValue,
            .emptyArrayConditionIfExists, .improveIPRange, .nullWithQualifier, .privateIPAddressSubset,
            .privateNotIPAddressSubset, .redundantConditionValueNum, .redundantStatement,
            .allowWithUnsupportedTagConditionKeyForService, .allowNotActionWithUnsupportedTagConditionKeyForService,
            .redundantPrincipalInRoleTrustPolicy:
            return .suggestion
        default:
            return .error
        }
    }

    /// Whether the check is Keyward's own rather than one of Access Analyzer's.
    public var isKeywardCheck: Bool {
        switch self {
        case .duplicateKeys, .mfaBoolWithoutIfExists, .unresolvableVariable,
            .resourceMismatch, .conditionKeyNotSupportedByActions,
            .privilegeEscalation, .credentialsExposure, .dataExfiltration, .allowWithNotAction,
            .allowWithNotResource, .trustWithoutMFAOrExternalID:
            return true
        default:
            return false
        }
    }

    /// The check's entry in the IAM User Guide's "IAM policy validation check reference" (Access Analyzer's
    /// `learnMoreLink`), or `nil` for Keyward's own checks.
    public var learnMoreLink: String? {
        if isKeywardCheck { return nil }
        let type: String
        switch severity {
        case .error: type = "error"
        case .securityWarning: type = "security-warning"
        case .warning: type = "general-warning"
        case .suggestion: type = "suggestion"
        }
        let slug = String(rawValue.lowercased().map { $0 == "_" ? "-" : $0 })
        return "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"
            + "#access-analyzer-reference-policy-checks-\(type)-\(slug)"
    }

    /// Whether a policy with this finding cannot be evaluated faithfully (AWS would refuse to attach it and
    /// Keyward cannot guess what was meant), so `simulate` refuses it.
    public var blocksEvaluation: Bool {
        switch self {
        case .jsonSyntaxError, .dataTypeMismatch, .duplicateKeys, .invalidPolicyElement, .invalidEffect,
            .missingEffect, .missingAction, .missingStatement, .unsupportedElementCombination,
            .invalidConditionOperator, .invalidVersion, .invalidPrincipalKey, .invalidPrincipalFormat,
            .nullWithIfExists:
            return true
        default:
            return false
        }
    }

    /// Whether a policy of `kind` with this finding cannot be evaluated: ``blocksEvaluation``, and a
    /// resource-based policy (resource, trust or key policy) without `Principal`, which AWS refuses to
    /// attach: IAM User Guide, "AWS JSON policy elements: Principal": "You must use the Principal element
    /// in resource-based policies."
    ///
    /// - Parameter kind: how the policy is attached.
    public func blocksEvaluation(in kind: PolicyKind) -> Bool {
        blocksEvaluation || (self == .missingPrincipal && kind.isResourceBased)
    }
}

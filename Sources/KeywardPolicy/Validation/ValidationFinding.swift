/// One finding about a policy document, in the style of IAM Access Analyzer's policy validation.
///
/// `issueCode` uses Access Analyzer's check names where one exists (see the IAM User Guide, "IAM policy
/// validation check reference"); Keyward's own checks are marked in ``IssueCode``.
public struct ValidationFinding: Sendable, Equatable, CustomStringConvertible {
    /// How serious the finding is.
    public var severity: Severity
    /// The check that produced it.
    public var issueCode: IssueCode
    /// The JSON path of the problem, e.g. `Statement[2].Condition`; empty for the whole document.
    public var path: String
    /// One line saying what is wrong.
    public var message: String
    /// Where in the file, when known.
    public var location: SourceLocation?

    /// Creates a finding whose severity is the issue code's.
    public init(_ issueCode: IssueCode, path: String, message: String, location: SourceLocation? = nil) {
        self.severity = issueCode.severity
        self.issueCode = issueCode
        self.path = path
        self.message = message
        self.location = location
    }

    /// `Statement[2].Condition: unknown operator "StringEqualz"`.
    public var description: String {
        path.isEmpty ? message : "\(path): \(message)"
    }

    /// Finding severities, as Access Analyzer names them.
    public enum Severity: String, Sendable, Equatable, Comparable, CaseIterable {
        case error = "ERROR"
        case securityWarning = "SECURITY_WARNING"
        case warning = "WARNING"
        case suggestion = "SUGGESTION"

        private var rank: Int {
            switch self {
            case .error: return 0
            case .securityWarning: return 1
            case .warning: return 2
            case .suggestion: return 3
            }
        }

        /// Errors sort first.
        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
    }
}

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
    case singleValuedOperatorOnMultivaluedKey = "SINGLE_VALUED_OPERATOR_ON_MULTIVALUED_KEY"  // Keyward.
    case mfaBoolWithoutIfExists = "MFA_BOOL_WITHOUT_IF_EXISTS"  // Keyward: the seeds' MFA trap.
    case unresolvableVariable = "UNRESOLVABLE_VARIABLE"  // Keyward: `${` without a closing `}`.
    case resourceMismatch = "RESOURCE_MISMATCH"  // Keyward: an action and a resource that never meet.
    case conditionKeyNotSupportedByActions = "CONDITION_KEY_NOT_SUPPORTED_BY_ACTIONS"  // Keyward.
    case conditionOperatorTypeMismatch = "CONDITION_OPERATOR_TYPE_MISMATCH"  // Keyward.
    // Suggestions.
    case emptyArrayAction = "EMPTY_ARRAY_ACTION"
    case emptyArrayCondition = "EMPTY_ARRAY_CONDITION"
    case emptyArrayPrincipal = "EMPTY_ARRAY_PRINCIPAL"
    case emptyArrayResource = "EMPTY_ARRAY_RESOURCE"
    case emptyObjectCondition = "EMPTY_OBJECT_CONDITION"
    case emptyObjectPrincipal = "EMPTY_OBJECT_PRINCIPAL"
    case emptySidValue = "EMPTY_SID_VALUE"
    case wildcardInServiceName = "WILDCARD_IN_SERVICE_NAME"

    /// The severity Access Analyzer gives this check.
    public var severity: ValidationFinding.Severity {
        switch self {
        case .allowWithNotPrincipal, .forAllValuesWithSingleValuedKey, .passRoleWithStarInResource,
            .passRoleWithNotResource, .passRoleWithStarInActionAndResource, .passRoleWithStarInActionAndNotResource,
            .passRoleWithStarInResourceAndNotAction, .passRoleWithNotActionAndNotResource, .privilegeEscalation,
            .credentialsExposure, .dataExfiltration,
            .allowWithNotAction, .allowWithNotResource, .trustWithoutMFAOrExternalID:
            return .securityWarning
        case .missingVersion, .redundantAction, .redundantResource, .singleValuedOperatorOnMultivaluedKey,
            .mfaBoolWithoutIfExists, .unresolvableVariable, .resourceMismatch, .conditionKeyNotSupportedByActions,
            .conditionOperatorTypeMismatch, .createSLRWithStarInResource, .createSLRWithNotResource,
            .createSLRWithStarInActionAndResource, .createSLRWithStarInActionAndNotResource,
            .createSLRWithStarResourceAndNotAction, .createSLRWithNotActionAndNotResource:
            return .warning
        case .emptyArrayAction, .emptyArrayCondition, .emptyArrayPrincipal, .emptyArrayResource,
            .emptyObjectCondition, .emptyObjectPrincipal, .emptySidValue, .wildcardInServiceName:
            return .suggestion
        default:
            return .error
        }
    }

    /// Whether the check is Keyward's own rather than one of Access Analyzer's.
    public var isKeywardCheck: Bool {
        switch self {
        case .duplicateKeys, .singleValuedOperatorOnMultivaluedKey, .mfaBoolWithoutIfExists, .unresolvableVariable,
            .resourceMismatch, .conditionKeyNotSupportedByActions, .conditionOperatorTypeMismatch,
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

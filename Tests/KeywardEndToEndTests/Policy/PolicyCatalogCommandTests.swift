import Foundation
import KeywardTestSupport
import Testing

/// End-to-end tests of `keyward policy actions`, `summary` and the catalogue side of `validate` (issue 14).
@Suite(
    .enabled(
        if: TestRequirement.runs(KeywardCLI.isBuilt),
        "keyward binary not found next to the test bundle; run `swift build` first"))
struct PolicyCatalogCommandTests {
    let directory: URL

    init() throws {
        directory = try PolicyFiles.directory([
            "typo.json":
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObjekt","Resource":"arn:aws:s3:::b/*"}]}"#,
            "list.json":
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b/*"}]}"#,
            "read.json":
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:Get*","s3:ListBucket"],"Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]},{"Effect":"Deny","Action":"s3:GetObjectAcl","Resource":"*"}]}"#,
            "broken.json": "{\"Version\":",
            "gaad.json": """
            {"UserDetailList":[{"UserName":"alice","Arn":"arn:aws:iam::111122223333:user/alice",
             "UserPolicyList":[{"PolicyName":"keys","PolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"*"}]}}]}],
             "RoleDetailList":[{"RoleName":"Admin","Arn":"arn:aws:iam::111122223333:role/Admin",
             "AssumeRolePolicyDocument":{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"sts:AssumeRole"}]},
             "RolePolicyList":[]}],"GroupDetailList":[],"Policies":[]}
            """,
        ])
    }

    func run(_ arguments: String...) throws -> KeywardCLI.Result {
        try PolicyFiles.run(arguments, in: directory)
    }

    @Test func actionsExpandsPatterns() throws {
        let result = try run("policy", "actions", "iam:?assRole", "s3:GetObject")
        #expect(
            result
                == KeywardCLI.Result(
                    status: 0,
                    stdout:
                        "iam:PassRole\tPermissions management\trole*\ns3:GetObject\tRead\taccesspointobject, object\n",
                    stderr: ""))
        let tagging = try run("policy", "actions", "s3:*", "--access-level", "tagging")
        #expect(tagging.status == 0)
        #expect(tagging.stdout.split(separator: "\n").allSatisfy { $0.contains("\tTagging\t") })
    }

    @Test func actionsJSON() throws {
        let result = try run("policy", "actions", "iam:PassRole", "--json")
        #expect(
            result.stdout
                == "[{\"accessLevel\":\"Permissions management\",\"action\":\"iam:PassRole\",\"conditionKeys\":[\"iam:AssociatedResourceArn\",\"iam:PassedToService\",\"aws:ResourceTag/${TagKey}\",\"iam:ResourceTag/${TagKey}\"],\"dependentActions\":[],\"resourceTypes\":[{\"arn\":\"arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}\",\"name\":\"role\",\"required\":true}]}]\n"
        )
    }

    @Test func actionsRefusesPatternsThatMatchNothing() throws {
        #expect(
            try run("policy", "actions", "s3:Gett*")
                == KeywardCLI.Result(status: 1, stdout: "", stderr: "keyward: \"s3:Gett*\" matches no action\n"))
        #expect(try run("policy", "actions", "s3:Get*", "--access-level", "admin").status == 64)
    }

    @Test func validateUsesTheCatalogue() throws {
        #expect(
            try run("policy", "validate", "typo.json")
                == KeywardCLI.Result(
                    status: 1,
                    stdout:
                        "typo.json:1:65: ERROR INVALID_ACTION Statement[0].Action: the action \"s3:GetObjekt\" does not exist; did you mean \"s3:GetObject\"?\n",
                    stderr: "keyward: policy validation found 1 error in 1 file\n"))
        let list = try run("policy", "validate", "list.json")
        #expect(list.status == 0)
        #expect(
            list.stdout.contains("WARNING RESOURCE_MISMATCH Statement[0].Action: s3:ListBucket acts on accesspoint"))
        let failOn = try run("policy", "validate", "list.json", "--fail-on", "warning")
        #expect(failOn.status == 1)
        #expect(failOn.stderr == "keyward: policy validation found 1 finding at WARNING or above in 1 file\n")
    }

    @Test func validateJSONDocument() throws {
        let result = try run("policy", "validate", "typo.json", "--format", "json")
        #expect(result.status == 1)
        #expect(
            result.stdout
                == "{\"findings\":[{\"issueCode\":\"INVALID_ACTION\",\"findingType\":\"ERROR\",\"file\":\"typo.json\",\"findingDetails\":\"the action \\\"s3:GetObjekt\\\" does not exist; did you mean \\\"s3:GetObject\\\"?\",\"learnMoreLink\":\"https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html#access-analyzer-reference-policy-checks-error-invalid-action\",\"locations\":[{\"path\":[{\"value\":\"Statement\"},{\"index\":0},{\"value\":\"Action\"}],\"span\":{\"start\":{\"line\":1,\"column\":64,\"offset\":64},\"end\":{\"line\":1,\"column\":78,\"offset\":78}}}]}]}\n"
        )
    }

    @Test func validateSARIF() throws {
        let result = try run("policy", "validate", "typo.json", "--format", "sarif")
        let log = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(log?["version"] as? String == "2.1.0")
        let runs = log?["runs"] as? [[String: Any]]
        let results = runs?.first?["results"] as? [[String: Any]]
        #expect(results?.first?["ruleId"] as? String == "INVALID_ACTION")
        #expect(results?.first?["level"] as? String == "error")
        #expect(
            result.stdout.contains("\"region\":{\"startLine\":1,\"startColumn\":65,\"endLine\":1,\"endColumn\":79}"))
    }

    @Test func validateBadInputIsOneLine() throws {
        #expect(
            try run("policy", "validate", "--authorization-details", "read.json")
                == KeywardCLI.Result(
                    status: 1, stdout: "",
                    stderr:
                        "keyward: read.json: not GetAccountAuthorizationDetails output (no UserDetailList, RoleDetailList or Policies)\n"
                ))
        #expect(try run("policy", "validate", "--authorization-details", "broken.json").status == 1)
        #expect(try run("policy", "validate").status == 64)
    }

    @Test func validateAuthorizationDetailsNamesEachPolicy() throws {
        let result = try run("policy", "validate", "--authorization-details", "gaad.json")
        #expect(result.status == 0)
        #expect(
            result.stdout.contains(
                "SECURITY_WARNING CREDENTIALS_EXPOSURE [user alice, inline policy keys] Statement[0].Action: grants iam:CreateAccessKey"
            ))
        #expect(
            result.stdout.contains(
                "SECURITY_WARNING TRUST_ACCOUNT_WITHOUT_MFA_OR_EXTERNAL_ID [role Admin, trust policy] Statement[0].Principal"
            ))
    }

    @Test func summaryPerService() throws {
        let result = try run("policy", "summary", "read.json")
        #expect(
            result
                == KeywardCLI.Result(
                    status: 0,
                    stdout:
                        "s3 (Amazon S3): Limited: List, Read; resources: arn:aws:s3:::b, arn:aws:s3:::b/*; conditions: none\n",
                    stderr: ""))
        let json = try run("policy", "summary", "read.json", "--json")
        #expect(json.stdout.contains("\"access\":\"Limited: List, Read\""))
        #expect(!json.stdout.contains("s3:GetObjectAcl"))
    }
}

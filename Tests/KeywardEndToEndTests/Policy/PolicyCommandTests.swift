import Foundation
import KeywardPolicy
import KeywardTestSupport
import Testing

/// End-to-end tests of `keyward policy ...`: exact stdout, stderr and exit status.
@Suite(
    .enabled(
        if: TestRequirement.runs(KeywardCLI.isBuilt),
        "keyward binary not found next to the test bundle; run `swift build` first"))
struct PolicyCommandTests {
    static let readPolicy = PolicyFiles.policy(
        "{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::reports/*\",\"Condition\":{\"Bool\":{\"aws:MultiFactorAuthPresent\":\"true\"}}}"
    )
    static let badPolicy =
        #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEqualz":{"a:b":"c"}}}]}"#

    let directory: URL

    init() throws {
        directory = try PolicyFiles.directory([
            "read.json": Self.readPolicy, "bad.json": Self.badPolicy,
            "requests.jsonl":
                "{\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::reports/a\",\"context\":{\"aws:MultiFactorAuthPresent\":\"true\"},\"id\":1}\n{\"action\":\"s3:GetObject\",\"resource\":\"arn:aws:s3:::reports/a\",\"id\":2}\n",
            "broken.jsonl": "{\"action\":\"s3:GetObject\"}\n{oops}\n",
            "assume.json":
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"}]}"#,
            "trust.json":
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/carol"},"Action":"sts:AssumeRole"}]}"#,
            "admin.json": #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}"#,
            "s3only.json": #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}"#,
            "deny.json": #"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}"#,
            "noprincipal.json":
                #"{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}"#,
            "sqs.jsonl":
                "{\"action\":\"sqs:SendMessage\",\"resource\":\"arn:aws:sqs:us-east-1:999999999999:q\",\"principal\":\"arn:aws:iam::123456789012:user/jo\"}\n",
        ])
    }

    func run(_ arguments: String..., stdin: String? = nil) throws -> KeywardCLI.Result {
        try PolicyFiles.run(arguments, in: directory, stdin: stdin ?? "")
    }

    @Test func templatePrintsThePolicy() throws {
        let result = try run("policy", "template", "pseudo-sudo", "--account", "123456789012")
        let expected = try PolicyTemplate.pseudoSudo.render(PolicyTemplate.Options(accountID: "123456789012"))
        #expect(result == KeywardCLI.Result(status: 0, stdout: expected, stderr: ""))
    }

    @Test func templateErrorsAreOneLine() throws {
        #expect(
            try run("policy", "template", "sudo")
                == KeywardCLI.Result(
                    status: 1, stdout: "",
                    stderr:
                        "keyward: unknown template \"sudo\"; known: mfa-required, assume-only, pseudo-sudo, abac-team\n"
                ))
        #expect(
            try run("policy", "template", "assume-only", "--account", "123456789012")
                == KeywardCLI.Result(
                    status: 1, stdout: "",
                    stderr: "keyward: template assume-only: --role: give at least one role name\n"))
    }

    @Test func validateCleanFile() throws {
        #expect(try run("policy", "validate", "read.json") == KeywardCLI.Result(status: 0, stdout: "", stderr: ""))
    }

    @Test func validateFailsOnErrors() throws {
        #expect(
            try run("policy", "validate", "read.json", "bad.json")
                == KeywardCLI.Result(
                    status: 1,
                    stdout:
                        "bad.json:1:100: ERROR INVALID_CONDITION_OPERATOR Statement[0].Condition: unknown operator \"StringEqualz\"\n"
                        // Issue 14: s3:* on "*" grants s3:GetObject on every bucket (cloudsplaining's check).
                        + "bad.json:1:65: SECURITY_WARNING DATA_EXFILTRATION Statement[0].Action: grants s3:GetObject, which reads data on every resource (\"*\")\n",
                    stderr: "keyward: policy validation found 1 error in 1 file\n"))
        #expect(
            try run("policy", "validate", "missing.json")
                == KeywardCLI.Result(
                    status: 1, stdout: "", stderr: "keyward: missing.json: cannot read: no such file\n"))
    }

    @Test func simulateExplainsOneRequest() throws {
        let result = try run(
            "policy", "simulate", "--policy", "read.json", "--action", "s3:GetObject", "--resource",
            "arn:aws:s3:::reports/a",
            "--principal", "arn:aws:iam::111122223333:user/alice", "--context", "aws:MultiFactorAuthPresent=false")
        // Item 11: a deny exits 1 (it exited 0) and says so on stderr.
        #expect(result.status == 1)
        #expect(result.stderr == "keyward: implicitDeny (no policy allows it)\n")
        #expect(
            result.stdout == """
                implicitDeny: no policy allows it
                request: s3:GetObject on arn:aws:s3:::reports/a
                principal: arn:aws:iam::111122223333:user/alice (user, account 111122223333)
                context:
                  aws:multifactorauthpresent = "false"
                  aws:principalaccount = "111122223333"
                  aws:principalarn = "arn:aws:iam::111122223333:user/alice"
                  aws:principaltype = "User"
                  aws:resourceaccount = "111122223333"
                  aws:username = "alice"
                policies:
                  identity policy read.json:
                    Statement[0] (Read) Allow: condition failed
                      Bool aws:MultiFactorAuthPresent: expected "true", actual "false"

                """)
    }

    @Test func simulateJSON() throws {
        #expect(
            try run(
                "policy", "simulate", "--policy", "read.json", "--action", "s3:GetObject", "--resource",
                "arn:aws:s3:::reports/a", "--context", "aws:MultiFactorAuthPresent=true", "--output", "json")
                == KeywardCLI.Result(
                    status: 0,
                    stdout:
                        #"{"decision":"allowed","reason":"identityAllowed","statements":[{"policy":"read.json","statement":"Statement[0]","sid":"Read","effect":"Allow"}]}"#
                        + "\n",
                    stderr: ""))
    }

    @Test func simulateBatch() throws {
        let answers =
            #"{"id":1,"decision":"allowed","reason":"identityAllowed","statements":[{"policy":"read.json","statement":"Statement[0]","sid":"Read","effect":"Allow"}]}"#
            + "\n" + #"{"id":2,"decision":"implicitDeny","reason":"noAllow","statements":[]}"# + "\n"
        #expect(
            try run("policy", "simulate", "--policy", "read.json", "--requests", "requests.jsonl", "--output", "jsonl")
                == KeywardCLI.Result(status: 0, stdout: answers, stderr: ""))
        let requests = try String(contentsOf: directory.appendingPathComponent("requests.jsonl"), encoding: .utf8)
        #expect(
            try run("policy", "simulate", "--policy", "read.json", "--requests", "-", "--jobs", "2", stdin: requests)
                == KeywardCLI.Result(status: 0, stdout: answers, stderr: ""))
    }

    @Test func batchWithUnreadableLines() throws {
        #expect(
            try run("policy", "simulate", "--policy", "read.json", "--requests", "broken.jsonl")
                == KeywardCLI.Result(
                    // Item 11: an error exits 2 (it exited 1), apart from 1 for a denied request.
                    status: 2,
                    stdout: #"{"decision":"implicitDeny","reason":"noAllow","statements":[]}"# + "\n"
                        + #"{"error":"broken.jsonl:2:2: expected a string key"}"# + "\n",
                    stderr:
                        "keyward: broken.jsonl: 1 line could not be read (first at line 2); each got an error answer\n")
        )
    }

    @Test func simulateRefusesBrokenPolicies() throws {
        #expect(
            try run("policy", "simulate", "--policy", "bad.json", "--action", "s3:GetObject")
                == KeywardCLI.Result(
                    // Item 11: an error exits 2 (it exited 1).
                    status: 2, stdout: "",
                    stderr: "keyward: bad.json: Statement[0].Condition: unknown operator \"StringEqualz\"\n"))
    }

    @Test func trustPoliciesMustAllow() throws {
        #expect(
            try run(
                "policy", "simulate", "--policy", "assume.json", "--resource-policy", "trust.json", "--action",
                "sts:AssumeRole",
                "--resource", "arn:aws:iam::111122223333:role/Ops", "--principal", PolicyFiles.alice, "--output",
                "json")
                == KeywardCLI.Result(
                    // Item 11: a deny exits 1 (it exited 0).
                    status: 1,
                    stdout: #"{"decision":"implicitDeny","reason":"resourcePolicyRequired","statements":[]}"# + "\n",
                    stderr: "keyward: implicitDeny (the trust or key policy does not allow it)\n"))
    }

    /// Item 1 (see ``PolicyHardeningTests/boundaryAppliesWithoutAPrincipal()``).
    @Test func simulateBoundaryAppliesWithoutAPrincipal() throws {
        let result = try run(
            "policy", "simulate", "--policy", "admin.json", "--boundary", "s3only.json", "--action", "iam:CreateUser")
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("implicitDeny: the permissions boundary does not allow it\n"))
    }

    /// Item 2 (see ``PolicyHardeningTests/resourceAccountComesFromTheARN()``): one request and a batch.
    @Test func simulateResourceAccountComesFromTheARN() throws {
        let answer = #"{"decision":"implicitDeny","reason":"crossAccountResourcePolicyDidNotAllow","statements":[]}"#
        #expect(
            try run(
                "policy", "simulate", "--policy", "admin.json", "--action", "sqs:SendMessage", "--resource",
                "arn:aws:sqs:us-east-1:999999999999:q", "--principal", "arn:aws:iam::123456789012:user/jo",
                "--output", "json")
                == KeywardCLI.Result(
                    status: 1, stdout: answer + "\n",
                    stderr: "keyward: implicitDeny (cross-account: the resource-based policy does not allow it)\n"))
        #expect(
            try run("policy", "simulate", "--policy", "admin.json", "--requests", "sqs.jsonl")
                == KeywardCLI.Result(status: 0, stdout: answer + "\n", stderr: ""))
    }

    /// Item 4 (see ``PolicyHardeningTests/resourcePolicyWithoutPrincipalIsRefused()``): an error, not a decision.
    @Test func simulateRefusesAResourcePolicyWithoutPrincipal() throws {
        #expect(
            try run(
                "policy", "simulate", "--resource-policy", "noprincipal.json", "--action", "s3:GetObject", "--resource",
                "arn:aws:s3:::reports/a", "--principal", PolicyFiles.alice)
                == KeywardCLI.Result(
                    status: 2, stdout: "",
                    stderr:
                        "keyward: noprincipal.json: Statement[0]: no Principal or NotPrincipal in a resource policy\n"))
    }

    /// Item 5 (see ``PolicyHardeningTests/noPoliciesIsAnImplicitDeny()``): no policies is an answer.
    @Test func simulateWithoutPoliciesIsAnImplicitDeny() throws {
        #expect(
            try run("policy", "simulate", "--action", "s3:GetObject", "--output", "json")
                == KeywardCLI.Result(
                    status: 1, stdout: #"{"decision":"implicitDeny","reason":"noAllow","statements":[]}"# + "\n",
                    stderr: "keyward: implicitDeny (no policy allows it)\n"))
        #expect(
            try run("policy", "simulate", "--action", "sts:GetCallerIdentity", "--output", "json")
                == KeywardCLI.Result(
                    status: 0, stdout: #"{"decision":"allowed","reason":"alwaysAllowed","statements":[]}"# + "\n",
                    stderr: ""))
    }

    /// Item 11: 0 allowed, 1 implicit or explicit deny, 2 error, 64 usage error; a batch exits 0.
    @Test func simulateExitStatus() throws {
        #expect(try run("policy", "simulate", "--policy", "admin.json", "--action", "s3:GetObject").status == 0)
        #expect(try run("policy", "simulate", "--policy", "s3only.json", "--action", "ec2:RunInstances").status == 1)
        let denied = try run("policy", "simulate", "--policy", "deny.json", "--action", "s3:GetObject")
        #expect(denied.status == 1)
        #expect(denied.stdout.hasPrefix("explicitDeny: a Deny statement applies\n"))
        #expect(denied.stderr == "keyward: explicitDeny (a Deny statement applies)\n")
        #expect(try run("policy", "simulate", "--policy", "missing.json", "--action", "s3:GetObject").status == 2)
        #expect(
            try run("policy", "simulate", "--policy", "admin.json", "--action", "s3:GetObject", "--context", "x").status
                == 2)
        #expect(try run("policy", "simulate", "--action", "s3:GetObject", "--requests", "sqs.jsonl").status == 64)
        #expect(try run("policy", "simulate", "--policy", "deny.json", "--requests", "sqs.jsonl").status == 0)
    }

    @Test func usageErrors() throws {
        let result = try run("policy", "simulate", "--policy", "read.json")
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("Error: Give --action for one request or --requests for a batch.\n"))
    }
}

import KeywardPolicy

/// The benchmark's policy (20 statements, most with conditions) and a deterministic request generator.
enum BenchWorkload {
    static let account = "111122223333"

    /// A 20-statement identity policy in the style of the seeds: MFA, ABAC tags, IP ranges, dates, ARNs.
    static let policy = """
        {
          "Version": "2012-10-17",
          "Statement": [
            {"Sid": "ReadReports", "Effect": "Allow", "Action": ["s3:GetObject", "s3:GetObjectVersion"],
             "Resource": "arn:aws:s3:::reports-111122223333/*",
             "Condition": {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "198.51.100.0/24", "2001:db8::/32"]}}},
            {"Sid": "ListReports", "Effect": "Allow", "Action": "s3:ListBucket", "Resource": "arn:aws:s3:::reports-111122223333",
             "Condition": {"StringLike": {"s3:prefix": ["home/${aws:username}/*", "shared/*"]}}},
            {"Sid": "OwnHome", "Effect": "Allow", "Action": ["s3:PutObject", "s3:DeleteObject"],
             "Resource": "arn:aws:s3:::reports-111122223333/home/${aws:username}/*"},
            {"Sid": "DenyInsecure", "Effect": "Deny", "Action": "s3:*", "Resource": "*",
             "Condition": {"Bool": {"aws:SecureTransport": "false"}}},
            {"Sid": "StartStopOwnTeam", "Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances"],
             "Resource": "arn:aws:ec2:*:111122223333:instance/*",
             "Condition": {"StringEquals": {"aws:ResourceTag/team": "${aws:PrincipalTag/team}"}}},
            {"Sid": "Describe", "Effect": "Allow", "Action": ["ec2:Describe*", "cloudwatch:Get*", "cloudwatch:List*"], "Resource": "*"},
            {"Sid": "DenyTerminateWithoutMFA", "Effect": "Deny", "Action": "ec2:TerminateInstances", "Resource": "*",
             "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
            {"Sid": "RecentMFAForIAM", "Effect": "Allow", "Action": ["iam:Get*", "iam:List*"], "Resource": "*",
             "Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "3600"}}},
            {"Sid": "OwnCredentials", "Effect": "Allow", "Action": ["iam:ChangePassword", "iam:CreateAccessKey", "iam:DeleteAccessKey"],
             "Resource": "arn:aws:iam::111122223333:user/${aws:username}"},
            {"Sid": "AssumeOps", "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "arn:aws:iam::111122223333:role/ops-*",
             "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}},
            {"Sid": "TablesInRegion", "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem"],
             "Resource": "arn:aws:dynamodb:*:111122223333:table/app-*",
             "Condition": {"StringEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}},
            {"Sid": "DenyOutsideEU", "Effect": "Deny", "NotAction": ["iam:*", "sts:*", "cloudfront:*", "route53:*"], "Resource": "*",
             "Condition": {"StringNotEqualsIfExists": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1", "us-east-1"]}}},
            {"Sid": "KeysForApp", "Effect": "Allow", "Action": ["kms:Decrypt", "kms:GenerateDataKey"],
             "Resource": "arn:aws:kms:eu-west-1:111122223333:key/*",
             "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:lambda:eu-west-1:111122223333:function:app-*"}}},
            {"Sid": "InvokeApp", "Effect": "Allow", "Action": "lambda:InvokeFunction",
             "Resource": "arn:aws:lambda:*:111122223333:function:app-*",
             "Condition": {"DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"}, "DateGreaterThan": {"aws:CurrentTime": "2020-01-01T00:00:00Z"}}},
            {"Sid": "Logs", "Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"],
             "Resource": "arn:aws:logs:*:111122223333:log-group:/app/*:*"},
            {"Sid": "Queues", "Effect": "Allow", "Action": ["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:DeleteMessage"],
             "Resource": "arn:aws:sqs:*:111122223333:app-*", "Condition": {"StringEqualsIgnoreCase": {"aws:PrincipalTag/env": ["Prod", "Staging"]}}},
            {"Sid": "TagOnCreate", "Effect": "Allow", "Action": "ec2:CreateTags", "Resource": "*",
             "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team", "env", "owner"]}, "StringEquals": {"ec2:CreateAction": "RunInstances"}}},
            {"Sid": "DenyUntaggedRun", "Effect": "Deny", "Action": "ec2:RunInstances", "Resource": "arn:aws:ec2:*:*:instance/*",
             "Condition": {"Null": {"aws:RequestTag/team": "true"}}},
            {"Sid": "Topics", "Effect": "Allow", "Action": "sns:Publish", "Resource": "arn:aws:sns:*:111122223333:alerts-*",
             "Condition": {"ForAnyValue:StringLike": {"aws:CalledVia": ["cloudformation.amazonaws.com", "lambda.*"]}}},
            {"Sid": "DenyOtherAccounts", "Effect": "Deny", "Action": "s3:PutObject", "Resource": "*",
             "Condition": {"StringNotEquals": {"s3:ResourceAccount": "111122223333"}}}
          ]
        }
        """

    /// One request in a form both Keyward and the moto script read.
    struct Request {
        var action: String
        var resource: String
        var principal: String
        var context: [(String, [String])]

        var evaluationRequest: EvaluationRequest {
            var dictionary: [String: [String]] = [:]
            for (key, values) in context { dictionary[key] = values }
            return EvaluationRequest(action: action, resource: resource, principal: principal, context: dictionary)
        }

        var jsonLine: String {
            func quote(_ text: String) -> String {
                "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
                    + "\""
            }
            let pairs = context.map { key, values in
                quote(key) + ":"
                    + (values.count == 1 ? quote(values[0]) : "[" + values.map(quote).joined(separator: ",") + "]")
            }
            return "{\"action\":\(quote(action)),\"resource\":\(quote(resource)),\"principal\":\(quote(principal)),"
                + "\"context\":{\(pairs.joined(separator: ","))}}"
        }
    }

    /// A deterministic xorshift generator so every run and every tool sees the same requests.
    struct Random {
        var state: UInt64

        mutating func next() -> UInt64 {
            state ^= state << 13
            state ^= state >> 7
            state ^= state << 17
            return state
        }

        mutating func pick<T>(_ values: [T]) -> T {
            values[Int(next() % UInt64(values.count))]
        }

        mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
    }

    static let users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]

    /// Request number `index` of the deterministic stream (the same for every call with the same seed).
    static func requests(count: Int, seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [Request] {
        var random = Random(state: seed)
        var result: [Request] = []
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(request(&random)) }
        return result
    }

    private static func request(_ random: inout Random) -> Request {
        let user = random.pick(users)
        let principal = "arn:aws:iam::\(account):user/\(user)"
        let region = random.pick(["eu-west-1", "eu-central-1", "us-east-1", "ap-south-1"])
        let kind = random.next() % 12
        var action: String
        var resource: String
        switch kind {
        case 0:
            action = random.pick(["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:GetObjectVersion"])
            let folder = random.chance(50) ? "home/\(random.chance(70) ? user : random.pick(users))" : "shared"
            resource = "arn:aws:s3:::reports-\(account)/\(folder)/file-\(random.next() % 1000).csv"
        case 1:
            action = "s3:ListBucket"
            resource = "arn:aws:s3:::reports-\(account)"
        case 2:
            action = random.pick([
                "ec2:StartInstances", "ec2:StopInstances", "ec2:TerminateInstances", "ec2:RunInstances",
            ])
            resource = "arn:aws:ec2:\(region):\(account):instance/i-\(String(random.next() % 0xFFFFFF, radix: 16))"
        case 3:
            action = random.pick([
                "ec2:DescribeInstances", "ec2:DescribeVolumes", "cloudwatch:GetMetricData", "ec2:CreateTags",
            ])
            resource = "*"
        case 4:
            action = random.pick([
                "iam:GetUser", "iam:ListRoles", "iam:ChangePassword", "iam:CreateAccessKey", "iam:DeleteUser",
            ])
            resource = "arn:aws:iam::\(account):user/\(random.chance(80) ? user : random.pick(users))"
        case 5:
            action = "sts:AssumeRole"
            resource = "arn:aws:iam::\(account):role/\(random.pick(["ops-admin", "ops-read", "billing", "dev"]))"
        case 6:
            action = random.pick(["dynamodb:GetItem", "dynamodb:Query", "dynamodb:PutItem", "dynamodb:DeleteTable"])
            resource =
                "arn:aws:dynamodb:\(region):\(account):table/\(random.pick(["app-users", "app-orders", "legacy"]))"
        case 7:
            action = random.pick(["kms:Decrypt", "kms:GenerateDataKey", "kms:ScheduleKeyDeletion"])
            resource = "arn:aws:kms:\(region):\(account):key/\(random.next() % 100_000)"
        case 8:
            action = "lambda:InvokeFunction"
            resource = "arn:aws:lambda:\(region):\(account):function:\(random.pick(["app-api", "app-worker", "other"]))"
        case 9:
            action = random.pick(["logs:CreateLogStream", "logs:PutLogEvents", "logs:DeleteLogGroup"])
            resource =
                "arn:aws:logs:\(region):\(account):log-group:\(random.pick(["/app/api", "/app/worker", "/other"])):log-stream:s"
        case 10:
            action = random.pick(["sqs:SendMessage", "sqs:ReceiveMessage", "sqs:PurgeQueue"])
            resource = "arn:aws:sqs:\(region):\(account):\(random.pick(["app-jobs", "app-events", "x"]))"
        default:
            action = "sns:Publish"
            resource = "arn:aws:sns:\(region):\(account):\(random.pick(["alerts-ops", "alerts-dev", "news"]))"
        }
        var context: [(String, [String])] = [
            ("aws:SecureTransport", [random.chance(95) ? "true" : "false"]),
            ("aws:RequestedRegion", [region]),
            ("aws:PrincipalTag/team", [random.pick(["red", "blue", "green"])]),
            ("aws:CurrentTime", ["2026-\(10 + random.next() % 3)-1\(random.next() % 9)T12:00:00Z"]),
            (
                "aws:SourceIp",
                [random.chance(70) ? "203.0.113.\(random.next() % 256)" : "192.0.2.\(random.next() % 256)"]
            ),
        ]
        if random.chance(60) {
            context.append(("aws:MultiFactorAuthPresent", [random.chance(80) ? "true" : "false"]))
            context.append(("aws:MultiFactorAuthAge", [String(random.next() % 7200)]))
        }
        if kind == 2 || kind == 3 { context.append(("aws:ResourceTag/team", [random.pick(["red", "blue", "green"])])) }
        if kind == 0 || kind == 1 {
            context.append(("s3:prefix", ["home/\(random.chance(70) ? user : "x")/"]))
            context.append(("s3:ResourceAccount", [random.chance(90) ? account : "444455556666"]))
        }
        if kind == 3 || kind == 2 {
            context.append(("aws:TagKeys", random.chance(50) ? ["team", "env"] : ["team", "cost"]))
            context.append(("ec2:CreateAction", ["RunInstances"]))
        }
        if kind == 7 {
            context.append(
                ("aws:SourceArn", ["arn:aws:lambda:eu-west-1:\(account):function:\(random.pick(["app-a", "x"]))"]))
        }
        if kind == 10 { context.append(("aws:PrincipalTag/env", [random.pick(["prod", "STAGING", "dev"])])) }
        if kind == 11 {
            context.append(("aws:CalledVia", [random.pick(["lambda.amazonaws.com", "athena.amazonaws.com"])]))
        }
        return Request(action: action, resource: resource, principal: principal, context: context)
    }
}

import KeywardPolicy

/// Real policies and the mutations (shared by the property test and `scripts/bench-access`, so the bench
/// measures exactly the test's inputs) the property test applies to them (issue 15: "widen an action, drop a
/// condition, add a principal, swap StringEquals for StringLike, add a Deny").
public enum PolicyMutations {
    /// One way to change a policy.
    public enum Mutation: String, CaseIterable, Sendable {
        case widenAction, dropCondition, addPrincipal, stringLike, addDeny
    }

    /// The real policies the mutations start from.
    public static let bases: [(name: String, kind: PolicyKind, json: String)] = [
        (
            "s3-prefix", .identity,
            """
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Action": ["s3:ListBucket"], "Resource": "arn:aws:s3:::reports",
              "Condition": {"StringEquals": {"s3:prefix": ["home/*", "shared/"]}, "NumericLessThanEquals": {"s3:max-keys": "100"}}},
             {"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutObject"], "Resource": "arn:aws:s3:::reports/home/*"}]}
            """
        ),
        (
            "000-mfa-group", .identity,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:Describe*", "s3:Get*"], "Resource": "*",
              "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
            """
        ),
        (
            "002-block-without-mfa", .identity,
            """
            {"Version": "2012-10-17", "Statement": [
             {"Sid": "BlockMostAccessUnlessSignedInWithMFA", "Effect": "Deny",
              "NotAction": ["iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "sts:GetSessionToken"],
              "Resource": "*", "Condition": {"BoolIfExists": {"aws:MultiFactorAuthPresent": "false"}}},
             {"Effect": "Allow", "Action": ["sts:AssumeRole"], "Resource": ["arn:aws:iam::123456789012:role/OpsSudo"]},
             {"Effect": "Allow", "Action": ["iam:ListMFADevices", "iam:EnableMFADevice"], "Resource": "arn:aws:iam::123456789012:user/jo"}]}
            """
        ),
        (
            "ec2-window", .identity,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:StartInstances", "ec2:StopInstances"],
              "Resource": "arn:aws:ec2:*:123456789012:instance/*",
              "Condition": {"DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"},
                            "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]},
                            "StringEquals": {"aws:RequestedRegion": "eu-west-1"}}}]}
            """
        ),
        (
            "bucket", .resource,
            """
            {"Version": "2012-10-17", "Statement": [
             {"Effect": "Allow", "Principal": {"AWS": "444455556666"}, "Action": ["s3:GetObject"], "Resource": "arn:aws:s3:::shared/*"},
             {"Effect": "Allow", "Principal": "*", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::shared", "arn:aws:s3:::shared/*"],
              "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-a1b2c3d4e5"}}},
             {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::shared/*",
              "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}
            """
        ),
        (
            "001-root-mfa", .trust,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111111111111:root"},
              "Action": "sts:AssumeRole", "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "true"}}}]}
            """
        ),
        (
            "lambda-trust", .trust,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"},
              "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"},
              "ArnLike": {"aws:SourceArn": "arn:aws:lambda:*:123456789012:function:app-*"}}}]}
            """
        ),
        (
            "000-tim-tom", .trust,
            """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow",
              "Principal": {"AWS": ["arn:aws:iam::448613307115:user/tim", "arn:aws:iam::448613307115:user/tom"]},
              "Action": "sts:AssumeRole"}]}
            """
        ),
    ]

    /// The mutated policy, or `nil` when the mutation does not apply to it.
    public static func mutate(_ document: PolicyDocument, _ mutation: Mutation) -> PolicyDocument? {
        var result = document
        result.source = document.source + "+" + mutation.rawValue
        switch mutation {
        case .widenAction:
            guard let index = result.statements.firstIndex(where: { !$0.actions.negated }) else { return nil }
            let action = result.statements[index].actions.patterns[0]
            guard let colon = action.firstIndex(of: ":") else { return nil }
            let name = action[action.index(after: colon)...]
            result.statements[index].actions.patterns[0] = action[...colon] + name.prefix(3) + "*"
        case .dropCondition:
            guard let index = result.statements.firstIndex(where: { !$0.conditions.isEmpty }) else { return nil }
            result.statements[index].conditions.removeFirst()
        case .addPrincipal:
            guard let index = result.statements.firstIndex(where: { $0.principals != nil }) else { return nil }
            result.statements[index].principals?.aws.append("arn:aws:iam::777788889999:root")
        case .stringLike:
            var changed = false
            for statement in result.statements.indices {
                for clause in result.statements[statement].conditions.indices
                where result.statements[statement].conditions[clause].conditionOperator.base == .stringEquals {
                    result.statements[statement].conditions[clause].conditionOperator.base = .stringLike
                    changed = true
                }
            }
            guard changed else { return nil }
        case .addDeny:
            let first = result.statements[0]
            result.statements.append(
                PolicyStatement(
                    path: "Statement[\(result.statements.count)]", index: result.statements.count, effect: .deny,
                    actions: MatchList([first.actions.negated ? "s3:GetObject" : first.actions.patterns[0]]),
                    resources: first.resources,
                    principals: first.principals == nil ? nil : PrincipalElement(anyone: true),
                    conditions: []))
        }
        return result
    }
}

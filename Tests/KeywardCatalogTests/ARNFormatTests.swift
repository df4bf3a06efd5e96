import KeywardCatalog
import Testing

/// Whether a policy's `Resource` can name a resource of a type: both sides are patterns.
@Suite struct ARNFormatTests {
    static let bucket = ARNFormat("arn:${Partition}:s3:::${BucketName}")
    static let object = ARNFormat("arn:${Partition}:s3:::${BucketName}/${ObjectName}")
    static let user = ARNFormat("arn:${Partition}:iam::${Account}:user/${UserNameWithPath}")
    static let function = ARNFormat("arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}")

    @Test(arguments: [
        (bucket, "arn:aws:s3:::reports", true),
        (bucket, "arn:aws:s3:::reports/*", false),
        (bucket, "arn:aws:s3:::*", true),
        (bucket, "arn:aws:s3:::report?", true),
        (object, "arn:aws:s3:::reports", false),
        (object, "arn:aws:s3:::reports/*", true),
        (object, "arn:aws:s3:::*", true),
        (object, "arn:aws:s3:::reports/a/b/c.csv", true),
        (object, "arn:aws:s3:::${aws:username}/*", true),
        (object, "arn:aws:ec2:::reports/x", false),
        (user, "arn:aws:iam::111122223333:user/alice", true),
        (user, "arn:aws:iam::111122223333:user/team/alice", true),
        (user, "arn:aws:iam::111122223333:role/alice", false),
        (user, "arn:aws:iam::*:user/*", true),
        (function, "arn:aws:lambda:us-east-1:111122223333:function:app", true),
        (function, "arn:aws:lambda:us-east-1:111122223333:function:app:*", true),
        (function, "arn:aws:lambda:*:*:*", true),
        (function, "arn:aws:lambda:us-east-1:111122223333:layer:app", false),
    ])
    func overlaps(format: ARNFormat, pattern: String, expected: Bool) {
        #expect(format.overlaps(pattern) == expected, "\(format.format) vs \(pattern)")
    }

    @Test func wildcardMatchingFoldsCaseOnlyWhenAsked() {
        #expect(Wildcard.matches("s3:get*", "S3:GetObject", foldCase: true))
        #expect(!Wildcard.matches("s3:get*", "S3:GetObject", foldCase: false))
        #expect(Wildcard.matches("arn:aws:s3:::b/*", "arn:aws:s3:::b/", foldCase: false))
        #expect(Wildcard.matches("a?c", "abc", foldCase: false))
        #expect(!Wildcard.matches("a?c", "ac", foldCase: false))
        #expect(Wildcard.matches("*", "", foldCase: false))
    }
}

import Testing

@testable import KeywardAWS

@Suite struct QueryRequestTests {
    @Test func formBodyEncodesReservedAndUTF8Characters() {
        var request = QueryRequest(action: "AssumeRole", version: "2011-06-15")
        request.add("RoleSessionName", "jo@example.com")
        request.add("Policy", "{\"a\": \"b c\"}")
        request.add("Tags.member.1.Value", "é~_-.")
        request.add("Missing", nil)
        #expect(
            String(decoding: request.formBody, as: UTF8.self)
                == "Action=AssumeRole&Version=2011-06-15&RoleSessionName=jo%40example.com"
                + "&Policy=%7B%22a%22%3A%20%22b%20c%22%7D&Tags.member.1.Value=%C3%A9~_-.")
    }

    @Test func listsUseMemberIndexesFromOne() {
        var request = QueryRequest(action: "AssumeRole", version: "2011-06-15")
        request.addList("TransitiveTagKeys", ["team", "project"])
        #expect(
            request.parameters.map { "\($0.0)=\($0.1)" } == [
                "TransitiveTagKeys.member.1=team", "TransitiveTagKeys.member.2=project",
            ])
    }
}

@Suite struct RetryPolicyTests {
    @Test func backoffDoublesUpToTheCap() {
        let policy = RetryPolicy(maxAttempts: 10, baseDelay: 0.1, maxDelay: 1)
        #expect(policy.delay(afterAttempt: 1, random: 0.999_999) < 0.1)
        #expect(abs(policy.delay(afterAttempt: 2, random: 0.5) - 0.1) < 1e-9)
        #expect(abs(policy.delay(afterAttempt: 3, random: 0.5) - 0.2) < 1e-9)
        #expect(abs(policy.delay(afterAttempt: 9, random: 1) - 1) < 1e-9)
        #expect(policy.delay(afterAttempt: 60, random: 0.5) == 0.5)
    }

    @Test func fullJitterCanWaitNothing() {
        #expect(RetryPolicy.standard.delay(afterAttempt: 2, random: 0) == 0)
    }
}

@Suite struct ServiceEndpointTests {
    @Test func stsIsRegionalByDefault() throws {
        let endpoint = try ServiceEndpoint.sts(region: "eu-west-1")
        #expect(endpoint.url.absoluteString == "https://sts.eu-west-1.amazonaws.com")
        #expect(endpoint.signingRegion == "eu-west-1")
    }

    @Test func legacyModeUsesTheGlobalEndpointForOldRegions() throws {
        let global = try ServiceEndpoint.sts(region: "eu-west-1", mode: .legacy)
        #expect(global.url.absoluteString == "https://sts.amazonaws.com")
        #expect(global.signingRegion == "us-east-1")
        let newer = try ServiceEndpoint.sts(region: "af-south-1", mode: .legacy)
        #expect(newer.url.absoluteString == "https://sts.af-south-1.amazonaws.com")
    }

    @Test func chinaRegionsUseTheirPartitionSuffix() throws {
        #expect(
            try ServiceEndpoint.sts(region: "cn-north-1").url.absoluteString
                == "https://sts.cn-north-1.amazonaws.com.cn")
        #expect(try ServiceEndpoint.iam(region: "cn-northwest-1").signingRegion == "cn-north-1")
    }

    @Test func overrideWinsAndKeepsTheSigningRegion() throws {
        let endpoint = try ServiceEndpoint.sts(region: "eu-west-1", override: "http://127.0.0.1:5000")
        #expect(endpoint.url.absoluteString == "http://127.0.0.1:5000")
        #expect(endpoint.signingRegion == "eu-west-1")
        #expect(
            try ServiceEndpoint.iam(region: "eu-west-1", override: "http://127.0.0.1:5000").signingRegion == "us-east-1"
        )
    }

    @Test func badOverrideIsRefused() {
        #expect(throws: AWSClientError.invalidEndpoint("ftp://x")) {
            try ServiceEndpoint.sts(region: nil, override: "ftp://x")
        }
        #expect(throws: AWSClientError.invalidEndpoint("not a url")) {
            try ServiceEndpoint.iam(region: nil, override: "not a url")
        }
    }
}

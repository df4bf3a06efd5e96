import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import KeywardTestSupport
import Testing

@testable import KeywardServer

@Suite struct ContainerRouteTests {
    @Test func servesContainerCredentialsWithTheExactToken() async throws {
        let clock = TestClock()
        let fixture = try await RouterFixture.make(
            .ecs, source: CountingSource(lifetime: 3600, now: clock.now), clock: clock)
        let token = fixture.parts.bearerToken.value
        try await fixture.application.test(.router) { client in
            do {
                let response = try await client.execute(
                    uri: "/credentials", method: .get, headers: [.authorization: token])
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "application/json; charset=utf-8")
                #expect(
                    try jsonFields(response.body) == [
                        "AccessKeyId": "ASIAKEY1", "SecretAccessKey": "secret-KEY1", "Token": "token-KEY1",
                        "Expiration": "2027-01-15T09:00:00Z", "RoleArn": RouterFixture.roleARN,
                    ])
            }
        }
    }

    @Test func omitsRoleArnWhenUnknown() async throws {
        let clock = TestClock()
        let fixture = try await RouterFixture.make(
            .ecs, source: CountingSource(lifetime: 3600, now: clock.now), clock: clock, roleARN: nil)
        let token = fixture.parts.bearerToken.value
        try await fixture.application.test(.router) { client in
            do {
                let response = try await client.execute(
                    uri: "/credentials", method: .get, headers: [.authorization: token])
                #expect(try jsonFields(response.body)["RoleArn"] == nil)
                #expect(try jsonFields(response.body).count == 4)
            }
        }
    }

    @Test func refusesMissingAndWrongTokens() async throws {
        let clock = TestClock()
        let fixture = try await RouterFixture.make(
            .ecs, source: CountingSource(lifetime: 3600, now: clock.now), clock: clock)
        let token = fixture.parts.bearerToken.value
        try await fixture.application.test(.router) { client in
            do {
                let response = try await client.execute(uri: "/credentials", method: .get)
                #expect(response.status == .unauthorized)
                #expect(String(buffer: response.body) == #"{"error":{"message":"missing authorization token"}}"#)
            }
            // (A trailing space is no different token: HTTP strips whitespace around field values.)
            for wrong in [BearerToken.random().value, "Bearer \(token)", String(token.dropLast()), token + "0"] {
                let response = try await client.execute(
                    uri: "/credentials", method: .get, headers: [.authorization: wrong])
                #expect(response.status == .forbidden)
                #expect(!String(buffer: response.body).contains("ASIA"))
            }
            // Any other path needs the token too, and then does not exist.
            do {
                let response = try await client.execute(uri: "/latest/meta-data/", method: .get)
                #expect(response.status == .unauthorized)
            }
            do {
                let response = try await client.execute(uri: "/other", method: .get, headers: [.authorization: token])
                #expect(response.status == .notFound)
            }
        }
    }

    @Test func refusesForwardedRequestsEvenWithTheToken() async throws {
        let clock = TestClock()
        let fixture = try await RouterFixture.make(
            .ecs, source: CountingSource(lifetime: 3600, now: clock.now), clock: clock)
        let token = fixture.parts.bearerToken.value
        try await fixture.application.test(.router) { client in
            for header in [HTTPField.Name.xForwardedFor, .forwarded] {
                let response = try await client.execute(
                    uri: "/credentials", method: .get, headers: [.authorization: token, header: "203.0.113.9"]
                )
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body) == #"{"error":{"message":"forwarded requests are refused"}}"#)
            }
        }
    }

    @Test func sourceFailureGivesAConstant503WithoutTheErrorText() async throws {
        let clock = TestClock()
        let source = FailingSource()
        let fixture = try await RouterFixture.make(.ecs, source: source, clock: clock, prime: false)
        let token = fixture.parts.bearerToken.value
        try await fixture.application.test(.router) { client in
            do {
                let response = try await client.execute(
                    uri: "/credentials", method: .get, headers: [.authorization: token])
                #expect(response.status == .serviceUnavailable)
                #expect(String(buffer: response.body) == #"{"error":{"message":"credentials are unavailable"}}"#)
            }
        }
        #expect(source.callCount == 1)
    }

    @Test func refreshesThroughTheSourceWhenHeldCredentialsNearExpiry() async throws {
        let clock = TestClock()
        let source = CountingSource(lifetime: 900, now: clock.now)
        let fixture = try await RouterFixture.make(.ecs, source: source, clock: clock)
        let token = fixture.parts.bearerToken.value
        try await fixture.application.test(.router) { client in
            let first = try await client.execute(uri: "/credentials", method: .get, headers: [.authorization: token])
            clock.advance(by: 601)  // 299 s left, under the 300 s threshold
            let second = try await client.execute(uri: "/credentials", method: .get, headers: [.authorization: token])
            #expect(try jsonFields(first.body)["AccessKeyId"] == "ASIAKEY1")
            #expect(try jsonFields(second.body)["AccessKeyId"] == "ASIAKEY2")
            #expect(try jsonFields(second.body)["Expiration"] == "2027-01-15T08:25:01Z")
        }
        #expect(source.callCount == 2)
    }
}

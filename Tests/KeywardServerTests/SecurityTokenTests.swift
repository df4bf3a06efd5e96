import Foundation
import KeywardTestSupport
import Testing

@testable import KeywardServer

@Suite struct SecurityTokenTests {
    @Test func bearerTokensAre256RandomBitsInHex() {
        let first = BearerToken.random()
        let second = BearerToken.random()
        #expect(first.value.count == 64)
        #expect(first.value.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(first.value != second.value)
        #expect("\(first)" == "<redacted>")
    }

    @Test func bearerTokenMatchesOnlyItself() {
        let token = BearerToken.random()
        #expect(token.matches(token.value))
        #expect(!token.matches(String(token.value.dropLast()) + "x"))
        #expect(!token.matches(token.value + "0"))
        #expect(!token.matches(""))
        #expect(!token.matches(token.value.uppercased()))
    }

    @Test func constantTimeEqualityComparesWholeValues() {
        #expect(ConstantTime.equals(Array("abc".utf8), Array("abc".utf8)))
        #expect(!ConstantTime.equals(Array("abd".utf8), Array("abc".utf8)))
        #expect(!ConstantTime.equals(Array("ab".utf8), Array("abc".utf8)))
        #expect(ConstantTime.equals([UInt8](), []))
    }

    @Test func imdsTokensExpireAfterTheirTTL() {
        let clock = TestClock()
        let tokens = IMDSTokens(now: clock.now)
        let token = tokens.issue(ttl: 60)
        #expect(tokens.isValid(token))
        clock.advance(by: 59.9)
        #expect(tokens.isValid(token))
        clock.advance(by: 0.1)
        #expect(!tokens.isValid(token))
    }

    @Test func imdsTokensFromAnotherRunOrTamperedAreInvalid() throws {
        let clock = TestClock()
        let tokens = IMDSTokens(now: clock.now)
        let other = IMDSTokens(now: clock.now)
        let token = tokens.issue(ttl: 21_600)
        #expect(!other.isValid(token))
        var bytes = try #require(Data(base64Encoded: token))
        bytes[8] ^= 0x01  // stretch the expiry
        #expect(!tokens.isValid(bytes.base64EncodedString()))
        #expect(!tokens.isValid(""))
        #expect(!tokens.isValid("not base64 at all"))
        #expect(!tokens.isValid(String(repeating: "A", count: 56)))
    }

    @Test func ttlHeaderAcceptsOneToSixHoursInDecimalDigitsOnly() {
        #expect(IMDSTokenHandler.ttl(from: "1") == 1)
        #expect(IMDSTokenHandler.ttl(from: "21600") == 21_600)
        #expect(IMDSTokenHandler.ttl(from: "0") == nil)
        #expect(IMDSTokenHandler.ttl(from: "21601") == nil)
        #expect(IMDSTokenHandler.ttl(from: "-5") == nil)
        #expect(IMDSTokenHandler.ttl(from: "+5") == nil)
        #expect(IMDSTokenHandler.ttl(from: " 5") == nil)
        #expect(IMDSTokenHandler.ttl(from: "abc") == nil)
        #expect(IMDSTokenHandler.ttl(from: "") == nil)
        #expect(IMDSTokenHandler.ttl(from: "000060") == nil)
    }
}

import Foundation
import KeywardTestSupport
import Testing

@testable import KeywardAWS

@Suite("SigV4 timestamps")
struct SigV4TimestampTests {
    @Test(arguments: [
        (0.0, "19700101T000000Z"),
        (1_440_938_160.999, "20150830T123600Z"),
        (1_709_251_199, "20240229T235959Z"),
        (951_782_400, "20000229T000000Z"),
        (4_102_444_799, "20991231T235959Z"),
        (-0.5, "19691231T235959Z"),
        (-62_135_596_800, "00010101T000000Z"),
        (1e18, "99991231T235959Z"),
        (-1e18, "00000101T000000Z"),
        (.nan, "19700101T000000Z"),
    ])
    func formats(secondsSince1970: Double, expected: String) {
        let timestamp = SigV4Timestamp(Date(timeIntervalSince1970: secondsSince1970))
        #expect(timestamp.amzDate == expected)
        #expect(timestamp.dateStamp == String(expected.prefix(8)))
    }

    @Test func agreesWithISO8601FormattingOverManyInstants() {
        var random = SeededRandom(seed: 7)
        for _ in 0..<2000 {
            let date = Date(timeIntervalSince1970: Double(random.below(4_102_444_800)))
            let iso = date.formatted(.iso8601)  // 2015-08-30T12:36:00Z
            let expected = iso.replacingOccurrences(of: "-", with: "").replacingOccurrences(of: ":", with: "")
            #expect(SigV4Timestamp(date).amzDate == expected)
        }
    }
}

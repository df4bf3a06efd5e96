import Testing

@testable import KeywardSystem

@Suite("SecretString")
struct SecretStringTests {
    @Test func everyPrintedFormIsRedacted() {
        let secret = SecretString("hunter2")
        #expect(secret.description == "<redacted>")
        #expect("\(secret)" == "<redacted>")
        #expect(secret.debugDescription == "SecretString(<redacted>)")
        #expect(String(reflecting: secret) == "SecretString(<redacted>)")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(dumped.contains("hunter2") == false)
        #expect(Mirror(reflecting: secret).children.count == 0)
        #expect("\([secret])" == "[SecretString(<redacted>)]")
    }

    @Test func theValueIsThereWhenAskedFor() {
        let secret = SecretString("pässwörd")
        #expect(secret.unredacted == "pässwörd")
        #expect(secret.utf8Bytes == Array("pässwörd".utf8))
        #expect(secret.isEmpty == false)
        #expect(SecretString("").isEmpty)
        #expect(secret == SecretString("pässwörd"))
    }
}

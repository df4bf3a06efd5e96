import Testing

@testable import KeywardAWS

@Suite struct XMLElementTreeTests {
    @Test func parsesNamespacedQueryResponses() throws {
        let xml = """
            <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <GetCallerIdentityResult>
                <Arn>arn:aws:iam::123456789012:user/jo</Arn>
                <UserId>AIDAEXAMPLE</UserId>
                <Account>123456789012</Account>
              </GetCallerIdentityResult>
              <ResponseMetadata><RequestId>01234567-89ab</RequestId></ResponseMetadata>
            </GetCallerIdentityResponse>
            """
        let tree = try XMLElementTree.parse(Array(xml.utf8))
        #expect(tree.name == "GetCallerIdentityResponse")
        #expect(tree.descendant("GetCallerIdentityResult", "Arn")?.text == "arn:aws:iam::123456789012:user/jo")
        #expect(tree.descendant("ResponseMetadata", "RequestId")?.text == "01234567-89ab")
    }

    @Test func refusesDoctypesAndEntities() {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>
            """
        #expect(throws: XMLElementTree.ParseError(line: 1, reason: "DOCTYPE is not accepted")) {
            try XMLElementTree.parse(Array(xml.utf8))
        }
    }

    @Test func rejectsGarbage() {
        #expect(throws: XMLElementTree.ParseError.self) { try XMLElementTree.parse(Array("not xml".utf8)) }
        #expect(throws: XMLElementTree.ParseError.self) { try XMLElementTree.parse([]) }
    }
}

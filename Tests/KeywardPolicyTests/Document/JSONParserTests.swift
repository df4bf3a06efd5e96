import KeywardPolicy
import Testing

@Suite struct JSONParserTests {
    @Test func parsesEveryValueKindWithOffsets() throws {
        let root = try JSONParser.parse(#"{"a": [1, -2.5e3, true, false, null, "x\n\u00e9\ud83d\ude00"]}"#)
        guard case .object(let members) = root.value, case .array(let elements) = members[0].value.value else {
            Issue.record("expected an object holding an array")
            return
        }
        #expect(members[0].key == "a")
        #expect(members[0].keyOffset == 1)
        #expect(
            elements.map(\.value) == [
                .number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null, .string("x\né😀"),
            ])
        #expect(elements.map(\.offset) == [7, 10, 18, 24, 31, 37])
    }

    @Test func keepsDuplicateKeysInOrder() throws {
        let root = try JSONParser.parse(#"{"k": 1, "k": 2}"#)
        guard case .object(let members) = root.value else { return }
        #expect(members.map(\.key) == ["k", "k"])
    }

    @Test(arguments: [
        ("{\"a\" 1}", 5, "expected ':'"),
        ("[1, 2", 5, "unexpected end of input, expected ',' or ']'"),
        ("{\"a\": tru}", 6, "invalid literal, expected true"),
        ("\"abc", 4, "unterminated string"),
        ("[01]", 2, "expected ',' or ']'"),
        ("{} x", 3, "unexpected text after the JSON value"),
        ("\"\\q\"", 2, "invalid escape \\'q'"),
        ("\"\\ud800\"", 7, "unpaired surrogate in \\u escape"),
        ("", 0, "unexpected end of input, expected a value"),
        ("\"a\tb\"", 2, "control character in string"),
    ])
    func reportsWhereAndWhy(_ input: String, _ offset: Int, _ reason: String) {
        #expect(throws: JSONSyntaxError(offset: offset, reason: reason)) { try JSONParser.parse(input) }
    }

    @Test func limitsNesting() {
        let deep = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect(throws: JSONSyntaxError(offset: 128, reason: "nesting deeper than 128 levels")) {
            try JSONParser.parse(deep)
        }
    }

    @Test func locationsAreOneBased() {
        let bytes = Array("{\n  \"a\": x\n}".utf8)
        #expect(SourceLocation.of(offset: 9, in: bytes) == SourceLocation(line: 2, column: 8))
        #expect(SourceLocation.of(offset: 0, in: bytes).description == "1:1")
    }

    @Test func printsPoliciesIndented() throws {
        let root = try JSONParser.parse(#"{"Version":"2012-10-17","Statement":[{"Action":["a:b","c:d"],"Empty":{}}]}"#)
        #expect(
            JSONPrinter.print(root.value) == """
                {
                    "Version": "2012-10-17",
                    "Statement": [
                        {
                            "Action": [
                                "a:b",
                                "c:d"
                            ],
                            "Empty": {}
                        }
                    ]
                }
                """)
    }
}

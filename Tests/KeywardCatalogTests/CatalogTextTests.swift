import KeywardCatalog
import Testing

/// The line format `scripts/catalog-generate` writes, on small inline catalogues.
@Suite struct CatalogTextTests {
    static let small = """
        S\tdemo\tDemo Service
        K\tdemo:Color\tString
        K\tdemo:Sizes\tArrayOfString
        R\tthing\tarn:${Partition}:demo:${Region}:${Account}:thing/${ThingId}\t0
        A\tDeleteThing\tW\t0!=1\t0\tdemo:GetThing
        A\tGetThing\tR\t0\t\t
        A\tListThings\tL\t\t\t

        """

    @Test func readsEveryRecord() throws {
        let catalog = try ServiceCatalog(parsing: Self.small)
        let service = try #require(catalog.service("demo"))
        #expect(service.conditionKeys.map(\.name) == ["demo:Color", "demo:Sizes"])
        #expect(service.conditionKeys[1].isMultivalued)
        let delete = try #require(service.action("deletething"))
        #expect(delete.accessLevel == .write)
        #expect(delete.resources.map(\.required) == [true])
        #expect(delete.resources.first?.conditionKeys == ["demo:Sizes"])
        #expect(delete.resources.first?.resourceType.conditionKeys == ["demo:Color"])
        #expect(delete.conditionKeys == ["demo:Color"])
        #expect(delete.dependentActions == ["demo:GetThing"])
        #expect(delete.allConditionKeys == ["demo:Color", "demo:Sizes"])
        #expect(try #require(service.action("ListThings")).requiresStarResource)
        #expect(catalog.actions(matching: "demo:*Thing").map(\.name) == ["DeleteThing", "GetThing"])
    }

    @Test func refusesDamagedTextNamingTheLine() {
        let cases: [(String, CatalogError)] = [
            ("K\tdemo:Color\tString\n", .malformedData(line: 1, reason: "no service")),
            ("S\tdemo\tDemo\nA\tGet\tX\t\t\t\n", .malformedData(line: 2, reason: "unknown access level")),
            ("S\tdemo\tDemo\nA\tGet\tR\t3\t\t\n", .malformedData(line: 2, reason: "bad index")),
            ("S\tdemo\tDemo\nK\tdemo:a\tString\nA\tGet\tR\t\t1\t\n", .malformedData(line: 3, reason: "bad index")),
            ("S\tdemo\tDemo\nA\tGet\tR\n", .malformedData(line: 2, reason: "expected 6 fields")),
            ("S\tdemo\tDemo\nZ\tx\n", .malformedData(line: 2, reason: "unknown record type")),
            ("S\tdemo\tDemo\n\n", .malformedData(line: 2, reason: "no record type")),
        ]
        for (text, error) in cases {
            #expect(throws: error) { try ServiceCatalog(parsing: text) }
        }
    }
}

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

    /// The embedded form: a directory, then blocks read on first use (issue 14: validating a policy parses only
    /// the services it names). The second block is damaged; the first service still answers, because the
    /// second is never read until asked for, and `verify()` names the damaged line.
    static func directoryText(secondBlock: String) -> String {
        let first = "K\tdemo:Color\tString\nA\tGetThing\tR\t\t0\t\n"
        return "D\tdemo\tDemo\t1\t0\t1\t\(first.utf8.count)\n"
            + "D\tzeta\tZeta\t0\t0\t1\t\(secondBlock.utf8.count)\n" + first + secondBlock
    }

    @Test func readsEachServiceOfADirectoryOnFirstUse() throws {
        let catalog = try ServiceCatalog(parsing: Self.directoryText(secondBlock: "A\tList\tL\t\t\t\n"))
        #expect(catalog.services.map(\.prefix) == ["demo", "zeta"])
        #expect(catalog.actionCount == 2)
        #expect(catalog.action("demo:getthing")?.conditionKeys == ["demo:Color"])
        #expect(catalog.actions(matching: "*").map(\.fullName) == ["demo:GetThing", "zeta:List"])
        try catalog.verify()

        let damaged = try ServiceCatalog(parsing: Self.directoryText(secondBlock: "A\tList\tX\t\t\t\n"))
        #expect(damaged.action("demo:GetThing")?.accessLevel == .read)
        #expect(throws: CatalogError.malformedData(line: 5, reason: "unknown access level")) { try damaged.verify() }
        #expect(
            throws: CatalogError.malformedData(line: 1, reason: "block runs past the text")
        ) { try ServiceCatalog(parsing: "D\tdemo\tDemo\t0\t0\t1\t99\nA\tGet\tR\t\t\t\n") }
        #expect(
            throws: CatalogError.malformedData(line: 2, reason: "block does not match its directory line")
        ) { try ServiceCatalog(parsing: "D\tdemo\tDemo\t0\t0\t2\t11\nA\tGet\tR\t\t\t\n").verify() }
    }

    /// Every block of the catalogue compiled into the binary reads, and matches its directory.
    @Test func everyEmbeddedServiceReads() throws {
        let catalog = try ServiceCatalog.embedded()
        try catalog.verify()
        #expect(catalog.services.count == 445)
        #expect(catalog.actions(matching: "*").count == catalog.actionCount)
    }
}

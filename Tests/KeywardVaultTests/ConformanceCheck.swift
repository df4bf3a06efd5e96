import Foundation
import KeywardSystem
import KeywardTestSupport
import KeywardVault
import Testing

/// The behaviour every `SecretStore` must have, checked against each real backend.
enum ConformanceCheck: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case storeAndReadBack
    case list
    case overwrite
    case delete
    case missingItem
    case kindsAreSeparate
    case unicodeNames
    case unicodeSecrets
    case twoProcessesWritingAtOnce

    var testDescription: String { rawValue }

    func run(on backend: Backend) async throws {
        let fixture = try await backend.makeFixture()
        do {
            try await run(fixture)
        } catch {
            await fixture.cleanUp()
            throw error
        }
        await fixture.cleanUp()
    }

    private func run(_ fixture: BackendFixture) async throws {
        let store = fixture.store
        switch self {
        case .storeAndReadBack:
            let item = try VaultItem.accessKey(profile: "dev")
            try await store.store(SecretString("s3cret"), for: item)
            #expect(try await store.read(item) == SecretString("s3cret"))

        case .list:
            for name in ["prod", "dev", "staging"] {
                try await store.store(SecretString("key of \(name)"), for: .accessKey(profile: name))
            }
            try await store.store(SecretString("session"), for: VaultItem(kind: .session, name: "cache-1"))
            #expect(try await store.list(.accessKey) == ["dev", "prod", "staging"])
            #expect(try await store.list(.session) == ["cache-1"])

        case .overwrite:
            let item = try VaultItem.accessKey(profile: "dev")
            try await store.store(SecretString("first"), for: item)
            try await store.store(SecretString("second"), for: item)
            #expect(try await store.read(item) == SecretString("second"))
            #expect(try await store.list(.accessKey) == ["dev"])

        case .delete:
            let kept = try VaultItem.accessKey(profile: "kept")
            let gone = try VaultItem.accessKey(profile: "gone")
            try await store.store(SecretString("k"), for: kept)
            try await store.store(SecretString("g"), for: gone)
            #expect(try await store.delete(gone) == true)
            #expect(try await store.read(gone) == nil)
            #expect(try await store.delete(gone) == false)
            #expect(try await store.list(.accessKey) == ["kept"])
            #expect(try await store.read(kept) == SecretString("k"))

        case .missingItem:
            let item = try VaultItem.accessKey(profile: "never-stored")
            #expect(try await store.read(item) == nil)
            #expect(try await store.delete(item) == false)
            #expect(try await store.list(.accessKey) == [])
            #expect(try await store.list(.session) == [])

        case .kindsAreSeparate:
            try await store.store(SecretString("key"), for: VaultItem(kind: .accessKey, name: "dev"))
            try await store.store(SecretString("session"), for: VaultItem(kind: .session, name: "dev"))
            #expect(try await store.read(VaultItem(kind: .accessKey, name: "dev")) == SecretString("key"))
            #expect(try await store.read(VaultItem(kind: .session, name: "dev")) == SecretString("session"))
            #expect(try await store.delete(VaultItem(kind: .session, name: "dev")) == true)
            #expect(try await store.read(VaultItem(kind: .accessKey, name: "dev")) == SecretString("key"))

        case .unicodeNames:
            let names = [
                "prod-ü", "日本語のプロファイル", "emoji 🔑 key", "team/prod", ".hidden", "100%", "semi;colon:colon",
                "e\u{301}", "\u{E9}",
                // Issue 21, item 6: longer than 80 bytes, and than a file name may be (pass splits it).
                "long-" + String(repeating: "é", count: 150) + "/" + String(repeating: "x", count: 120),
            ]
            for name in names {
                try await store.store(SecretString("secret of \(name)"), for: .accessKey(profile: name))
            }
            // Compared scalar by scalar: "e\u{301}" and "\u{E9}" are equal Swift strings but two profiles.
            let listed = try await store.list(.accessKey)
            #expect(listed.map { Array($0.unicodeScalars) } == VaultItem.sorted(names).map { Array($0.unicodeScalars) })
            for name in names {
                let secret = try await store.read(.accessKey(profile: name))
                #expect(secret.map { Array($0.unredacted.unicodeScalars) } == Array("secret of \(name)".unicodeScalars))
            }

        case .unicodeSecrets:
            let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCY\n\"quoted\" \\ ünïcødé 🔐\ttab\nlast line without newline"
            let item = try VaultItem.accessKey(profile: "dev")
            try await store.store(SecretString(secret), for: item)
            #expect(try await store.read(item) == SecretString(secret))

        case .twoProcessesWritingAtOnce:
            try await writeFromTwoWriters(fixture)
        }
    }

    private func writeFromTwoWriters(_ fixture: BackendFixture) async throws {
        let count = 12
        if let options = fixture.helperOptions {
            // Both writers start before either is awaited, so they race.
            let writers = try ["a", "b"].map { prefix in
                try TestProcess(
                    URL(fileURLWithPath: helperExecutable),
                    ["write"] + options + ["--prefix", prefix, "--count", "\(count)"], environment: testEnvironment,
                    stdin: fixture.helperInput)
            }
            for writer in writers {
                let result = await writer.outcome()
                #expect(result.status == 0, "helper failed: \(result.stderr)")
            }
        } else {
            try await withThrowingTaskGroup(of: Void.self) { group in
                for prefix in ["a", "b"] {
                    group.addTask {
                        for number in 0..<count {
                            try await fixture.store.store(
                                SecretString("secret-of-\(prefix)-\(number)"),
                                for: .accessKey(profile: "\(prefix)-\(number)"))
                        }
                    }
                }
                try await group.waitForAll()
            }
        }
        let expected = ["a", "b"].flatMap { prefix in (0..<count).map { "\(prefix)-\($0)" } }.sorted()
        #expect(try await fixture.store.list(.accessKey) == expected)
        for name in expected {
            #expect(try await fixture.store.read(.accessKey(profile: name)) == SecretString("secret-of-\(name)"))
        }
    }
}

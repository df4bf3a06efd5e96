import Foundation
import KeywardConfig
import KeywardTestSupport
import Testing

@Suite("Fuzzing the parser: no crash, no hang, lossless whenever it parses")
struct FuzzTests {
    @Test("random bytes either parse and round-trip byte for byte, or give a ConfigError")
    func randomBytes() {
        var generator = SeededRandom(seed: 0x6B65_7977_6172_6401)
        var parsed = 0
        for _ in 0..<1500 {
            let bytes = FuzzInput.randomBytes(&generator)
            for kind in [ConfigFile.Kind.config, .credentials] {
                if let file = try? ConfigFile(data: Data(bytes), fileName: "fuzz", kind: kind) {
                    parsed += 1
                    #expect(Array(file.text.utf8) == bytes)
                }
            }
        }
        #expect(parsed > 0)
    }

    @Test("mutated realistic files round-trip, edit locally and resolve without looping")
    func mutations() throws {
        var generator = SeededRandom(seed: 0x6B65_7977_6172_6402)
        var parsed = 0
        for _ in 0..<1500 {
            let bytes = FuzzInput.mutation(&generator, validUTF8: Bool.random(using: &generator))
            guard let file = try? ConfigFile(data: Data(bytes), fileName: "fuzz") else { continue }
            parsed += 1
            #expect(Array(file.text.utf8) == bytes)
            checkEdits(file, &generator)
            checkResolution(file)
        }
        #expect(parsed > 300)
    }

    /// Changing an existing one-line value touches only its line; adding a key and removing it again restores
    /// the file; removing a section leaves a readable file.
    private func checkEdits(_ file: ConfigFile, _ generator: inout SeededRandom) {
        // Only [DEFAULT] may repeat, and edits go to the first section with a header.
        guard let section = file.sections.randomElement(using: &generator),
            file.section(named: section.header)?.line == section.line
        else { return }
        let before = physicalLines(Array(file.text.utf8))
        if let entry = section.entries.randomElement(using: &generator), entry.line == entry.lastLine {
            var edited = file
            #expect(throws: Never.self) {
                try edited.setValue("fuzzed-value", forKey: entry.key, inSection: section.header)
            }
            let after = physicalLines(Array(edited.text.utf8))
            #expect(after.count == before.count)
            for index in before.indices where index != entry.line - 1 && index < after.count {
                #expect(after[index] == before[index])
            }
        }
        if let last = file.text.utf8.last, last == 0x0A || last == 0x0D {
            var added = file
            #expect(throws: Never.self) {
                try added.setValue("v", forKey: "keyward_fuzz_key", inSection: section.header)
                try added.removeValue(forKey: "keyward_fuzz_key", inSection: section.header)
            }
            #expect(Array(added.text.utf8) == Array(file.text.utf8))
        }
        var removed = file
        #expect(throws: Never.self) { try removed.removeSection(named: section.header) }
    }

    private func checkResolution(_ file: ConfigFile) {
        let resolver = ProfileResolver(config: file, credentials: nil, environment: [:])
        for name in resolver.profileNames {
            if let resolved = try? resolver.resolve(name) {
                #expect(resolved.chain.count <= resolver.profileNames.count + 1)
                _ = try? resolver.endpointURL(for: .sts, profile: resolved.profile)
            }
        }
    }

    /// Lines with their terminators, split as Python's universal newlines split them.
    private func physicalLines(_ bytes: [UInt8]) -> [[UInt8]] {
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        var index = 0
        while index < bytes.count {
            current.append(bytes[index])
            if bytes[index] == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                current.append(0x0A)
                index += 1
            }
            if bytes[index] == 0x0A || bytes[index] == 0x0D {
                lines.append(current)
                current = []
            }
            index += 1
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }
}

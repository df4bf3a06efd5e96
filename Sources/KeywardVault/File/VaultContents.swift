import FoundationEssentials

/// The decrypted contents of the vault file: a list of secrets, as UTF-8 JSON.
///
/// Kinds are kept as strings, so items of a kind written by a newer Keyward survive being rewritten by
/// this one. Names are matched by Unicode scalars, as `VaultItem` compares them.
/// ```json
/// {"items":[{"kind":"access-key","name":"dev","secret":"…"}],"version":1}
/// ```
struct VaultContents: Codable, Equatable {
    struct Record: Codable, Equatable {
        var kind: String
        var name: String
        var secret: String
    }

    var version = 1
    var items: [Record] = []

    subscript(item: VaultItem) -> String? {
        get { items.first { matches($0, item) }?.secret }
        set {
            let index = items.firstIndex { matches($0, item) }
            switch (index, newValue) {
            case (let index?, let secret?): items[index].secret = secret
            case (let index?, nil): items.remove(at: index)
            case (nil, let secret?): items.append(Record(kind: item.kind.rawValue, name: item.name, secret: secret))
            case (nil, nil): break
            }
        }
    }

    func names(of kind: VaultItem.Kind) -> [String] {
        VaultItem.sorted(items.filter { $0.kind == kind.rawValue }.map(\.name))
    }

    func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(self))
    }

    static func decode(_ bytes: [UInt8], file: String) throws(VaultError) -> VaultContents {
        do {
            return try JSONDecoder().decode(VaultContents.self, from: Data(bytes))
        } catch {
            throw .damaged(file: file, reason: "decrypted contents are not Keyward's JSON")
        }
    }

    private func matches(_ record: Record, _ item: VaultItem) -> Bool {
        record.kind == item.kind.rawValue && record.name.unicodeScalars.elementsEqual(item.name.unicodeScalars)
    }
}

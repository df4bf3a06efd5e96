/// The known names closest to a misspelled one, for "did you mean" messages (`exec admn` names `admin`).
///
/// Closeness is the optimal-string-alignment distance (insertions, deletions, substitutions and swaps of
/// neighbours, each 1), compared case-insensitively; a name counts when at most a third of the typed
/// name's length (and at least 1) differs, or when one name starts with the other.
public enum NameSuggestions {
    /// Up to `limit` names, closest first, ties in alphabetical order; never `name` itself.
    /// - Parameters:
    ///   - name: what was typed.
    ///   - candidates: the names that exist (duplicates are ignored).
    ///   - limit: how many to return, at least 1.
    public static func closest(to name: String, among candidates: [String], limit: Int = 3) -> [String] {
        let typed = Array(name.lowercased())
        let allowed = max(1, typed.count / 3)
        var scored: [(distance: Int, name: String)] = []
        for candidate in Set(candidates) where candidate != name {
            let other = Array(candidate.lowercased())
            let distance = Self.distance(typed, other)
            let prefix = !typed.isEmpty && !other.isEmpty && (other.starts(with: typed) || typed.starts(with: other))
            if distance <= allowed || prefix { scored.append((distance, candidate)) }
        }
        return scored.sorted { ($0.distance, $0.name) < ($1.distance, $1.name) }.prefix(max(1, limit)).map(\.name)
    }

    /// The optimal-string-alignment distance between two character arrays.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [Int](repeating: 0, count: b.count + 1)
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            previous2 = previous
            previous = current
        }
        return previous[b.count]
    }
}

/// The classes of strings a set of patterns can tell apart, each with a witness: the automaton product of
/// the patterns, built by subset construction and searched breadth first, so every combination of
/// "matches these, not those" that some string realises is found, with the shortest such string.
///
/// A matcher is a conjunction of globs: an ARN pattern is its field-wise glob and ``Glob/arnShape``.
struct StringSpace: Sendable {
    /// One matcher: all its globs must match.
    struct Matcher: Sendable, Hashable {
        var globs: [Glob]
        /// The matcher names one string (no wildcard in its own pattern), so its class is finite.
        var isExact: Bool
    }

    /// One class: which matchers its strings match, and one of them.
    struct Atom: Sendable, Equatable {
        var signature: [Bool]
        var witness: String
        /// Some matcher of the signature is exact: only finitely many strings are in the class (an outsider
        /// cannot present one without knowing it).
        var pinned: Bool
    }

    var matchers: [Matcher] = []

    /// The most automaton states explored before giving up (the answer is then `UNKNOWN`).
    static let stateLimit = 20_000

    /// Adds a matcher and returns its index.
    @discardableResult
    mutating func add(_ globs: [Glob], exact: Bool) -> Int {
        let matcher = Matcher(globs: globs, isExact: exact)
        if let existing = matchers.firstIndex(of: matcher) { return existing }
        matchers.append(matcher)
        return matchers.count - 1
    }

    /// Every realisable class, the one matching nothing included.
    ///
    /// - Parameter preferred: candidate texts (catalogue actions, say) used as witnesses when they fall in
    ///   a class, for answers people recognise.
    /// - Throws: ``Undecidable`` past ``stateLimit`` states.
    func atoms(preferred: [String] = []) throws(Undecidable) -> [Atom] {
        let globs = Array(Set(matchers.flatMap(\.globs)))
        let globIndex = Dictionary(uniqueKeysWithValues: globs.enumerated().map { ($1, $0) })
        let conjunctions = matchers.map { $0.globs.map { globIndex[$0]! } }
        var alphabet: Set<Unicode.Scalar> = [":"]
        for glob in globs { alphabet.formUnion(glob.alphabet) }
        alphabet.insert(StringSpace.otherScalar(avoiding: alphabet))
        let letters = alphabet.sorted { $0.value < $1.value }

        typealias State = [[Int]]
        func signature(_ state: State) -> [Bool] {
            conjunctions.map { indices in indices.allSatisfy { state[$0].contains(globs[$0].tokens.count) } }
        }
        let start: State = globs.map { $0.closure([0]) }
        var seen: [State: Int] = [start: 0]
        var queue: [(State, String)] = [(start, "")]
        var found: [[Bool]: String] = [:]
        var order: [[Bool]] = []
        var head = 0
        while head < queue.count {
            let (state, text) = queue[head]
            head += 1
            let sig = signature(state)
            if found[sig] == nil {
                found[sig] = text
                order.append(sig)
            }
            // A state where every glob is dead only leads to itself.
            guard state.contains(where: { !$0.isEmpty }) else { continue }
            for letter in letters {
                let next = zip(globs, state).map { glob, positions in
                    positions.isEmpty ? positions : glob.step(positions, letter)
                }
                guard seen[next] == nil else { continue }
                seen[next] = seen.count
                if seen.count > StringSpace.stateLimit {
                    throw Undecidable(reason: "more than \(StringSpace.stateLimit) pattern states")
                }
                var extended = text
                extended.unicodeScalars.append(letter)
                queue.append((next, extended))
            }
        }
        var preferredBySignature: [[Bool]: String] = [:]
        for text in preferred {
            let sig = matchers.map { matcher in matcher.globs.allSatisfy { $0.matches(text) } }
            if preferredBySignature[sig] == nil { preferredBySignature[sig] = text }
        }
        return order.map { sig in
            Atom(
                signature: sig, witness: preferredBySignature[sig] ?? found[sig]!,
                pinned: zip(sig, matchers).contains { $0 && $1.isExact })
        }
    }

    /// A character no pattern names, standing for all such characters.
    static func otherScalar(avoiding used: Set<Unicode.Scalar>) -> Unicode.Scalar {
        for candidate in "zqxjkvwyb0123456789~#".unicodeScalars
        where !used.contains(candidate) && !used.contains(Glob.upper(candidate)) {
            return candidate
        }
        var value: UInt32 = 0x100
        while used.contains(Unicode.Scalar(value)!) { value += 1 }
        return Unicode.Scalar(value)!
    }
}

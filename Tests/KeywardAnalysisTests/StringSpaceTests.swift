import KeywardCatalog
import KeywardPolicy
import Testing

@testable import KeywardAnalysis

/// The witnesses of pattern classes are constructed, and each really lies in its class: checked with the
/// catalogue's own wildcard matcher, an implementation independent of the automaton.
@Suite struct StringSpaceTests {
    static func space(_ patterns: [String], folded: Bool = false) throws -> StringSpace {
        var space = StringSpace()
        for pattern in patterns {
            let parsed = PolicyPattern(pattern, variables: false, wildcards: true)
            space.add([try Glob(parsed, folded: folded, origin: "test")], exact: !parsed.hasWildcards)
        }
        return space
    }

    @Test func everyCombinationOfTwoOverlappingPatternsHasAWitness() throws {
        let patterns = ["a*", "*b"]
        let atoms = try Self.space(patterns).atoms()
        #expect(Set(atoms.map(\.signature)) == [[false, false], [true, false], [false, true], [true, true]])
        for atom in atoms {
            let actual = patterns.map { Wildcard.matches($0, atom.witness, foldCase: false) }
            #expect(actual == atom.signature, "\(atom.witness)")
        }
    }

    /// A string matching one glob and not another is found even when it must be long: `*x?y*` minus
    /// `*xay*` and `*xby*` needs a third character between x and y.
    @Test func aWitnessAvoidingSeveralPatternsIsConstructed() throws {
        let patterns = ["*x?y*", "*xay*", "*xby*"]
        let atoms = try Self.space(patterns).atoms()
        let only = try #require(atoms.first { $0.signature == [true, false, false] })
        #expect(Wildcard.matches("*x?y*", only.witness, foldCase: false))
        #expect(!Wildcard.matches("*xay*", only.witness, foldCase: false))
        #expect(!Wildcard.matches("*xby*", only.witness, foldCase: false))
        // Nothing matches `*xay*` without matching `*x?y*`.
        #expect(!atoms.contains { $0.signature == [false, true, false] })
    }

    @Test(arguments: [
        ["s3:Get*", "s3:GetObject", "s3:*Object", "*"], ["iam:*User*", "iam:CreateUser", "IAM:create*"],
        ["?", "??", "*?*?*", "a?b"], ["arn*", "*::*", "a:b:c"],
    ])
    func witnessesLieInTheirClass(_ patterns: [String]) throws {
        for folded in [false, true] {
            let atoms = try Self.space(patterns, folded: folded).atoms()
            #expect(Set(atoms.map(\.signature)).count == atoms.count)
            for atom in atoms {
                let actual = patterns.map { Wildcard.matches($0, atom.witness, foldCase: folded) }
                #expect(actual == atom.signature, "\(patterns) \(atom.witness)")
            }
        }
    }

    /// An ARN pattern's wildcards do not cross the colons between fields, as the evaluator splits ARNs.
    @Test func arnFieldsKeepTheirColons() throws {
        let glob = try #require(try Glob.arn("arn:aws:iam::*:role/x", variables: true, origin: "test"))
        #expect(glob.matches("arn:aws:iam::111122223333:role/x"))
        #expect(!glob.matches("arn:aws:iam::1:2:role/x"))
        let last = try #require(try Glob.arn("arn:aws:logs:*", variables: true, origin: "test"))
        #expect(last.matches("arn:aws:logs:eu-west-1:1:log-group:a:b"))
        #expect(Glob.arnShape.matches("arn:::::"))
        #expect(!Glob.arnShape.matches("arn::::"))
    }

    @Test func aPolicyVariableIsUndecidable() {
        let pattern = PolicyPattern("arn:aws:s3:::home/${aws:username}/*", variables: true, wildcards: true)
        #expect(throws: Undecidable.self) { try Glob(pattern, folded: false, origin: "Resource") }
    }
}

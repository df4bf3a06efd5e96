import ArgumentParser
import Foundation
import KeywardCatalog

/// `keyward policy actions PATTERN...`: the actions a pattern grants, from the catalogue in the binary.
struct PolicyActionsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actions",
        abstract: "List the actions that action patterns match (s3:Get*, *:Describe*, iam:*Policy*).",
        discussion: """
            Matches as IAM does: * and ? wildcards, case-insensitive. Prints one action per line with its access \
            level and resource types (a * after a type marks it required); --json prints one array.
            """
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "Action patterns.")
    var patterns: [String]

    @Option(
        name: .customLong("access-level"),
        help: "Only actions of this level: list, read, write, permissions-management, tagging.")
    var accessLevel: AccessLevelArgument?

    @Flag(help: "Print JSON.")
    var json = false

    /// The access level as typed on the command line (`permissions-management`, `Read`, ...).
    struct AccessLevelArgument: ExpressibleByArgument {
        var level: AccessLevel

        init?(argument: String) {
            guard let level = AccessLevel(userText: argument) else { return nil }
            self.level = level
        }

        static var allValueStrings: [String] {
            ["list", "read", "write", "permissions-management", "tagging"]
        }
    }

    /// One line of `--json`.
    struct Entry: Encodable {
        var action: String
        var accessLevel: String
        var resourceTypes: [Resource]
        var conditionKeys: [String]
        var dependentActions: [String]

        struct Resource: Encodable {
            var name: String
            var arn: String
            var required: Bool
        }
    }

    func run() async throws {
        let actions = try ServiceCatalog.embedded().expand(patterns, accessLevel: accessLevel?.level)
        var output = ""
        if json {
            let entries = actions.map { action in
                Entry(
                    action: action.fullName, accessLevel: action.accessLevel.rawValue,
                    resourceTypes: action.resources.map {
                        Entry.Resource(
                            name: $0.resourceType.name, arn: $0.resourceType.arnFormat, required: $0.required)
                    },
                    conditionKeys: action.allConditionKeys, dependentActions: action.dependentActions)
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            output = String(decoding: try encoder.encode(entries), as: UTF8.self) + "\n"
        } else {
            for action in actions {
                let resources = action.resources.map { $0.resourceType.name + ($0.required ? "*" : "") }
                output +=
                    "\(action.fullName)\t\(action.accessLevel.rawValue)\t"
                    + (resources.isEmpty ? "-" : resources.joined(separator: ", ")) + "\n"
            }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
    }
}

import ArgumentParser
import Foundation
import KeywardCatalog
import KeywardPolicy

/// `keyward policy summary FILE`: what a policy grants, per service, as the IAM console summarizes it.
struct PolicySummaryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summary",
        abstract: "Summarize what a policy grants per service: access levels, resources, conditions.",
        discussion:
            "Actions are expanded through the service catalogue; a Deny on \"*\" without conditions is subtracted."
    )

    @OptionGroup var global: GlobalOptions

    @Argument(help: "The policy file.")
    var file: String

    @Option(help: "How the policy is attached: \(PolicyKind.allCases.map(\.rawValue).joined(separator: ", ")).")
    var kind: PolicyKind = .identity

    @Flag(help: "Print JSON.")
    var json = false

    struct Output: Encodable {
        var services: [Service]
        var unknownActions: [String]

        struct Service: Encodable {
            var prefix: String
            var name: String
            var access: String
            var levels: [String: Level]
            var resources: [String]
            var conditions: [String]
            var actions: [String]
        }

        struct Level: Encodable {
            var granted: Int
            var total: Int
        }
    }

    func run() async throws {
        let document = try PolicyDocument.parse(try PolicyFiles.read(file), source: file, kind: kind)
        let summary = PolicySummary(document, catalog: try ServiceCatalog.embedded())
        guard json else {
            FileHandle.standardOutput.write(Data(summary.text.utf8))
            return
        }
        let output = Output(
            services: summary.services.map { service in
                Output.Service(
                    prefix: service.prefix, name: service.name, access: service.access,
                    levels: Dictionary(
                        uniqueKeysWithValues: service.levels.map {
                            ($0.level.rawValue, Output.Level(granted: $0.granted, total: $0.total))
                        }),
                    resources: service.resources, conditions: service.conditions, actions: service.actions)
            }, unknownActions: summary.unknownPatterns)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(Data(try encoder.encode(output)) + Data("\n".utf8))
    }
}

import ArgumentParser

/// `keyward policy`: parse, validate, simulate and generate IAM policies locally.
struct PolicyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "policy",
        abstract: "Simulate, validate and generate IAM policies locally.",
        subcommands: [
            PolicySimulateCommand.self, PolicyValidateCommand.self, PolicyActionsCommand.self,
            PolicySummaryCommand.self,
            PolicyTemplateCommand.self, PolicyCanCommand.self, PolicyAccessCommand.self,
            PolicyCheckNoNewAccessCommand.self, PolicyCheckAccessNotGrantedCommand.self,
            PolicyCheckNoPublicAccessCommand.self,
        ]
    )
}

import ArgumentParser

/// Lets the global options come before the subcommand as well as after it: `keyward --debug exec ro ...`
/// and `keyward --backend file list` work like `keyward exec --debug ro ...` (issue 21, item 11).
///
/// argument-parser gives options to the command that declares them, and `GlobalOptions` is declared by each
/// subcommand, so the options typed before the subcommand are moved to just after its name (the whole
/// path, `policy can`), where that command parses them; a command that does not take them refuses them
/// there with argument-parser's usual message.
enum GlobalOptionPlacement {
    /// The command line with leading global options moved after the subcommand's name.
    /// - Parameter arguments: the arguments after the program name.
    /// - Returns: the same arguments when none lead, or when no subcommand follows them.
    static func arranged(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            if argument == "--debug" || argument.hasPrefix("--backend=") {
                leading.append(argument)
                index += 1
            } else if argument == "--backend", index + 1 < arguments.count {
                leading += [argument, arguments[index + 1]]
                index += 2
            } else {
                break
            }
        }
        guard !leading.isEmpty else { return arguments }
        var command: ParsableCommand.Type = Keyward.self
        let pathStart = index
        while index < arguments.count, let next = subcommand(of: command, named: arguments[index]) {
            command = next
            index += 1
        }
        guard index > pathStart else { return arguments }
        return Array(arguments[pathStart..<index]) + leading + Array(arguments[index...])
    }

    private static func subcommand(of command: ParsableCommand.Type, named name: String) -> ParsableCommand.Type? {
        command.configuration.subcommands.first { candidate in
            candidate._commandName == name || candidate.configuration.aliases.contains(name)
        }
    }
}

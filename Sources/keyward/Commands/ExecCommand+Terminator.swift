import ArgumentParser

extension ExecCommand {
    /// `exec`'s arguments with a `--` inserted before the command when there is none, so that
    /// `keyward exec ro aws sts get-caller-identity` works as in aws-vault (issue 21, item 10).
    ///
    /// The command starts at the first argument, after the profile, that is not one of exec's options or an
    /// option's value. Which arguments those are is asked of argument-parser itself rather than of a copy of
    /// exec's option list: the command starts at the first argument `k` not starting with `-` such that
    /// everything before it parses as an exec command line on its own (so `--duration 1h` keeps its `1h`,
    /// and the profile comes first). When no such split parses, the arguments are left alone for the parser
    /// to report.
    /// - Parameter arguments: the arguments after `exec`.
    /// - Returns: them with `--` before the command, or unchanged.
    static func insertingTerminator(_ arguments: [String]) -> [String] {
        guard !arguments.contains("--") else { return arguments }
        for index in arguments.indices.dropFirst() where !arguments[index].hasPrefix("-") {
            let head = Array(arguments[..<index])
            guard head.contains(where: { !$0.hasPrefix("-") }), (try? parse(head)) != nil else { continue }
            return head + ["--"] + arguments[index...]
        }
        return arguments
    }
}

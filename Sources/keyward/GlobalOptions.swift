import ArgumentParser
import KeywardVault
import Logging

/// Flags every command accepts, pulled in with `@OptionGroup`.
struct GlobalOptions: ParsableArguments {
    @Flag(name: .long, help: "Log what Keyward does to stderr (never a secret).")
    var debug = false

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Where long-lived keys are kept: file, keyctl, secret-service or pass (else KEYWARD_BACKEND, else the "
                + "Secret Service when a session bus answers, else the file store).", valueName: "backend"))
    var backend: String?

    /// A logger that is silent unless `--debug` was given, writing to stderr.
    func makeLogger(label: String = "keyward") -> Logger {
        var logger = Logger(label: label) { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = debug ? .debug : .critical
        return logger
    }
}

import ArgumentParser

/// `--debug` alone, for the commands that never open a vault (`policy template`, `validate`, `simulate`):
/// offering `--backend` there said it meant something (issue 21, item 15).
struct DebugOption: ParsableArguments {
    @Flag(name: .long, help: "Log what Keyward does to stderr (never a secret).")
    var debug = false
}

import KeywardSystem

extension PassSecretStore {
    /// How to run `pass`, built from values the caller passes in (never from the process environment).
    public struct Configuration: Sendable, Equatable {
        /// Variables handed on to `pass` and `gpg` from the caller's environment: what they need to find
        /// programs, the GPG agent and a pinentry, and `pass`'s own settings. Nothing else is passed, so
        /// `AWS_*` credentials or other secrets in the caller's environment never reach the child.
        public static let passedVariables: Set<String> = [
            "PATH", "HOME", "USER", "LOGNAME", "LANG", "LC_ALL", "LC_CTYPE", "LC_MESSAGES", "TERM", "TMPDIR",
            "GNUPGHOME", "GPG_TTY", "GPG_AGENT_INFO", "DISPLAY", "WAYLAND_DISPLAY", "XDG_RUNTIME_DIR",
            "DBUS_SESSION_BUS_ADDRESS", "PASSWORD_STORE_DIR", "PASSWORD_STORE_KEY", "PASSWORD_STORE_GPG_OPTS",
            "PASSWORD_STORE_UMASK", "PASSWORD_STORE_SIGNING_KEY",
        ]

        /// The `pass` program's absolute path.
        public var executable: String
        /// The password store's directory (`PASSWORD_STORE_DIR`, else `~/.password-store`).
        public var storeDirectory: String
        /// The first component of every entry, `keyward`.
        public var entryPrefix: String
        /// How long one `pass` command may take before it is killed (a pinentry nobody answers).
        public var timeout: Duration
        /// The child's complete environment.
        public private(set) var childEnvironment: [String: String]

        /// A configuration from explicit values.
        /// - Parameters:
        ///   - executable: the `pass` program's absolute path.
        ///   - storeDirectory: the password store's directory.
        ///   - gnupgHome: GnuPG's home directory for the child, if not the default.
        ///   - environment: the caller's environment; only `passedVariables` are handed on.
        ///   - entryPrefix: the first component of every entry, `keyward` unless told otherwise.
        ///   - timeout: how long one `pass` command may take.
        public init(
            executable: String, storeDirectory: String, gnupgHome: String? = nil,
            environment: [String: String] = [:], entryPrefix: String = "keyward", timeout: Duration = .seconds(120)
        ) {
            self.executable = executable
            self.storeDirectory = storeDirectory
            self.entryPrefix = entryPrefix
            self.timeout = timeout
            var child = environment.filter { Self.passedVariables.contains($0.key) }
            child["PASSWORD_STORE_DIR"] = storeDirectory
            if let gnupgHome { child["GNUPGHOME"] = gnupgHome }
            if child["PATH"] == nil { child["PATH"] = "/usr/local/bin:/usr/bin:/bin" }
            self.childEnvironment = child
        }

        /// A configuration from the caller's environment, as `pass` itself would read it: the program
        /// from `PATH`, the store from `PASSWORD_STORE_DIR` or `HOME`, GnuPG from `GNUPGHOME`.
        /// - Parameter environment: the caller's environment (the CLI's `Environment` values).
        /// - Throws: `VaultError.backendUnavailable` when `pass` is not on `PATH` or no store can be located.
        public init(environment: [String: String]) throws(VaultError) {
            guard let executable = ExecutableSearch.find("pass", in: environment["PATH"]) else {
                throw .backendUnavailable(.pass, reason: "the pass program is not on PATH")
            }
            let store: String
            if let directory = environment["PASSWORD_STORE_DIR"], !directory.isEmpty {
                store = directory
            } else if let home = environment["HOME"], !home.isEmpty {
                store = home + "/.password-store"
            } else {
                throw .backendUnavailable(.pass, reason: "neither PASSWORD_STORE_DIR nor HOME is set")
            }
            self.init(executable: executable, storeDirectory: store, environment: environment)
        }
    }
}

import KeywardSystem

/// Where the file store gets its passphrase, asked only when a vault file must be opened or created.
///
/// The CLI passes `KEYWARD_FILE_PASSPHRASE` as `.fixed`, or a closure that prompts on the terminal (twice
/// when creating, to catch typos). The store asks at most once per instance and never while it holds
/// the vault's lock, so a person taking their time at the prompt does not block other processes.
///
/// ```swift
/// let source = PassphraseSource { request throws(VaultError) in
///     do {
///         return try TerminalPrompt().readSecret(prompt: "Passphrase for \(request.file): ")
///     } catch {
///         throw .passphraseUnavailable(file: request.file, reason: error.description)
///     }
/// }
/// ```
public struct PassphraseSource: Sendable {
    /// Why the passphrase is needed.
    public struct Request: Sendable, Equatable {
        /// Whether the vault file exists or is about to be created.
        public enum Purpose: Sendable, Equatable {
            /// To open an existing vault file.
            case unlock
            /// To create a new vault file: ask twice.
            case create
        }

        /// Why.
        public let purpose: Purpose
        /// The vault file's path, for the prompt.
        public let file: String

        /// Describes a request.
        /// - Parameters:
        ///   - purpose: unlock or create.
        ///   - file: the vault file's path.
        public init(purpose: Purpose, file: String) {
            self.purpose = purpose
            self.file = file
        }
    }

    private let provide: @Sendable (Request) throws(VaultError) -> SecretString

    /// A source that runs `provide` when a passphrase is needed.
    /// - Parameter provide: returns the passphrase, or throws (typically `passphraseUnavailable`).
    public init(_ provide: @escaping @Sendable (Request) throws(VaultError) -> SecretString) {
        self.provide = provide
    }

    /// A source that always answers `passphrase` (automation: `KEYWARD_FILE_PASSPHRASE`, tests).
    /// - Parameter passphrase: the passphrase.
    /// - Returns: the source.
    public static func fixed(_ passphrase: SecretString) -> PassphraseSource {
        PassphraseSource { _ throws(VaultError) in passphrase }
    }

    /// Asks for the passphrase.
    /// - Parameter request: why it is needed.
    /// - Returns: the passphrase.
    /// - Throws: whatever the source throws.
    public func passphrase(for request: Request) throws(VaultError) -> SecretString {
        try provide(request)
    }
}

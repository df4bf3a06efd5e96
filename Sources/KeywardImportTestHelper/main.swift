// A child process for the import kill test: runs `KeyImport` (offline, with scrub) exactly as
// `keyward import --offline --scrub` does, and kills itself with SIGKILL right after its Nth durable write,
// so the test can stop it between any two steps. Not part of the product: the hook lives only here.
//
//   KeywardImportTestHelper CREDENTIALS-FILE KEYWARD-HOME KILL-AFTER-WRITES
//
// The vault passphrase comes on the first line of standard input, never in arguments.
import Foundation
import Glibc
import KeywardConfig
import KeywardFederation
import KeywardSystem
import KeywardVault

let arguments = CommandLine.arguments
guard arguments.count == 4, let limit = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: KeywardImportTestHelper FILE HOME N\n".utf8))
    exit(2)
}
let path = arguments[1]
let passphrase = readLine(strippingNewline: true) ?? ""
guard let file = try ConfigFile.load(path: path, displayName: path, kind: .credentials) else { exit(2) }
let store = FileSecretStore(directory: arguments[2], passphrase: .fixed(SecretString(passphrase)))
/// Runs the import; a function, so the run is a local value rather than a main-actor global.
func importAll() async throws {
    var run = KeyImport(
        credentialsFile: SharedCredentialsFile(path: path, displayName: path), vault: KeyVault(store: store),
        scrub: true, report: { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) },
        afterDurableWrite: { writes in
            if writes >= limit { kill(getpid(), SIGKILL) }
        })
    for candidate in ImportCandidate.all(in: file) { try await run.importProfile(candidate) }
}
try await importAll()

// The helper's modes for the vault-key cache (issue 12, item 3), which must run in processes whose session
// keyring the test chooses: the test process's own may be the user-session keyring, shared by every
// process of the user without a login session.
//
//   KeywardVaultTestHelper vault-unlock --directory D --ttl SECONDS --passphrase stdin|refuse
//                                       [--join-session yes] [--then-again yes]
//       opens the vault file in D through a VaultKeyCache and reads the item "dev", printing
//         own session keyring: yes|no
//         notice: TEXT                      (when the cache declines to keep the key)
//         asked: N                          (how often the passphrase was asked for)
//         read: VALUE
//         cached: none | SERIAL PERM        (the cached key found in this process's @s, perm in hex)
//       --join-session yes first joins a new anonymous session keyring, as pam_keyinit does at login;
//       --then-again yes then runs the same read in a child (same session keyring, passphrase refused;
//       its lines prefixed "again: ") and tries the cached key from a process in another session keyring
//       ("outsider read: ok|refused").
//   KeywardVaultTestHelper read-key --serial N
//       joins a new session keyring and tries to read key N: prints "read: ok" or "read: refused"
import CKeyutils
import Glibc
import KeywardSystem
import KeywardVault
import Synchronization

/// Runs `vault-unlock`.
func runVaultUnlock(_ options: [String: String]) async {
    if options["join-session"] == "yes", keyctl_join_session_keyring(nil) < 0 { fail("cannot join a session keyring") }
    writeLine("own session keyring: \(KeyctlSecretStore.hasOwnSessionKeyring ? "yes" : "no")", to: 1)
    guard let seconds = Int64(option("ttl")) else { fail("bad --ttl") }
    let asked = AskCounter()
    let fromStdin = option("passphrase") == "stdin"
    let source = PassphraseSource { request throws(VaultError) in
        asked.increment()
        guard fromStdin, let line = readLine(strippingNewline: true), !line.isEmpty else {
            throw VaultError.passphraseUnavailable(file: request.file, reason: "refused by the test")
        }
        return SecretString(line)
    }
    let cache = VaultKeyCache(lifetime: .seconds(seconds)) { notKept in writeLine("notice: \(notKept)", to: 1) }
    let store = FileSecretStore(directory: option("directory"), passphrase: source, keyCache: cache)
    do {
        let value = try await store.read(try .accessKey(profile: "dev"))
        writeLine("asked: \(asked.count)", to: 1)
        writeLine("read: \(value?.unredacted ?? "-")", to: 1)
    } catch {
        writeLine("asked: \(asked.count)", to: 1)
        writeLine("read failed: \(error)", to: 1)
    }
    let cached = cachedKey()
    writeLine("cached: \(cached.map { "\($0.serial) \($0.permissions)" } ?? "none")", to: 1)
    guard options["then-again"] == "yes" else { return }
    let again = runSelf([
        "vault-unlock", "--directory", option("directory"), "--ttl", option("ttl"), "--passphrase", "refuse",
    ])
    for line in again.split(separator: "\n") { writeLine("again: \(line)", to: 1) }
    if let cached {
        let outsider = runSelf(["read-key", "--serial", "\(cached.serial)"])
        writeLine("outsider \(outsider.split(separator: "\n").first ?? "no answer")", to: 1)
    }
}

/// Runs `read-key`: another login session's process trying a key by its serial.
func runReadKey(_ options: [String: String]) {
    guard let serial = Int32(option("serial")) else { fail("bad --serial") }
    if keyctl_join_session_keyring(nil) < 0 { fail("cannot join a session keyring") }
    var buffer: UnsafeMutableRawPointer?
    let count = keyctl_read_alloc(serial, &buffer)
    if let buffer { free(buffer) }
    writeLine(count < 0 ? "read: refused" : "read: ok", to: 1)
}

/// The cached vault key in this process's session keyring (the only one the cache may use): its serial
/// and permission mask, or `nil`.
func cachedKey() -> (serial: Int32, permissions: String)? {
    let store = KeyctlSecretStore(keyring: .session, descriptionPrefix: VaultKeyCache.descriptionPrefix)
    guard let name = (try? store.currentNames(.session))?.first, let item = try? VaultItem(kind: .session, name: name)
    else { return nil }
    let serial = keyctl_search(KEY_SPEC_SESSION_KEYRING, "user", store.keyDescription(item), 0)
    guard serial >= 0 else { return nil }
    var text: UnsafeMutablePointer<CChar>?
    guard keyctl_describe_alloc(Int32(serial), &text) >= 0, let text else { return nil }
    defer { free(text) }
    // "type;uid;gid;perm;description"
    let fields = String(cString: text).split(separator: ";", maxSplits: 4)
    return (Int32(serial), fields.count > 3 ? String(fields[3]) : "?")
}

/// Runs this executable with `arguments`, returning its standard output; the child inherits the session
/// keyring, as a second command of the same login session does.
func runSelf(_ arguments: [String]) -> String {
    var path = [CChar](repeating: 0, count: 4096)
    let length = readlink("/proc/self/exe", &path, path.count - 1)
    let me =
        length > 0
        ? String(decoding: path[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : CommandLine.arguments[0]
    guard
        let output = try? ChildProcess(executable: me, arguments: arguments, environment: [:]).run(
            timeout: .seconds(60))
    else { fail("cannot run \(arguments[0])") }
    return String(decoding: output.standardOutput, as: UTF8.self)
}

/// How often the passphrase was asked for.
final class AskCounter: Sendable {
    private let asked = Mutex(0)
    var count: Int { asked.withLock { $0 } }
    func increment() { asked.withLock { $0 += 1 } }
}

// A child process for KeywardVaultTests: writes to a secret store from a separate process, so the tests
// can check that concurrent processes lose no writes and that a writer killed at any point leaves the
// vault readable. Not part of the product.
//
//   KeywardVaultTestHelper write BACKEND-OPTIONS --prefix P --count N
//       stores items P-0 … P-(N-1) of kind access-key with the secret "secret-of-P-i"
//   KeywardVaultTestHelper crash-writer BACKEND-OPTIONS
//       stores the item "crash" with "value-1", "value-2", … forever, printing each number once stored
//   KeywardVaultTestHelper libsecret-loading [--bus ADDRESS]
//       reports whether libsecret is mapped into the process before and after a Secret Service probe
//   KeywardVaultTestHelper vault-unlock … | read-key …
//       the vault-key cache in a session keyring of the test's choosing (see VaultUnlock.swift)
//
// BACKEND-OPTIONS: --backend file --directory D --log2-cost N   (passphrase: first line of stdin)
//                  --backend keyctl --description-prefix P
//                  --backend secret-service --schema S
//                  --backend pass --executable E --store D --gnupg-home G --path PATH
// Secrets never appear in arguments: the passphrase comes on standard input.
import Glibc
import KeywardSystem
import KeywardVault

func fail(_ message: String) -> Never {
    writeLine("KeywardVaultTestHelper: \(message)", to: 2)
    exit(2)
}

/// Writes unbuffered, so a parent that kills this process has seen every line written before.
func writeLine(_ text: String, to descriptor: Int32) {
    let bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
}

func parseOptions(_ arguments: [String]) -> [String: String] {
    var options: [String: String] = [:]
    var index = 0
    while index + 1 < arguments.count {
        guard arguments[index].hasPrefix("--") else { fail("unexpected \(arguments[index])") }
        options[String(arguments[index].dropFirst(2))] = arguments[index + 1]
        index += 2
    }
    return options
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard let mode = arguments.first else { fail("no mode") }
let options = parseOptions(Array(arguments.dropFirst()))

func option(_ name: String) -> String {
    guard let value = options[name] else { fail("missing --\(name)") }
    return value
}

func makeStore() -> any SecretStore {
    switch option("backend") {
    case "file":
        guard let passphrase = readLine(strippingNewline: true), !passphrase.isEmpty else { fail("no passphrase") }
        guard let cost = UInt8(option("log2-cost")) else { fail("bad --log2-cost") }
        return FileSecretStore(
            directory: option("directory"), passphrase: .fixed(SecretString(passphrase)),
            parameters: ScryptParameters(log2Cost: cost, blockSize: 8, parallelism: 1))
    case "keyctl":
        return KeyctlSecretStore(descriptionPrefix: option("description-prefix"))
    case "secret-service":
        return SecretServiceSecretStore(schemaName: option("schema"))
    case "pass":
        return PassSecretStore(
            configuration: .init(
                executable: option("executable"), storeDirectory: option("store"), gnupgHome: option("gnupg-home"),
                environment: ["PATH": option("path")]))
    case let other:
        fail("unknown backend \(other)")
    }
}

/// Whether libsecret is mapped into this process.
func libsecretLoaded() -> Bool {
    guard let maps = try? SecureFile.read(at: "/proc/self/maps") else { return false }
    return String(decoding: maps, as: UTF8.self).contains("libsecret-1.so")
}

if mode == "libsecret-loading" {
    guard let bus = options["bus"] else {
        let probe = SecretServiceSecretStore.probe(sessionBusAddress: nil)
        writeLine("no bus: \(probe), libsecret loaded: \(libsecretLoaded())", to: 1)
        exit(0)
    }
    writeLine("before: libsecret loaded: \(libsecretLoaded())", to: 1)
    writeLine("probe: \(SecretServiceSecretStore.probe(sessionBusAddress: bus))", to: 1)
    writeLine("after: libsecret loaded: \(libsecretLoaded())", to: 1)
    exit(0)
}

if mode == "vault-unlock" {
    await runVaultUnlock(options)
    exit(0)
}
if mode == "read-key" {
    runReadKey(options)
    exit(0)
}

let store = makeStore()
do {
    switch mode {
    case "write":
        let prefix = option("prefix")
        guard let count = Int(option("count")) else { fail("bad --count") }
        for number in 0..<count {
            let item = try VaultItem(kind: .accessKey, name: "\(prefix)-\(number)")
            try await store.store(SecretString("secret-of-\(prefix)-\(number)"), for: item)
        }
    case "crash-writer":
        let item = try VaultItem(kind: .accessKey, name: "crash")
        var number = 1
        while true {
            try await store.store(SecretString("value-\(number)"), for: item)
            writeLine("\(number)", to: 1)
            number += 1
        }
    default:
        fail("unknown mode \(mode)")
    }
} catch {
    fail("\(error)")
}

import Foundation
import KeywardAWS
import KeywardSystem
import KeywardTestSupport
import KeywardVault

/// One test's world for the vault commands: a temporary HOME with `KEYWARD_HOME` inside it, the file
/// backend with a fixed passphrase and a vault created with a cheap scrypt cost (`CheapVault`), and
/// optionally moto as every AWS endpoint.
struct VaultSandbox {
    static let passphrase = "correct horse battery staple"

    let home: TemporaryHome
    let moto: MotoServer?

    init(moto: MotoServer? = nil, cheapVault: Bool = true) throws {
        self.home = try TemporaryHome()
        self.moto = moto
        if cheapVault { try CheapVault.create(keywardHome: keywardHome, passphrase: Self.passphrase) }
    }

    var keywardHome: String { home.url.appendingPathComponent(".local/share/keyward").path }

    /// The environment of every `keyward` run: nothing from the test process leaks in.
    var environment: [String: String] {
        var environment = [
            "HOME": home.url.path, "KEYWARD_HOME": keywardHome, "KEYWARD_BACKEND": "file",
            "KEYWARD_FILE_PASSPHRASE": Self.passphrase, "AWS_REGION": "us-east-1",
        ]
        if let moto { environment["AWS_ENDPOINT_URL"] = moto.endpoint.absoluteString }
        return environment
    }

    /// Runs `keyward` with the sandbox's environment plus `extra`.
    func run(_ arguments: [String], extra: [String: String] = [:]) throws -> KeywardCLI.Result {
        try KeywardCLI.run(arguments, environment: environment.merging(extra) { _, new in new })
    }

    /// `keyward add PROFILE --env` with `key` in the environment.
    func add(_ profile: String, key: AWSCredentials) throws -> KeywardCLI.Result {
        try run(
            ["add", profile, "--env"],
            extra: ["AWS_ACCESS_KEY_ID": key.accessKeyID, "AWS_SECRET_ACCESS_KEY": key.secretAccessKey.unredacted])
    }

    /// Runs `keyward` without a controlling terminal (`setsid`), whatever the test runner has.
    func runWithoutTerminal(_ arguments: [String]) throws -> KeywardCLI.Result {
        try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/setsid"), ["--wait", KeywardCLI.binary.path] + arguments,
            environment: environment)
    }

    /// Runs `keyward` on a pseudo-terminal, typing each reply once its prompt is shown and the terminal is
    /// in raw mode (see `TerminalDriver`).
    func runOnTerminal(_ arguments: [String], replies: [(prompt: String, reply: String)]) throws -> TerminalRun {
        try TerminalDriver.run([KeywardCLI.binary.path] + arguments, environment: environment, replies: replies)
    }

    /// The key stored for `profile`, read with the library as the file backend stores it.
    func storedKey(_ profile: String) async throws -> StoredKey? {
        let store = FileSecretStore(directory: keywardHome, passphrase: .fixed(SecretString(Self.passphrase)))
        return try await KeyVault(store: store).key(profile: profile)
    }

    /// The files under HOME whose bytes contain `text`.
    func filesContaining(_ text: String) -> [String] {
        let needle = Data(text.utf8)
        return home.allFiles().filter { $0.contents.range(of: needle) != nil }.map(\.path)
    }
}

/// Drives a program on a pseudo-terminal with python's `pty` module, so prompts on `/dev/tty` can be
/// answered in a test. Replies go to the driver on stdin, never in arguments.
enum TerminalDriver {
    static let script = """
        import json, os, pty, sys, termios, time
        replies = json.load(sys.stdin)
        pid, fd = pty.fork()
        if pid == 0:
            os.execv(sys.argv[1], sys.argv[1:])
        transcript = b""
        def read_some():
            global transcript
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                chunk = b""
            transcript += chunk
            return chunk
        for prompt, reply in replies:
            while prompt.encode() not in transcript:
                if not read_some():
                    break
            # The prompt is written before the terminal leaves canonical mode (with TCSAFLUSH, which would
            # drop early input): type only once the child has switched it.
            for _ in range(2000):
                if not termios.tcgetattr(fd)[3] & termios.ICANON:
                    break
                time.sleep(0.005)
            os.write(fd, reply.encode() + b"\\r")
        while read_some():
            pass
        _, status = os.waitpid(pid, 0)
        json.dump({"status": os.waitstatus_to_exitcode(status), "transcript": transcript.decode("utf-8", "replace")},
                  sys.stdout)
        """

    static func run(
        _ command: [String], environment: [String: String], replies: [(prompt: String, reply: String)]
    ) throws -> TerminalRun {
        let input = try JSONSerialization.data(withJSONObject: replies.map { [$0.prompt, $0.reply] })
        let result = try KeywardCLI.run(
            executable: URL(fileURLWithPath: "/usr/bin/env"), ["python3", "-c", script] + command,
            environment: environment, stdin: String(decoding: input, as: UTF8.self))
        guard let run = try? JSONDecoder().decode(TerminalRun.self, from: Data(result.stdout.utf8)) else {
            return TerminalRun(status: -1, transcript: result.stdout + result.stderr)
        }
        return run
    }
}

/// How a program run on a pseudo-terminal ended, and everything the terminal showed (its stdout and
/// stderr included, and the prompts).
struct TerminalRun: Decodable {
    var status: Int32
    var transcript: String
}

// A credential server for scripts/bench-server: serves fixed credentials and prints where it listens.
//
// Usage: keyward-server-bench ecs|ec2 [PORT]
// Prints one JSON line on stdout, {"kind", "port", "url", "environment"}, then serves until SIGINT or SIGTERM.
import Foundation
import KeywardAWS
import KeywardServer
import KeywardSystem
import Logging

let arguments = Array(CommandLine.arguments.dropFirst())

/// Hands out the same example credentials, valid for a day, so the benchmark measures the server alone.
struct FixedSource: CredentialSource {
    let value = AWSCredentials(
        accessKeyID: "ASIAIOSFODNN7EXAMPLE",
        secretAccessKey: SecretString("wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"),
        sessionToken: SecretString("IQoJb3JpZ2luX2VjEXAMPLETOKEN"), expiration: Date().addingTimeInterval(86_400))

    func credentials() async throws -> AWSCredentials { value }
}

/// The line printed once the server listens.
struct Announcement: Encodable {
    let kind: String
    let port: Int
    let url: String
    let environment: [String: String]
}

guard let kindArgument = arguments.first, let kind = ServerKind(rawValue: kindArgument),
    arguments.count <= 2, let port = Int(arguments.count == 2 ? arguments[1] : "0")
else {
    FileHandle.standardError.write(Data("usage: keyward-server-bench ecs|ec2 [PORT]\n".utf8))
    exit(64)
}

var logger = Logger(label: "keyward-server-bench")
logger.logLevel = .warning
let server = CredentialServer(kind: kind, source: FixedSource(), port: port, roleName: "bench", logger: logger)
do {
    try await server.run { endpoint in
        let announcement = Announcement(
            kind: endpoint.kind.rawValue, port: endpoint.port, url: endpoint.url, environment: endpoint.environment)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        if let line = try? encoder.encode(announcement) {
            FileHandle.standardOutput.write(line + Data("\n".utf8))
        }
    }
} catch {
    FileHandle.standardError.write(Data("keyward-server-bench: \(error)\n".utf8))
    exit(1)
}

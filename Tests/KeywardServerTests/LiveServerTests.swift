import Foundation
import Hummingbird
import HummingbirdTesting
import KeywardTestSupport
import Logging
import Testing

@testable import KeywardServer

/// The server on a real socket: the checks that need a connection, the limits, start and stop.
@Suite struct LiveServerTests {
    @Test func ecsAnswersOnLoopbackWithEitherAllowedHost() async throws {
        try await withLiveServer(.ecs) { endpoint in
            let token = try #require(endpoint.authorizationToken)
            for host in ["127.0.0.1:\(endpoint.port)", "localhost:\(endpoint.port)"] {
                let reply = try await RawConnection.exchange(
                    port: endpoint.port,
                    rawRequest("GET", "/credentials", host: host, headers: [("Authorization", token)]))
                #expect(reply.status == 200)
                #expect(try jsonFields(ByteBuffer(string: reply.body))["AccessKeyId"] == "ASIAKEY1")
                #expect(reply.closedByServer)
            }
        }
    }

    @Test func foreignHostsAreRefusedAgainstDNSRebinding() async throws {
        for kind in ServerKind.allCases {
            try await withLiveServer(kind) { endpoint in
                let token = kind == .ecs ? endpoint.authorizationToken ?? "" : try await endpoint.imdsToken()
                let tokenHeader = kind == .ecs ? "Authorization" : "X-aws-ec2-metadata-token"
                let path = kind == .ecs ? "/credentials" : "/latest/meta-data/iam/security-credentials/served"
                for host in ["evil.example:\(endpoint.port)", "127.0.0.1", "169.254.169.254", "localhost:1"] {
                    let reply = try await RawConnection.exchange(
                        port: endpoint.port, rawRequest("GET", path, host: host, headers: [(tokenHeader, token)]))
                    #expect(reply.status == 403, "\(kind) \(host)")
                    #expect(reply.body == #"{"error":{"message":"host not allowed"}}"#)
                }
                let noHost = try await RawConnection.exchange(
                    port: endpoint.port,
                    rawRequest("GET", path, host: nil, headers: [(tokenHeader, token)], version: "HTTP/1.0"))
                #expect(noHost.status == 403)
            }
        }
        try await withLiveServer(.ec2) { endpoint in
            let reply = try await RawConnection.exchange(
                port: endpoint.port,
                rawRequest(
                    "PUT", "/latest/api/token", host: "evil.example:\(endpoint.port)",
                    headers: [("X-aws-ec2-metadata-token-ttl-seconds", "60")]))
            #expect(reply.status == 403)
        }
    }

    @Test func hummingbirdLiveClientIsRefusedForItsPortlessHost() async throws {
        // HummingbirdTesting's `.live` client sends `Host: localhost` without the port, which a browser would
        // only send for port 80: the Host check refuses it like any other foreign name.
        let server = CredentialServer(
            kind: .ecs, source: CountingSource(lifetime: 3600, now: { Date() }), logger: Logger(label: "test"))
        let run = try await server.prepare()
        let token = run.parts.bearerToken.value
        try await run.application.test(.live) { client in
            let response = try await client.execute(uri: "/credentials", method: .get, headers: [.authorization: token])
            #expect(response.status == .forbidden)
        }
    }

    @Test func forwardedRequestsAreRefusedOnTheSocket() async throws {
        try await withLiveServer(.ec2) { endpoint in
            let put = try await RawConnection.exchange(
                port: endpoint.port,
                rawRequest(
                    "PUT", "/latest/api/token", host: endpoint.host,
                    headers: [("X-aws-ec2-metadata-token-ttl-seconds", "60"), ("X-Forwarded-For", "203.0.113.9")]))
            #expect(put.status == 403)
            #expect(put.body == #"{"error":{"message":"forwarded requests are refused"}}"#)
            let token = try await endpoint.imdsToken()
            let get = try await RawConnection.exchange(
                port: endpoint.port,
                rawRequest(
                    "GET", "/latest/meta-data/iam/security-credentials/served", host: endpoint.host,
                    headers: [("X-aws-ec2-metadata-token", token), ("X-Forwarded-For", "127.0.0.1")]))
            #expect(get.status == 403)
            let plain = try await RawConnection.exchange(
                port: endpoint.port, endpoint.credentialsRequest(imdsToken: token))
            #expect(plain.status == 200)
        }
    }

    @Test func oversizedRequestsAreRefusedAndOthersStillServed() async throws {
        let options = CredentialServer.Options(maximumHeaderBytes: 4096, maximumBodyBytes: 64)
        try await withLiveServer(.ecs, options: options) { endpoint in
            let token = try #require(endpoint.authorizationToken)
            let bigHeader = try await RawConnection.exchange(
                port: endpoint.port,
                rawRequest(
                    "GET", "/credentials", host: endpoint.host,
                    headers: [("Authorization", token), ("X-Padding", String(repeating: "a", count: 8192))]))
            #expect(bigHeader.status == 400)
            #expect(bigHeader.closedByServer)

            let longPath = try await RawConnection.exchange(
                port: endpoint.port,
                rawRequest(
                    "GET", "/credentials?" + String(repeating: "q", count: 8192), host: endpoint.host,
                    headers: [("Authorization", token)]))
            #expect(longPath.status == 400)

            let manyHeaders = try await RawConnection.exchange(
                port: endpoint.port,
                rawRequest(
                    "GET", "/credentials", host: endpoint.host,
                    headers: [("Authorization", token)] + (0..<200).map { ("X-H\($0)", "v") }))
            #expect(manyHeaders.status == 400)

            // A declared body over the limit is refused before a byte of it is read.
            let declared = try await RawConnection.with(port: endpoint.port) { session in
                try await session.send(
                    "GET /credentials HTTP/1.1\r\nHost: \(endpoint.host)\r\nAuthorization: \(token)\r\n"
                        + "Content-Length: 1000000\r\n\r\n")
                return try await session.readUntilClosed()
            }
            #expect(declared.status == 413)
            #expect(declared.closedByServer)

            // A chunked body that grows past the limit has the connection closed.
            let chunked = try await RawConnection.with(port: endpoint.port) { session in
                try await session.send(
                    "GET /credentials HTTP/1.1\r\nHost: \(endpoint.host)\r\nAuthorization: \(token)\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n")
                let chunk = String(repeating: "z", count: 100)
                try await session.send("64\r\n\(chunk)\r\n")
                return try await session.readUntilClosed()
            }
            #expect(chunked.closedByServer)

            let normal = try await RawConnection.exchange(port: endpoint.port, endpoint.credentialsRequest())
            #expect(normal.status == 200)
        }
    }

    @Test func halfRequestsAreDroppedWhileOthersAreServed() async throws {
        // 10 s rather than 1: on a loaded two-core CI machine (a whole suite of servers and emulators starting at
        // once) the three other requests can take seconds, and the stalled connection must outlive them.
        let options = CredentialServer.Options(requestTimeout: .seconds(10))
        try await withLiveServer(.ecs, options: options) { endpoint in
            let token = try #require(endpoint.authorizationToken)
            let (stalled, servedMeanwhile) = try await RawConnection.with(port: endpoint.port) { slow in
                // Half a request, then silence (slowloris).
                try await slow.send("GET /credentials HTTP/1.1\r\nHost: \(endpoint.host)\r\nAuthoriz")
                // Others are served while it hangs.
                var statuses: [Int?] = []
                for _ in 0..<3 {
                    statuses.append(
                        try await RawConnection.exchange(port: endpoint.port, endpoint.credentialsRequest()).status)
                }
                return (try await slow.readUntilClosed(), statuses)
            }
            #expect(servedMeanwhile == [200, 200, 200])
            #expect(stalled.text == "")
            #expect(stalled.closedByServer)

            // A complete head whose promised body never comes is dropped the same way, after its response.
            let noBody = try await RawConnection.with(port: endpoint.port) { slow in
                try await slow.send(
                    "GET /credentials HTTP/1.1\r\nHost: \(endpoint.host)\r\nAuthorization: \(token)\r\n"
                        + "Content-Length: 10\r\n\r\nabc")
                return try await slow.readUntilClosed()
            }
            #expect(noBody.closedByServer)

            // An idle keep-alive connection is closed the same way.
            let idle = try await RawConnection.with(port: endpoint.port) { session in
                try await session.send(
                    rawRequest(
                        "GET", "/credentials", host: endpoint.host, headers: [("Authorization", token)], keepAlive: true
                    ))
                return try await session.readUntilClosed()
            }
            #expect(idle.status == 200)
            #expect(idle.closedByServer)
        }
    }

    @Test func everyRequestIsLoggedAtDebugWithoutSecrets() async throws {
        let (logger, store) = CapturingLogHandler.logger()
        let (token, requestLog) = try await withLiveServer(.ecs, logger: logger) { endpoint in
            let token = try #require(endpoint.authorizationToken)
            _ = try await RawConnection.exchange(port: endpoint.port, endpoint.credentialsRequest())
            _ = try await RawConnection.exchange(
                port: endpoint.port,
                rawRequest("GET", "/credentials?x=1", host: endpoint.host, headers: [("Authorization", "wrong")]))
            return (token, store.all.filter { $0.message == "request" })
        }
        #expect(requestLog.map(\.level) == [.debug, .debug])
        #expect(requestLog.map { $0.metadata["method"] } == ["GET", "GET"])
        #expect(requestLog.map { $0.metadata["path"] } == ["/credentials", "/credentials"])
        #expect(requestLog.map { $0.metadata["status"] } == ["200", "403"])
        for record in store.all {
            #expect(!record.text.contains(token))
            #expect(!record.text.contains("secret-KEY1"))
            #expect(!record.text.contains("token-KEY1"))
            #expect(!record.text.contains("wrong"))
        }
    }

    @Test func aTakenPortFailsToBindAndTheServerStopsWithItsBody() async throws {
        let port = try await withLiveServer(.ec2) { endpoint in
            let taken = CredentialServer(
                kind: .ecs, source: CountingSource(lifetime: 3600, now: { Date() }), port: endpoint.port,
                logger: Logger(label: "test"))
            await #expect {
                try await taken.withRunningServer { _ in }
            } throws: { error in
                guard case .bindFailed(let address, let reason) = error as? ServerError else { return false }
                return address == "127.0.0.1:\(endpoint.port)" && reason.hasPrefix("the port is already in use")
            }
            #expect(FreePort.accepts(port: endpoint.port))
            return endpoint.port
        }
        #expect(!FreePort.accepts(port: port))
    }

    @Test func eachRunDrawsANewToken() async throws {
        let source = CountingSource(lifetime: 3600, now: { Date() })
        let server = CredentialServer(kind: .ecs, source: source, logger: Logger(label: "test"))
        let first = try await server.withRunningServer { $0.authorizationToken }
        let second = try await server.withRunningServer { $0.authorizationToken }
        #expect(first != second)
        #expect(source.callCount == 2)
    }
}

import Foundation
import KeywardTestSupport
import Testing

/// `keyward login`: the console sign-in URL, checked against a stand-in federation endpoint on loopback that
/// records the `getSigninToken` request it receives (AWS's sign-in endpoint is not reachable from tests).
@Suite struct LoginTests {
    /// A one-file HTTP server: answers `GET /federation?Action=getSigninToken...` with a fixed token and
    /// appends each request's path to the log file.
    static let federationServer = """
        import http.server, json, sys, urllib.parse
        port_file, log_file = sys.argv[1], sys.argv[2]
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                with open(log_file, "a") as log:
                    log.write(self.path + "\\n")
                query = urllib.parse.parse_qs(urllib.parse.urlsplit(self.path).query)
                ok = query.get("Action") == ["getSigninToken"] and "Session" in query
                body = json.dumps({"SigninToken": "TOKEN-abc/123"} if ok else {"error": "bad"}).encode()
                self.send_response(200 if ok else 400)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            def log_message(self, *args):
                pass
        server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
        with open(port_file + ".tmp", "w") as f:
            f.write(str(server.server_address[1]))
        import os
        os.rename(port_file + ".tmp", port_file)
        server.serve_forever()
        """

    @Test func printsASignInURLForTheRoleSessionAndSendsOnlyThatSession() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }
            let directory = fixture.home.url.path
            let server = try TestProcess(
                URL(fileURLWithPath: "/usr/bin/env"),
                ["python3", "-c", Self.federationServer, directory + "/port", directory + "/requests"],
                environment: ProcessInfo.processInfo.environment)
            defer {
                // SIGKILL: a child started from a test thread may inherit a mask that blocks SIGTERM.
                server.send(SIGKILL)
                _ = server.wait(timeout: .seconds(5))
            }
            var port: String?
            for _ in 0..<100 where port == nil {
                port = try? String(contentsOfFile: directory + "/port", encoding: .utf8)
                if port == nil { try await Task.sleep(nanoseconds: 50_000_000) }
            }
            let endpoint = "http://127.0.0.1:\(try #require(port))/federation"

            let login = try fixture.keyward(
                ["login", "admin", "--mfa-token", "123456"], extra: ["KEYWARD_FEDERATION_ENDPOINT": endpoint])
            #expect(login.status == 0, "\(login.stderr)")
            #expect(
                login.stdout
                    == "\(endpoint)?Action=login&Issuer=keyward&Destination=https%3A%2F%2Fconsole.aws.amazon.com"
                    + "%2Fconsole%2Fhome%3Fregion%3Dus-east-1&SigninToken=TOKEN-abc%2F123\n")

            // The request carried the cached admin session, the one `export` hands out, and nothing else.
            let exported = try ExecFixture.decode(
                try fixture.keyward(["export", "admin", "--format", "credential-process"]).stdout)
            let logged = try String(contentsOfFile: directory + "/requests", encoding: .utf8)
            let first = try #require(logged.split(separator: "\n").first)
            let query = try #require(URLComponents(string: String(first))?.queryItems)
            #expect(query.map(\.name) == ["Action", "Session"])
            let session = try #require(query.first { $0.name == "Session" }?.value)
            let fields = try #require(try JSONSerialization.jsonObject(with: Data(session.utf8)) as? [String: String])
            #expect(fields["sessionId"] == exported["AccessKeyId"])
            #expect(fields["sessionKey"] == exported["SecretAccessKey"])
            #expect(fields["sessionToken"] == exported["SessionToken"])
            #expect(fields.count == 3)

            let chosen = try fixture.keyward(
                ["login", "admin", "--duration", "2h", "--destination", "/s3/home"],
                extra: ["KEYWARD_FEDERATION_ENDPOINT": endpoint])
            #expect(chosen.status == 0, "\(chosen.stderr)")
            #expect(chosen.stdout.contains("&Destination=https%3A%2F%2Fconsole.aws.amazon.com%2Fs3%2Fhome&"))
            let second = try #require(
                try String(contentsOfFile: directory + "/requests", encoding: .utf8).split(separator: "\n").last)
            #expect(second.contains("?Action=getSigninToken&SessionDuration=7200&Session="))
        }
    }

    @Test func onlyRoleProfilesAndSafeEndpointsAreAccepted() async throws {
        try await MotoServer.with(accessControl: .open) { moto in
            let fixture = try ExecFixture(moto: moto)
            defer { fixture.clearSessions() }
            let user = try fixture.keyward(["login", "jo"])
            #expect(user.status == 1)
            #expect(
                user.stderr
                    == "keyward: profile jo has no role_arn: only role sessions can sign in to the console"
                    + " (AWS refuses GetSessionToken credentials and long-lived keys)\n")

            let plain = try fixture.keyward(
                ["login", "admin", "--mfa-token", "123456"],
                extra: ["KEYWARD_FEDERATION_ENDPOINT": "http://signin.example.com/federation"])
            #expect(plain.status == 1)
            #expect(
                plain.stderr
                    == "keyward: console sign-in endpoint http://signin.example.com/federation: must be https"
                    + " (plain http only on 127.0.0.1, ::1 or localhost)\n")
            #expect(plain.stdout == "")
        }
    }
}

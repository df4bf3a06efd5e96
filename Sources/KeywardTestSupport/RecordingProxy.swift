import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A loopback HTTP proxy in front of another server (moto) that records every request it forwards: which
/// port it came in on, the method, path and the SigV4 credential scope's region and service. Tests point
/// one setting at it and the others elsewhere to prove which setting a command honoured.
public final class RecordingProxy: Sendable {
    /// One forwarded request.
    public struct Record: Sendable, Equatable, Decodable {
        /// The request's method and path.
        public var method: String
        public var path: String
        /// The region and service of the `Authorization` header's credential scope, when signed.
        public var region: String?
        public var service: String?
        /// The `Action` of a query-protocol call, when the form names one.
        public var action: String?
        /// The access key ID that signed the request (the credential scope's first part), when signed.
        public var accessKeyID: String?
        /// The `SerialNumber` (MFA device) the call carried, if any.
        public var serialNumber: String?
    }

    /// The proxy's base URL.
    public let endpoint: URL
    private let process: TestProcess
    private let log: URL

    // The proxy itself: standard library only, one thread per connection, forwarded byte for byte.
    private static let script = #"""
        import http.server, json, re, sys, urllib.request, urllib.parse, threading
        target, log = sys.argv[2], sys.argv[3]
        lock = threading.Lock()
        class Proxy(http.server.BaseHTTPRequestHandler):
            def do(self):
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                auth = self.headers.get("Authorization") or ""
                m = re.search(r"Credential=([^/]+)/\d{8}/([^/]+)/([^/]+)/", auth)
                form = urllib.parse.parse_qs(body.decode("utf-8", "replace"))
                rec = {"method": self.command, "path": self.path, "region": m and m.group(2),
                       "service": m and m.group(3), "action": (form.get("Action") or [None])[0],
                       "accessKeyID": m and m.group(1), "serialNumber": (form.get("SerialNumber") or [None])[0]}
                with lock, open(log, "a") as f: f.write(json.dumps(rec) + "\n")
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")}
                req = urllib.request.Request(target + self.path, data=body or None, headers=headers, method=self.command)
                try:
                    resp = urllib.request.urlopen(req)
                except urllib.error.HTTPError as e:
                    resp = e
                data = resp.read()
                self.send_response(resp.status)
                for k, v in resp.headers.items():
                    if k.lower() not in ("transfer-encoding", "content-length", "connection", "date", "server"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            do_GET = do_POST = do_PUT = do_DELETE = do
            def log_message(self, *a): pass
        http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Proxy).serve_forever()
        """#

    /// Starts a proxy forwarding to `target` and waits until it accepts connections.
    public init(forwardingTo target: URL) throws {
        let port = try FreePort.find()
        log = FileManager.default.temporaryDirectory.appendingPathComponent("recording-proxy-\(port).jsonl")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = try TestProcess(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["python3", "-c", Self.script, "\(port)", target.absoluteString, log.path],
            environment: ProcessInfo.processInfo.environment)
        self.process = process
        endpoint = URL(string: "http://127.0.0.1:\(port)")!
        let deadline = Date().addingTimeInterval(20)
        while !FreePort.accepts(port: port) {
            guard process.isRunning, Date() < deadline else {
                stop()
                throw TestSupportError.serverDidNotStart("the recording proxy did not answer on port \(port)")
            }
            usleep(20_000)
        }
    }

    /// Every request forwarded so far, in order.
    public func records() throws -> [Record] {
        let text = try String(contentsOf: log, encoding: .utf8)
        return try text.split(separator: "\n").map { line in
            try JSONDecoder().decode(Record.self, from: Data(line.utf8))
        }
    }

    /// Stops the proxy.
    public func stop() {
        guard process.isRunning else { return }
        process.stopWaiting(grace: .seconds(5))
    }

    deinit { stop() }
}

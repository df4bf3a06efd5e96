import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

#if canImport(Glibc)
import Glibc
#endif

extension AsyncHTTPTransport {
    /// A short, readable reason why no answer came (`connection refused`, `the host name does not resolve`),
    /// without request or response content (which could carry tokens).
    ///
    /// NIO reports a failed connect as `NIOConnectionError` holding one error per address tried, and those
    /// are `IOError`s whose text reads "connection reset (error set): Connection refused (errno: 111)";
    /// what a person needs is the errno's meaning.
    /// - Parameter error: what async-http-client threw.
    /// - Returns: one line of lower-case text.
    static func reason(for error: Error) -> String {
        if let error = error as? NIOConnectionError {
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return "the host name \(error.host) does not resolve"
            }
            if let first = error.connectionErrors.first { return reason(for: first.error) }
            return "cannot connect to \(error.host):\(error.port)"
        }
        if let error = error as? IOError { return reason(forErrno: error.errnoCode) }
        if let error = error as? SocketAddressError, case .unknown(let host, _) = error {
            return "the host name \(host) does not resolve"
        }
        if let error = error as? HTTPClientError {
            if error == .remoteConnectionClosed { return "the server closed the connection" }
            return error.shortDescription
        }
        let text = String(describing: error)
        return text.count > 200 ? String(text.prefix(200)) : text
    }

    /// The common connection errnos in words; any other as `strerror` gives it.
    static func reason(forErrno code: Int32) -> String {
        switch code {
        case ECONNREFUSED: return "connection refused"
        case ECONNRESET: return "connection reset"
        case ENETUNREACH: return "network unreachable"
        case EHOSTUNREACH: return "host unreachable"
        case ETIMEDOUT: return "connection timed out"
        default: return String(cString: strerror(code)).lowercased()
        }
    }

    /// Whether the connection attempt itself ran out of time (reported as a timeout, not a failure).
    static func isConnectTimeout(_ error: Error) -> Bool {
        if let error = error as? ChannelError, case .connectTimeout = error { return true }
        if let error = error as? NIOConnectionError,
            let first = error.connectionErrors.first?.error as? ChannelError, case .connectTimeout = first
        {
            return true
        }
        return false
    }
}

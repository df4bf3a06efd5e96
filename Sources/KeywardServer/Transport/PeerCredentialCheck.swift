import Glibc
import KeywardSystem
import Logging
import NIOCore

/// Closes a connection whose client socket belongs to another user (issue 12, item 2).
///
/// Binding to 127.0.0.1 keeps the network out, not the other users of the machine: anyone who finds the
/// port could PUT an IMDSv2 token and GET the credentials (the ECS mode has its bearer token; IMDS has no
/// such field in its protocol). On Linux the kernel lists every TCP socket with its owner's uid in
/// `/proc/net/tcp` and `/proc/net/tcp6`; the client's socket is the one whose local address is the
/// connection's remote address. A connection is served only when that socket's uid is the server's.
///
/// The check runs once per connection, when it opens, so keep-alive requests pay nothing. A socket that
/// cannot be found is refused too: failing open would defeat the point.
final class PeerCredentialCheck: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny

    private let owner: uid_t
    private let logger: Logger
    private let table: @Sendable (SocketAddress) -> uid_t?

    init(
        owner: uid_t = getuid(), logger: Logger,
        table: @escaping @Sendable (SocketAddress) -> uid_t? = SocketOwners.owner(of:)
    ) {
        self.owner = owner
        self.logger = logger
        self.table = table
    }

    func channelActive(context: ChannelHandlerContext) {
        guard let peer = context.channel.remoteAddress, let uid = table(peer), uid == owner else {
            logger.notice(
                "refused a connection from another user",
                metadata: ["peer": "\(context.channel.remoteAddress.map { "\($0)" } ?? "unknown")"])
            context.close(promise: nil)
            return
        }
        context.fireChannelActive()
    }
}

/// The owners of this machine's TCP sockets, read from `/proc/net/tcp` and `/proc/net/tcp6`.
enum SocketOwners {
    /// The uid owning the TCP socket whose local address is `address`, if the kernel lists one.
    static func owner(of address: SocketAddress) -> uid_t? {
        guard let (file, key) = key(for: address), let bytes = try? SecureFile.read(at: file) else { return nil }
        return owner(in: String(decoding: bytes, as: UTF8.self), localAddress: key)
    }

    /// The uid column of the line whose `local_address` is `key` (`0100007F:1F90`).
    static func owner(in table: String, localAddress key: String) -> uid_t? {
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count > 7, fields[1].uppercased() == key else { continue }
            return uid_t(fields[7])
        }
        return nil
    }

    /// The table to read and the `local_address` text of `address`, as the kernel prints it: the address
    /// in host byte order as hex words, then the port in hex.
    static func key(for address: SocketAddress) -> (String, String)? {
        guard let port = address.port else { return nil }
        let portText = hex(UInt32(port), width: 4)
        switch address {
        case .v4(let ipv4):
            return ("/proc/net/tcp", hex(ipv4.address.sin_addr.s_addr, width: 8) + ":" + portText)
        case .v6(let ipv6):
            let words = withUnsafeBytes(of: ipv6.address.sin6_addr) { raw in
                (0..<4).map { raw.load(fromByteOffset: $0 * 4, as: UInt32.self) }
            }
            return ("/proc/net/tcp6", words.map { hex($0, width: 8) }.joined() + ":" + portText)
        case .unixDomainSocket:
            return nil
        }
    }

    /// `value` as upper-case hex digits, zero-padded to `width`; the address words are printed as the
    /// kernel's `%08X` of the raw 32-bit value, which on little-endian machines reverses the bytes.
    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}

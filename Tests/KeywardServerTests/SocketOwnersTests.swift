import NIOCore
import Testing

@testable import KeywardServer

#if canImport(Glibc)
import Glibc
#endif

/// How a client socket's owner is found in the kernel's table (issue 12, item 2).
@Suite struct SocketOwnersTests {
    static let table = """
          sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode
           0: 0100007F:A1B2 0100007F:1F90 01 00000000:00000000 00:00000000 00000000  1000        0 1
           1: 0100007F:1F90 0100007F:A1B2 01 00000000:00000000 00:00000000 00000000     0        0 2
        """

    @Test func theClientsSocketIsTheOneWhoseLocalAddressIsThePeer() throws {
        let peer = try SocketAddress(ipAddress: "127.0.0.1", port: 0xA1B2)
        let (file, key) = try #require(SocketOwners.key(for: peer))
        #expect(file == "/proc/net/tcp")
        #expect(key == "0100007F:A1B2")
        #expect(SocketOwners.owner(in: Self.table, localAddress: key) == 1000)
        #expect(SocketOwners.owner(in: Self.table, localAddress: "0100007F:0001") == nil)
    }

    @Test func aLiveLoopbackConnectionIsOwnedByThisProcess() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, length) }
        }
        listen(listener, 1)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        let client = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(client) }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(client, $0, length) }
        }
        #expect(connected == 0)
        var local = sockaddr_in()
        var localLength = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &local) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(client, $0, &localLength) }
        }
        let peer = try SocketAddress(ipAddress: "127.0.0.1", port: Int(UInt16(bigEndian: local.sin_port)))
        #expect(SocketOwners.owner(of: peer) == getuid())
    }
}

/// The cost parameters of scrypt, the key-derivation function of the vault file.
///
/// They are stored in each file's header, so a file written with other parameters (tests use cheap ones)
/// is read with its own. `default` is N = 2^17, r = 8, p = 1: 128 MiB of memory and a few hundred
/// milliseconds per unlock on a laptop core, the setting OWASP's password storage guidance gives for
/// scrypt, and 8 times the 2^14 that scrypt's author proposed for interactive logins in 2009; an attacker
/// guessing passphrases pays the same per guess. Unlocking happens once per command that needs the vault,
/// not on the cached-session path.
public struct ScryptParameters: Sendable, Equatable, CustomStringConvertible {
    /// log2 of scrypt's cost parameter N.
    public let log2Cost: UInt8
    /// scrypt's block size r.
    public let blockSize: UInt32
    /// scrypt's parallelism p.
    public let parallelism: UInt32

    /// The parameters new vault files are written with: N = 2^17, r = 8, p = 1 (128 MiB).
    public static let `default` = ScryptParameters(log2Cost: 17, blockSize: 8, parallelism: 1)

    /// The range of log2(N) this Keyward reads and writes.
    public static let acceptedLog2Cost: ClosedRange<UInt8> = 10...20
    /// The largest block size accepted.
    public static let maximumBlockSize: UInt32 = 32
    /// The largest parallelism accepted.
    public static let maximumParallelism: UInt32 = 16
    /// The most memory a derivation may need, 1 GiB: a header cannot make Keyward allocate more.
    public static let maximumMemory = 1 << 30

    /// Describes a parameter set; `problem` says whether Keyward accepts it.
    /// - Parameters:
    ///   - log2Cost: log2(N), within `acceptedLog2Cost`.
    ///   - blockSize: r, from 1 to `maximumBlockSize`.
    ///   - parallelism: p, from 1 to `maximumParallelism`.
    public init(log2Cost: UInt8, blockSize: UInt32, parallelism: UInt32) {
        self.log2Cost = log2Cost
        self.blockSize = blockSize
        self.parallelism = parallelism
    }

    /// The memory one derivation needs, 128 · r · N bytes.
    public var memoryBytes: Int { 128 * Int(blockSize) << Int(log2Cost) }

    /// Why Keyward refuses these parameters, or `nil` when it accepts them.
    public var problem: String? {
        if !Self.acceptedLog2Cost.contains(log2Cost) {
            return "scrypt log2(N) = \(log2Cost) is outside \(Self.acceptedLog2Cost)"
        }
        if blockSize < 1 || blockSize > Self.maximumBlockSize {
            return "scrypt r = \(blockSize) is outside 1...\(Self.maximumBlockSize)"
        }
        if parallelism < 1 || parallelism > Self.maximumParallelism {
            return "scrypt p = \(parallelism) is outside 1...\(Self.maximumParallelism)"
        }
        if memoryBytes > Self.maximumMemory { return "scrypt would need \(memoryBytes >> 20) MiB" }
        return nil
    }

    /// `scrypt N=2^17 r=8 p=1`.
    public var description: String { "scrypt N=2^\(log2Cost) r=\(blockSize) p=\(parallelism)" }
}

import Foundation
import KeywardTestSupport

/// The axes of issue 11's end-to-end matrix: every shape of profile a user writes, every state the session
/// cache can be in, and every way Keyward hands credentials to a program.
enum ProfileShape: String, CaseIterable, Sendable, CustomStringConvertible {
    /// `[profile base]`: a key in the vault and nothing else (aws-vault opens a plain GetSessionToken).
    case plainKey = "base"
    /// `[profile jo]`: a key with `mfa_serial` (seed 002's `read-only`).
    case keyWithMFA = "jo"
    /// `[profile ro]`: one role from jo's MFA session.
    case oneRole = "ro"
    /// `[profile chain]`: a role assumed with ro's role credentials.
    case roleChain = "chain"
    /// `[profile adminmfa]`: a role with its own `mfa_serial`, from a source without one.
    case roleWithOwnMFA = "adminmfa"
    /// `[profile cprole]`: a role whose source profile is a `credential_process`.
    case credentialProcessSource = "cprole"
    /// `[profile web]`: `web_identity_token_file` with `role_arn`.
    case webIdentity = "web"

    var description: String { rawValue }

    /// STS calls Keyward makes from an empty cache.
    var callsFromEmpty: Int {
        switch self {
        case .plainKey, .keyWithMFA, .roleWithOwnMFA, .credentialProcessSource, .webIdentity: return 1
        case .oneRole: return 2  // GetSessionToken with MFA, AssumeRole
        case .roleChain: return 3
        }
    }

    /// Whether an MFA session is cached apart from the final session (a role chained from it).
    var hasSeparateMFASession: Bool { self == .oneRole || self == .roleChain }

    /// The ARN prefix GetCallerIdentity answers for the delivered credentials; `nil` where moto answers
    /// with a fixed identity (its GetSessionToken key is not registered, see `ExecFixture`).
    func expectedArnPrefix(_ account: SeedAccount) -> String? {
        switch self {
        case .plainKey, .keyWithMFA: return nil
        case .oneRole, .credentialProcessSource, .webIdentity:
            return "arn:aws:sts::\(account.account):assumed-role/readonly/"
        case .roleChain, .roleWithOwnMFA: return "arn:aws:sts::\(account.account):assumed-role/admin/"
        }
    }

    /// The config with one profile of each shape.
    static func config(_ account: SeedAccount, home: String) -> String {
        """
        [profile base]
        region = us-east-1

        [profile jo]
        region = us-east-1
        mfa_serial = \(account.joMFASerial)
        mfa_process = echo 123456

        [profile ro]
        role_arn = \(account.readonlyRoleARN)
        source_profile = jo
        role_session_name = matrix-ro

        [profile chain]
        role_arn = \(account.adminRoleARN)
        source_profile = ro
        role_session_name = matrix-chain

        [profile adminmfa]
        role_arn = \(account.adminRoleARN)
        source_profile = base
        mfa_serial = \(account.joMFASerial)
        mfa_process = echo 123456
        role_session_name = matrix-mfa

        [profile cpsource]
        credential_process = cat \(home)/process-credentials.json

        [profile cprole]
        role_arn = \(account.readonlyRoleARN)
        source_profile = cpsource
        role_session_name = matrix-cp

        [profile web]
        region = us-east-1
        role_arn = \(account.readonlyRoleARN)
        web_identity_token_file = \(home)/web-identity-token
        role_session_name = matrix-web

        """
    }
}

/// The state of the session cache before a delivery.
enum CacheState: String, CaseIterable, Sendable, CustomStringConvertible {
    case empty
    /// Only the MFA session a role chain starts from.
    case mfaSessionOnly
    case everythingCached
    /// Every cached session within the refresh margin of its expiry, as an hours-old cache is.
    case expired

    var description: String { rawValue }

    /// STS calls Keyward makes for `shape` in this state.
    func calls(for shape: ProfileShape) -> Int {
        switch self {
        case .empty, .expired: return shape.callsFromEmpty
        case .mfaSessionOnly: return shape.callsFromEmpty - 1
        case .everythingCached: return 0
        }
    }

    /// Whether this state is distinct for the shape (an MFA session alone exists only before a role).
    func applies(to shape: ProfileShape) -> Bool {
        self != .mfaSessionOnly || shape.hasSeparateMFASession
    }
}

/// How the credentials reach a program.
enum Delivery: String, CaseIterable, Sendable, CustomStringConvertible {
    /// `keyward exec P -- env`.
    case exec
    /// `keyward export P --format json`.
    case export
    /// The AWS CLI with `credential_process = keyward export --format credential-process P`.
    case credentialProcess
    /// `keyward serve P --ecs` and one GET of its endpoint.
    case serve

    var description: String { rawValue }

    /// Requests the delivery itself sends to moto (the AWS CLI's own GetCallerIdentity).
    var ownRequests: Int { self == .credentialProcess ? 1 : 0 }
}

/// One cell of the matrix.
struct MatrixCell: Sendable, CustomStringConvertible {
    var shape: ProfileShape
    var state: CacheState
    var delivery: Delivery

    var description: String { "\(shape) × \(state) × \(delivery)" }

    /// Every cell that is distinct.
    static var all: [MatrixCell] {
        ProfileShape.allCases.flatMap { shape in
            CacheState.allCases.filter { $0.applies(to: shape) }.flatMap { state in
                Delivery.allCases.map { MatrixCell(shape: shape, state: state, delivery: $0) }
            }
        }
    }
}

import Crypto
import Foundation
import KeywardSystem

/// The role the server speaks for: its name for the IMDS listing, its ARN for the ECS `RoleArn` field, and the
/// instance profile `/latest/meta-data/iam/info` reports.
struct ServedRole: Sendable, Equatable {
    /// The role name IMDS lists under `security-credentials/`.
    let name: String
    /// The role's ARN, when the caller knows it.
    let arn: String?
    /// `arn:PARTITION:iam::ACCOUNT:instance-profile/NAME`, from the role ARN's partition and account
    /// (`aws` and `000000000000` when there is no ARN).
    let instanceProfileARN: String
    /// A stable 21-character ID shaped like IAM's (`AIPA` and 17 of `A-Z2-7`), derived from the profile ARN:
    /// there is no real instance profile behind a local server.
    let instanceProfileID: String

    init(name: String, arn: String?) {
        self.name = name
        self.arn = arn
        let parsed = arn.flatMap(ARN.init)
        let partition = parsed.map(\.partition).flatMap { $0.isEmpty ? nil : $0 } ?? "aws"
        let account = parsed.map(\.account).flatMap { $0.isEmpty ? nil : $0 } ?? "000000000000"
        let profileARN = "arn:\(partition):iam::\(account):instance-profile/\(name)"
        self.instanceProfileARN = profileARN
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
        let digest = Array(SHA256.hash(data: Data(profileARN.utf8)))
        self.instanceProfileID = "AIPA" + String(digest.prefix(17).map { alphabet[Int($0 & 31)] })
    }

    /// The role name from an ARN's last path component (`arn:aws:iam::1:role/path/name` gives `name`).
    static func name(fromARN arn: String) -> String? {
        guard let resource = ARN(arn)?.resource, resource.hasPrefix("role/"),
            let name = resource.split(separator: "/").last, !name.isEmpty
        else { return nil }
        return String(name)
    }

    /// Whether `name` is a valid IAM role name: 1 to 64 of letters, digits and `+=,.@_-`.
    static func isValidName(_ name: String) -> Bool {
        guard (1...64).contains(name.count) else { return false }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "+=,.@_-".unicodeScalars.contains(scalar))
        }
    }
}

import KeywardAWS
import KeywardConfig
import KeywardSystem

/// The profile checks of `keyward doctor`: MFA on role chains, `source_profile` problems, durations.
extension Doctor {
    /// The longest role session AWS grants (AssumeRole's `DurationSeconds` maximum).
    static let roleSessionLimit = 43200
    /// The longest session of a role assumed with another role's session (role chaining).
    static let chainedSessionLimit = 3600

    /// Every profile resolved as the AWS CLI would, in file order; each problem is reported once.
    func profileFindings(_ resolver: ProfileResolver) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<String> = []
        func add(_ finding: Finding, key: String? = nil) {
            if seen.insert(key ?? "\(finding.id.rawValue) \(finding.location)").inserted { findings.append(finding) }
        }
        let durations = resolver.profileNames.compactMap { durationFinding($0, resolver) }
        durations.forEach { add($0) }
        let durationLocations = Set(durations.map(\.location))
        for name in resolver.profileNames {
            let resolved: ResolvedProfile
            do {
                resolved = try resolver.resolve(name)
            } catch {
                if let (finding, key) = resolutionFinding(error, durationLocations: durationLocations) {
                    add(finding, key: key)
                }
                continue
            }
            guard let roleARN = resolved.profile.roleARN, !resolved.roleSteps.isEmpty else { continue }
            let location = resolved.profile.origin(of: "role_arn").map(\.description) ?? name
            // The same rule `exec` applies before any call (issue 21, item 13: doctor passed `not-an-arn`).
            guard STSRequestLimits.isRoleARN(roleARN) else {
                add(
                    Finding(
                        id: .roleARNNotAnARN, severity: .high, location: location,
                        message: "role_arn \"\(roleARN)\" of profile \"\(name)\" is not a role ARN; STS refuses it",
                        fix: "set role_arn to the role's ARN, arn:aws:iam::ACCOUNT:role/NAME"))
                continue
            }
            switch resolved.sourceCredentials {
            case .staticKeys, .none: break
            default: continue  // SSO, web identity, a process or the instance: no MFA device applies
            }
            let chain = resolved.chainNames.joined(separator: " -> ")
            if !resolved.chain.contains(where: { $0.mfaSerial != nil }) {
                add(
                    Finding(
                        id: .roleWithoutMFA, severity: .medium, location: location,
                        message: "profile \"\(name)\" assumes \(roleARN) with no mfa_serial on its chain (\(chain))",
                        fix: "add mfa_serial = MFA_DEVICE_ARN to profile \"\(name)\" or \"\(resolved.source.name)\", "
                            + "and require MFA in the role's trust policy"))
            }
            let root = resolved.source
            if root.name != name, root.mfaSerial == nil {
                add(
                    Finding(
                        id: .sourceProfileWithoutMFA, severity: .medium,
                        location: root.origin.map(\.description) ?? root.name,
                        message:
                            "profile \"\(root.name)\" holds the key of a source_profile chain and has no mfa_serial",
                        fix: "add mfa_serial = MFA_DEVICE_ARN to profile \"\(root.name)\" (its IAM user's MFA device)"))
            }
        }
        return findings
    }

    /// `duration_seconds` above the role limit, or above the chaining limit on a chained role.
    func durationFinding(_ name: String, _ resolver: ProfileResolver) -> Finding? {
        guard let value = resolver.rawValue(forKey: "duration_seconds", inProfile: name), let seconds = Int(value.text)
        else { return nil }
        if seconds > Self.roleSessionLimit {
            return Finding(
                id: .durationOverRoleLimit, severity: .medium, location: value.origin.description,
                message: "duration_seconds = \(seconds) of profile \"\(name)\" is over \(Self.roleSessionLimit), the "
                    + "longest role session; the AWS CLI refuses the profile",
                fix: "set duration_seconds to \(Self.roleSessionLimit) or less")
        }
        guard seconds > Self.chainedSessionLimit, resolver.rawValue(forKey: "role_arn", inProfile: name) != nil,
            let source = resolver.rawValue(forKey: "source_profile", inProfile: name)?.text, source != name,
            resolver.rawValue(forKey: "role_arn", inProfile: source) != nil,
            resolver.rawValue(forKey: "aws_access_key_id", inProfile: source) == nil
        else { return nil }
        return Finding(
            id: .durationOverChainingLimit, severity: .medium, location: value.origin.description,
            message: "duration_seconds = \(seconds) of profile \"\(name)\", whose role is assumed with the session of "
                + "role profile \"\(source)\": chained role sessions last at most \(Self.chainedSessionLimit) seconds",
            fix: "set duration_seconds to \(Self.chainedSessionLimit) or less")
    }

    /// The finding for a profile that does not resolve, with its de-duplication key.
    private func resolutionFinding(
        _ error: ConfigError, durationLocations: Set<String>
    ) -> (Finding, String)? {
        let location = Self.location(of: error) ?? ""
        switch error {
        case .sourceProfileLoop(let chain, _, _):
            // The same loop is met from each of its profiles (and from profiles leading into it).
            let start = chain.last.flatMap { chain.firstIndex(of: $0) } ?? 0
            let loop = Array(chain[start...])
            return (
                Finding(
                    id: .sourceProfileLoop, severity: .high, location: location,
                    message: "source_profile loop: \(loop.joined(separator: " -> "))",
                    fix: "point source_profile at \(location) to a profile that holds a key"),
                "loop " + Set(loop).sorted().joined(separator: " ")
            )
        case .sourceProfileNotFound(let profile, let source, _, _):
            return (
                Finding(
                    id: .sourceProfileMissing, severity: .medium, location: location,
                    message: "source_profile \"\(source)\" of profile \"\(profile)\" is in neither file; the AWS CLI "
                        + "cannot use the profile",
                    fix:
                        "add [profile \(source)] to the config file (and its key with keyward add \(ShellQuoting.quoted(source))), or "
                        + "correct source_profile"),
                "missing \(location)"
            )
        case .invalidValue(_, _, "duration_seconds", _) where durationLocations.contains(location):
            return nil
        default:
            return (
                Finding(
                    id: .profileError, severity: .medium, location: location, message: error.description,
                    fix: "correct the profile; the AWS CLI refuses it too"),
                "error \(location) \(error.description)"
            )
        }
    }
}

extension EvaluationRequest {
    private static let serviceSuffix = Array(".amazonaws.com".utf8)
    private static let cognito = Array("cognito-identity.amazonaws.com".utf8)

    /// Whether the principal's bytes at `offset` start with `prefix`.
    private func principalHas(_ prefix: StaticString, at offset: Int, in span: ByteSpan) -> Bool {
        let count = prefix.utf8CodeUnitCount
        guard offset + count <= span.end else { return false }
        let pointer = prefix.utf8Start
        for index in 0..<count where bytes[offset + index] != pointer[index] { return false }
        return true
    }

    /// Sets `principalKind`, the account, and for sessions the role ARN (the "entity" a resource policy may
    /// name instead of the session). Works on the bytes in place; allocates only for a session's role ARN.
    mutating func classifyPrincipal(_ explicitKind: PrincipalKind?) {
        let span = principalText
        let start = Int(span.start)
        let count = Int(span.count)
        var kind: PrincipalKind = .unspecified
        if count == 0 {
            kind = .unspecified
        } else if (count == 1 && bytes[start] == 0x2A) || (count == 9 && principalHas("anonymous", at: start, in: span))
        {
            kind = .anonymous
        } else if let fields = bytes.withUnsafeBufferPointer({
            $0.baseAddress.flatMap { ARNFieldSpans.split($0, span) }
        }) {
            kind = classifyARN(fields)
        } else if count == 12, (start..<span.end).allSatisfy({ bytes[$0] &- 0x30 < 10 }) {
            kind = .root
            accountText = span
        } else if count > EvaluationRequest.serviceSuffix.count,
            !suffixIs(EvaluationRequest.cognito, span, whole: true),
            suffixIs(EvaluationRequest.serviceSuffix, span, whole: false)
        {
            kind = .service
        } else if (start..<span.end).contains(where: { bytes[$0] == 0x2E }) {
            kind = .webIdentity
        } else if count == 64,
            (start..<span.end).allSatisfy({ bytes[$0] &- 0x30 < 10 || (bytes[$0] | 0x20) &- 0x61 < 6 })
        {
            kind = .canonicalUser
        }
        principalKind = explicitKind ?? kind
    }

    private func suffixIs(_ suffix: [UInt8], _ span: ByteSpan, whole: Bool) -> Bool {
        let count = Int(span.count)
        guard whole ? count == suffix.count : count >= suffix.count else { return false }
        let offset = span.end - suffix.count
        for index in 0..<suffix.count where bytes[offset + index] != suffix[index] { return false }
        return true
    }

    private func fieldIs(_ field: ByteSpan, _ text: StaticString) -> Bool {
        field.count == text.utf8CodeUnitCount && principalHas(text, at: Int(field.start), in: field)
    }

    private mutating func classifyARN(_ fields: ARNFieldSpans) -> PrincipalKind {
        if fields.account.count > 0 { accountText = fields.account }
        let resource = fields.resource
        let resourceStart = Int(resource.start)
        if fieldIs(fields.service, "iam") {
            if fieldIs(resource, "root") { return .root }
            if principalHas("user/", at: resourceStart, in: resource) { return .user }
            if principalHas("role/", at: resourceStart, in: resource) {
                entityText = principalText
                return .role
            }
            if principalHas("saml-provider/", at: resourceStart, in: resource)
                || principalHas("oidc-provider/", at: resourceStart, in: resource)
            {
                return .webIdentity
            }
            if principalHas("federated-user/", at: resourceStart, in: resource) { return .federatedUser }
            return .unspecified
        }
        if fieldIs(fields.service, "sts") {
            if principalHas("assumed-role/", at: resourceStart, in: resource) {
                let nameStart = resourceStart + 13
                var nameEnd = nameStart
                while nameEnd < resource.end, bytes[nameEnd] != 0x2F { nameEnd += 1 }
                if nameEnd < resource.end {
                    // arn:<partition>:iam::<account>:role/<name>
                    let start = bytes.count
                    bytes.append(contentsOf: "arn:".utf8)
                    _ = appendCopy(Int(fields.partition.start), fields.partition.end)
                    bytes.append(contentsOf: ":iam::".utf8)
                    _ = appendCopy(Int(fields.account.start), fields.account.end)
                    bytes.append(contentsOf: ":role/".utf8)
                    _ = appendCopy(nameStart, nameEnd)
                    entityText = ByteSpan(start: start, count: bytes.count - start)
                }
                return .assumedRole
            }
            if principalHas("federated-user/", at: resourceStart, in: resource) { return .federatedUser }
        }
        return .unspecified
    }
}

extension EvaluationRequest {
    /// What the resource ARN says about evaluation, read once when the request is finished: the resource's
    /// account (when none was given), whether it is a KMS key, and whether AWS owns it.
    mutating func classifyResource() {
        guard let fields = resourceFields else { return }
        let facts = bytes.withUnsafeBufferPointer { buffer -> (account: Bool, key: Bool, owned: AWSOwnedResource?) in
            guard let base = buffer.baseAddress else { return (false, false, nil) }
            let account = fields.account
            // Only a 12-digit account field names an account: S3 ARNs have none, AWS managed policies
            // have `aws`.
            let namesAccount =
                account.count == 12 && (Int(account.start)..<account.end).allSatisfy { base[$0] &- 0x30 < 10 }
            let kms: StaticString = "kms"
            let keyPrefix: StaticString = "key/"
            let key =
                fields.service.count == 3 && bytesEqual(base + Int(fields.service.start), kms.utf8Start, 3)
                && fields.resource.count > 4 && bytesEqual(base + Int(fields.resource.start), keyPrefix.utf8Start, 4)
            var owned: AWSOwnedResource?
            if let kind = AWSOwnedResource.kind(of: fields, in: base) {
                let action = String(decoding: buffer[Int(actionLowered.start)..<actionLowered.end], as: UTF8.self)
                if kind.refusedActions.contains(action) { owned = kind }
            }
            return (namesAccount, key, owned)
        }
        // IAM User Guide, "Cross-account policy evaluation logic": the resource's account is the one in its
        // ARN, so a request for another account's queue needs that queue's resource policy as well.
        if !hasResourceAccount, facts.account {
            resourceAccountText = fields.account
            hasResourceAccount = true
        }
        resourceIsKMSKey = facts.key
        awsOwnedResource = facts.owned
    }
}

/// Matches one compiled policy against one request. Created per policy evaluation; holds only pointers.
struct Matcher {
    let code: UnsafePointer<UInt8>
    let tokens: UnsafePointer<TokenCode>
    let patterns: UnsafePointer<PatternCode>
    let resources: UnsafePointer<ResourcePatternCode>
    let principals: UnsafePointer<PrincipalCode>
    let conditions: UnsafePointer<ConditionCode>
    let values: UnsafePointer<ValueCode>
    let request: RequestView

    init(_ program: PolicyProgram, _ request: RequestView) {
        code = UnsafePointer(program.bytes.baseAddress!)
        tokens = UnsafePointer(program.tokens.baseAddress!)
        patterns = UnsafePointer(program.patterns.baseAddress!)
        resources = UnsafePointer(program.resources.baseAddress!)
        principals = UnsafePointer(program.principals.baseAddress!)
        conditions = UnsafePointer(program.conditions.baseAddress!)
        values = UnsafePointer(program.values.baseAddress!)
        self.request = request
    }

    // MARK: Patterns

    /// Whether pattern `index` matches `count` bytes at `subject` (request bytes).
    @inline(__always)
    func match(pattern index: Int32, _ subject: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let pattern = patterns[Int(index)]
        switch pattern.shape {
        case PatternCode.any:
            return true
        case PatternCode.exact:
            return count == Int(pattern.literal.count)
                && bytesEqual(subject, code + Int(pattern.literal.start), count)
        case PatternCode.prefix:
            return count >= Int(pattern.literal.count)
                && bytesEqual(subject, code + Int(pattern.literal.start), Int(pattern.literal.count))
        default:
            return matchTokens(pattern, subject, count)
        }
    }

    private struct Piece {
        var kind: UInt8
        var start: UnsafePointer<UInt8>
        var count: Int
    }

    /// General glob matching with `*` backtracking over literal runs, wildcards and substituted variables.
    /// A variable whose key is absent or multivalued, with no default, makes the pattern match nothing.
    private func matchTokens(_ pattern: PatternCode, _ subject: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        let tokenCount = Int(pattern.tokenCount)
        return withUnsafeTemporaryAllocation(of: Piece.self, capacity: tokenCount) { pieces -> Bool in
            for offset in 0..<tokenCount {
                let token = tokens[Int(pattern.tokenStart) + offset]
                switch token.kind {
                case TokenCode.literal:
                    pieces[offset] = Piece(
                        kind: TokenCode.literal, start: code + Int(token.text.start), count: Int(token.text.count))
                case TokenCode.variable:
                    if let entry = request.entry(hash: token.keyHash, key: token.key, keyBytes: code),
                        entry.valueCount == 1
                    {
                        let value = request.values[Int(entry.valueStart)]
                        let span = pattern.folded ? value.lowered : value.text
                        pieces[offset] = Piece(
                            kind: TokenCode.literal, start: request.bytes + Int(span.start), count: Int(span.count))
                    } else if token.hasDefault {
                        pieces[offset] = Piece(
                            kind: TokenCode.literal, start: code + Int(token.text.start), count: Int(token.text.count))
                    } else {
                        return false
                    }
                default:
                    pieces[offset] = Piece(kind: token.kind, start: code, count: 0)
                }
            }
            return Matcher.glob(UnsafeBufferPointer(pieces), subject, count)
        }
    }

    private static func glob(
        _ pieces: UnsafeBufferPointer<Piece>, _ subject: UnsafePointer<UInt8>, _ count: Int
    ) -> Bool {
        var piece = 0
        var offset = 0
        var position = 0
        var starPiece = -1
        var starPosition = 0
        while position < count {
            if piece < pieces.count {
                let current = pieces[piece]
                if current.kind == TokenCode.star {
                    piece += 1
                    offset = 0
                    starPiece = piece
                    starPosition = position
                    continue
                }
                if current.kind == TokenCode.question {
                    piece += 1
                    position += 1
                    while position < count, subject[position] & 0xC0 == 0x80 { position += 1 }
                    continue
                }
                if offset == current.count {
                    piece += 1
                    offset = 0
                    continue
                }
                if current.start[offset] == subject[position] {
                    offset += 1
                    position += 1
                    if offset == current.count {
                        piece += 1
                        offset = 0
                    }
                    continue
                }
            }
            guard starPiece >= 0 else { return false }
            starPosition += 1
            position = starPosition
            piece = starPiece
            offset = 0
        }
        while piece < pieces.count {
            let current = pieces[piece]
            guard current.kind == TokenCode.star || (current.kind == TokenCode.literal && current.count == offset)
            else {
                return false
            }
            piece += 1
            offset = 0
        }
        return true
    }

    // MARK: Resources and ARNs

    /// Whether resource pattern `index` matches the text at `span`, whose ARN fields are `fields`.
    @inline(__always)
    func match(resource index: Int32, _ span: ByteSpan, _ fields: ARNFieldSpans?) -> Bool {
        let resource = resources[Int(index)]
        if resource.isAny { return true }
        let base = request.bytes
        guard resource.isARN else {
            return match(pattern: resource.fieldStart, base + Int(span.start), Int(span.count))
        }
        guard let fields else { return false }
        let last = Int(resource.fieldCount) - 1
        for field in 0..<last {
            let subject = fields.field(field)
            if !match(pattern: resource.fieldStart + Int32(field), base + Int(subject.start), Int(subject.count)) {
                return false
            }
        }
        let tail = fields.field(last)
        return match(pattern: resource.fieldStart + Int32(last), base + Int(tail.start), span.end - Int(tail.start))
    }

    // MARK: Principals

    /// How the request's principal matches principal codes `start..<start+count`: the strongest match
    /// (for `Principal`), and which parts of the caller are listed (for `NotPrincipal`).
    @inline(__always)
    func principalMatch(_ start: Int32, _ count: Int32) -> PrincipalListing {
        var listing = PrincipalListing()
        for index in Int(start)..<Int(start + count) {
            let principal = principals[index]
            switch principal.kind {
            case PrincipalCode.anyone:
                listing.best = .direct
                listing.caller = true
                listing.entity = true
                listing.account = true
            case PrincipalCode.account:
                if request.account.count > 0, request.equal(request.account, code, principal.text) {
                    listing.account = true
                    let kind: PrincipalMatch = request.principalKind == .root ? .direct : .account
                    listing.best = max(listing.best, kind)
                }
            case PrincipalCode.arn:
                if request.principal.count > 0, request.equal(request.principal, code, principal.text) {
                    listing.caller = true
                    // A role ARN names the role, not the session making the request, even when the caller is
                    // given as the role itself: IAM User Guide, "Policy evaluation logic": "Resource-based
                    // policies that grant permissions to an IAM role ARN are limited by an implicit deny in a
                    // permissions boundary or session policy."
                    listing.best = max(listing.best, request.principalKind == .role ? .entity : .direct)
                }
                if request.entity.count > 0, request.equal(request.entity, code, principal.text) {
                    listing.entity = true
                    listing.best = max(listing.best, .entity)
                }
            case PrincipalCode.service:
                if request.principalKind == .service, request.equal(request.principal, code, principal.text) {
                    listing.caller = true
                    listing.best = .direct
                }
            case PrincipalCode.webIdentity:
                if request.principalKind == .webIdentity, request.equal(request.principal, code, principal.text) {
                    listing.caller = true
                    listing.best = .direct
                }
            default:
                if request.principalKind == .canonicalUser, request.equal(request.principal, code, principal.text) {
                    listing.caller = true
                    listing.best = .direct
                }
            }
        }
        return listing
    }
}

/// Which parts of a caller a `Principal` or `NotPrincipal` element lists.
struct PrincipalListing {
    /// The strongest match among the entries.
    var best = PrincipalMatch.none
    /// The caller's own principal (user ARN, session ARN, service, ...) is listed.
    var caller = false
    /// The role of a session (or the role given as the caller) is listed.
    var entity = false
    /// The caller's account is listed.
    var account = false
}

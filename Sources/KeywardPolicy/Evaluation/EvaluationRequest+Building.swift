extension EvaluationRequest {
    /// Empties the request, keeping its storage, so a batch can reuse one request for every line.
    mutating func reset() {
        bytes.removeAll(keepingCapacity: true)
        entries.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        actionText = .empty
        actionLowered = .empty
        serviceHash = 0
        isGetCallerIdentity = false
        resourceText = .empty
        resourceFields = nil
        principalText = .empty
        entityText = .empty
        accountText = .empty
        resourceAccountText = .empty
        hasResourceAccount = false
        resourceIsKMSKey = false
        awsOwnedResource = nil
        principalKind = .unspecified
    }

    mutating func append(_ piece: [UInt8]) -> ByteSpan {
        let start = bytes.count
        bytes.append(contentsOf: piece)
        return ByteSpan(start: start, count: piece.count)
    }

    mutating func setAction(_ text: [UInt8]) { actionText = append(text) }
    mutating func setResource(_ text: [UInt8]) { resourceText = append(text) }
    mutating func setPrincipal(_ text: [UInt8]) { principalText = append(text) }

    mutating func setResourceAccount(_ text: [UInt8]) {
        resourceAccountText = append(text)
        hasResourceAccount = true
    }

    mutating func addContext(key: [UInt8], values keyValues: [[UInt8]]) {
        let keySpan = append(key)
        let valueSpans = keyValues.map { append($0) }
        addContext(key: keySpan, values: valueSpans)
    }

    /// Adds a key whose name and values are already in `bytes`. The key is lowercased in place.
    mutating func addContext(key: ByteSpan, values valueSpans: [ByteSpan]) {
        beginContext(key: key)
        for span in valueSpans { addContextValue(span) }
    }

    /// Starts a key whose name is already in `bytes` (lowercased in place); values follow with
    /// ``addContextValue(_:readings:)``. Returns the key's hash.
    @discardableResult
    mutating func beginContext(key: ByteSpan) -> UInt64 {
        let hash = lowerAndHash(key)
        beginContext(key: key, hash: hash)
        return hash
    }

    /// Lowercases a key in place and returns its hash.
    mutating func lowerAndHash(_ key: ByteSpan) -> UInt64 {
        bytes.withUnsafeMutableBufferPointer { buffer -> UInt64 in
            guard let base = buffer.baseAddress, key.count > 0 else { return KeyHash.of([UInt8]()) }
            return KeyHash.lowerInPlace(base + Int(key.start), Int(key.count))
        }
    }

    /// Starts a key already lowercased and hashed.
    mutating func beginContext(key: ByteSpan, hash: UInt64) {
        entries.append(ContextEntry(keyHash: hash, key: key, valueStart: Int32(values.count), valueCount: 0))
    }

    /// Adds a value (already in `bytes`) to the key begun last, computing the readings asked for
    /// (``KeyFilter`` flags; all of them by default): lowercased copy, number, date, address, boolean.
    mutating func addContextValue(_ span: ByteSpan, readings: UInt8 = KeyFilter.all) {
        var value = ContextValue(
            text: span, lowered: span, number: .nan, date: .nan, ipHigh: 0, ipLow: 0, ipVersion: 0, bool: -1)
        let start = Int(span.start)
        let count = Int(span.count)
        var hasUpper = false
        if readings & KeyFilter.lowered != 0 {
            hasUpper = bytes.withUnsafeBufferPointer { buffer in
                (start..<(start + count)).contains { buffer[$0] &- 0x41 < 26 }
            }
        }
        if hasUpper {
            let loweredStart = bytes.count
            bytes.reserveCapacity(loweredStart + count)
            for index in start..<(start + count) { bytes.append(ASCII.lower(bytes[index])) }
            value.lowered = ByteSpan(start: loweredStart, count: count)
        }
        if readings & (KeyFilter.number | KeyFilter.date | KeyFilter.address | KeyFilter.boolean) != 0 {
            bytes.withUnsafeBufferPointer { buffer in
                EvaluationRequest.read(
                    UnsafeBufferPointer(rebasing: buffer[start..<(start + count)]), readings, into: &value)
            }
        }
        values.append(value)
        entries[entries.count - 1].valueCount += 1
    }

    /// Fills the typed readings of a value.
    private static func read(_ text: UnsafeBufferPointer<UInt8>, _ readings: UInt8, into value: inout ContextValue) {
        guard let first = text.first else { return }
        if readings & KeyFilter.boolean != 0, text.count == 4 || text.count == 5, let flag = ScalarParsing.bool(text) {
            value.bool = flag ? 1 : 0
        }
        let startsNumeric = first &- 0x30 < 10 || first == 0x2D || first == 0x2B || first == 0x2E
        if startsNumeric, readings & KeyFilter.number != 0 {
            value.number = ScalarParsing.number(text) ?? .nan
        }
        if startsNumeric, readings & KeyFilter.date != 0 {
            value.date = ScalarParsing.date(text) ?? .nan
        }
        if readings & KeyFilter.address != 0, text.count >= 2, text.count <= 45, looksLikeAddress(text),
            let address = IPAddressRange(buffer: text), address.prefixLength == (address.isIPv6 ? 128 : 32)
        {
            value.ipHigh = address.high
            value.ipLow = address.low
            value.ipVersion = address.isIPv6 ? 6 : 4
        }
    }

    /// Only digits and dots, or hex digits, colons and dots with at least one colon.
    private static func looksLikeAddress(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var colon = false
        var decimal = true
        for byte in text {
            if byte == 0x3A {
                colon = true
                decimal = false
            } else if byte &- 0x30 < 10 || byte == 0x2E {
                continue
            } else if (byte | 0x20) &- 0x61 < 6 {
                decimal = false
            } else {
                return false
            }
        }
        return decimal || colon
    }

    /// Completes a request after its parts were set: lowercases the action, splits and classifies the
    /// resource ARN, classifies the principal and derives the `aws:` keys that follow from it.
    ///
    /// - Parameters:
    ///   - explicitKind: overrides the principal kind inferred from its text.
    ///   - filter: when given (batches), only keys and readings some policy uses are derived.
    ///   - keepActionText: keep the action as given next to its lowercased copy (for explanations);
    ///     batches lowercase it in place instead.
    mutating func finish(
        principalKind explicitKind: PrincipalKind?, filter: KeyFilter? = nil, keepActionText: Bool = true
    ) {
        let actionCount = Int(actionText.count)
        let loweredStart = keepActionText ? bytes.count : Int(actionText.start)
        if keepActionText { _ = appendCopy(Int(actionText.start), actionText.end) }
        actionLowered = ByteSpan(start: loweredStart, count: actionCount)
        (serviceHash, isGetCallerIdentity) = bytes.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress, actionCount > 0 else { return (KeyHash.of([UInt8]()), false) }
            let action = base + loweredStart
            _ = KeyHash.lowerInPlace(action, actionCount)
            var serviceCount = 0
            while serviceCount < actionCount, action[serviceCount] != 0x3A { serviceCount += 1 }
            let target: StaticString = "sts:getcalleridentity"
            let always = actionCount == target.utf8CodeUnitCount && bytesEqual(action, target.utf8Start, actionCount)
            return (KeyHash.of(action, serviceCount), always)
        }
        resourceFields = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { ARNFieldSpans.split($0, resourceText) }
        }
        classifyResource()
        classifyPrincipal(explicitKind)
        deriveContextKeys(filter)
    }

    /// A derived key's lowercased name. Its hash is recomputed when needed (a few multiplications), which
    /// keeps static storage, and its one-time initialisation checks, off the batch path.
    struct DerivedKey {
        let name: StaticString
        /// Position in ``all`` and in ``KeyFilter/derived``.
        let index: Int

        var hash: UInt64 { KeyHash.of(name.utf8Start, name.utf8CodeUnitCount) }

        static let principalARN = DerivedKey(name: "aws:principalarn", index: 0)
        static let principalAccount = DerivedKey(name: "aws:principalaccount", index: 1)
        static let principalType = DerivedKey(name: "aws:principaltype", index: 2)
        static let username = DerivedKey(name: "aws:username", index: 3)
        static let principalServiceName = DerivedKey(name: "aws:principalservicename", index: 4)
        static let resourceAccount = DerivedKey(name: "aws:resourceaccount", index: 5)

        static let all = [
            principalARN, principalAccount, principalType, username, principalServiceName, resourceAccount,
        ]
    }

    private func has(_ key: DerivedKey, hash: UInt64) -> Bool {
        let count = key.name.utf8CodeUnitCount
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return false }
            return entries.contains { entry in
                entry.keyHash == hash && Int(entry.key.count) == count
                    && bytesEqual(base + Int(entry.key.start), key.name.utf8Start, count)
            }
        }
    }

    /// Appends a copy of bytes already in the arena.
    mutating func appendCopy(_ start: Int, _ end: Int) -> ByteSpan {
        let newStart = bytes.count
        let count = end - start
        bytes.reserveCapacity(newStart + count)
        for index in start..<end { bytes.append(bytes[index]) }
        return ByteSpan(start: newStart, count: count)
    }

    /// Adds a derived key whose value is already in the arena (the value is shared, not copied).
    private mutating func derive(_ key: DerivedKey, _ start: Int, _ end: Int, _ filter: KeyFilter?) {
        let readings = filter?.derived[key.index] ?? KeyFilter.all
        guard readings != 0 else { return }
        let hash = key.hash
        guard !has(key, hash: hash) else { return }
        let keyStart = bytes.count
        key.name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        entries.append(
            ContextEntry(
                keyHash: hash, key: ByteSpan(start: keyStart, count: bytes.count - keyStart),
                valueStart: Int32(values.count), valueCount: 0))
        addContextValue(ByteSpan(start: start, count: end - start), readings: readings)
    }

    private mutating func derive(_ key: DerivedKey, _ value: StaticString, _ filter: KeyFilter?) {
        guard filter?.derived[key.index] ?? KeyFilter.all != 0 else { return }
        let start = bytes.count
        value.withUTF8Buffer { bytes.append(contentsOf: $0) }
        derive(key, start, bytes.count, filter)
    }

    private mutating func deriveContextKeys(_ filter: KeyFilter?) {
        if principalKind.isIAMPrincipal, principalText.count > 0 {
            let arn = entityText.count > 0 ? entityText : principalText
            derive(.principalARN, Int(arn.start), arn.end, filter)
        }
        if accountText.count > 0 {
            derive(.principalAccount, Int(accountText.start), accountText.end, filter)
        }
        if principalText.count > 0 {
            switch principalKind {
            case .user: derive(.principalType, "User", filter)
            case .role, .assumedRole: derive(.principalType, "AssumedRole", filter)
            case .federatedUser: derive(.principalType, "FederatedUser", filter)
            case .root: derive(.principalType, "Account", filter)
            case .anonymous: derive(.principalType, "Anonymous", filter)
            default: break
            }
        }
        if principalKind == .user {
            var slash = principalText.end - 1
            while slash >= Int(principalText.start), bytes[slash] != 0x2F { slash -= 1 }
            if slash >= Int(principalText.start) { derive(.username, slash + 1, principalText.end, filter) }
        }
        if principalKind == .service {
            derive(.principalServiceName, Int(principalText.start), principalText.end, filter)
        }
        if hasResourceAccount {
            derive(.resourceAccount, Int(resourceAccountText.start), resourceAccountText.end, filter)
        } else if accountText.count > 0 {
            derive(.resourceAccount, Int(accountText.start), accountText.end, filter)
        }
    }
}

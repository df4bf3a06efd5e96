import Dispatch

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a batch run did.
public struct BatchSummary: Sendable, Equatable {
    /// Request lines answered (blank lines are skipped and not counted).
    public var requests: Int
    /// Lines that could not be read; each got an `{"error": ...}` answer.
    public var rejected: Int
    /// The 1-based line number of the first rejected line, if any.
    public var firstRejectedLine: Int?
    /// Answers by decision.
    public var allowed: Int
    /// See ``allowed``.
    public var explicitDeny: Int
    /// See ``allowed``.
    public var implicitDeny: Int

    /// Creates a summary.
    public init(
        requests: Int, rejected: Int, firstRejectedLine: Int?, allowed: Int, explicitDeny: Int, implicitDeny: Int
    ) {
        self.requests = requests
        self.rejected = rejected
        self.firstRejectedLine = firstRejectedLine
        self.allowed = allowed
        self.explicitDeny = explicitDeny
        self.implicitDeny = implicitDeny
    }
}

/// Streams JSONL requests through a ``PolicySet``: one answer line per request line, in order.
///
/// Input is read in chunks of 1 MiB per worker; each round splits what was read at line boundaries, answers
/// the pieces on `workers` threads (each with its own reused ``EvaluationRequest`` and output buffer), and
/// writes the answers in input order, so memory stays bounded whatever the input size and output is never
/// flushed per line. An answer is `{"id":...,"decision":"allowed","reason":"identityAllowed",
/// "statements":[{"policy":...,"statement":...,"sid":...,"effect":...}]}`; `id` is echoed when the
/// request has one; a line that cannot be read gets `{"error":"requests.jsonl:7:12: expected ':'"}`.
public struct BatchSimulator {
    /// The policies every request is decided against.
    public let policies: PolicySet
    /// The input's name, used in error answers.
    public let source: String
    /// Threads answering in parallel (1: the calling thread only).
    public let workers: Int

    private static let chunk = 1 << 20

    /// Creates a simulator.
    ///
    /// - Parameters:
    ///   - policies: the policies.
    ///   - source: the input's name for error answers.
    ///   - workers: threads to use, at least 1 (the CLI passes the number of cores).
    public init(policies: PolicySet, source: String, workers: Int = 1) {
        self.policies = policies
        self.source = source
        self.workers = max(1, min(workers, 64))
    }

    /// Reads every line of `input`, writes one answer per request line to `output`.
    ///
    /// - Parameters:
    ///   - input: JSONL requests.
    ///   - output: receives the answers.
    /// - Returns: counts, including rejected lines.
    /// - Throws: ``PolicyError`` when reading or writing fails (not for malformed lines).
    public func run<Input: ByteInput, Output: ByteOutput>(
        input: inout Input, output: inout Output
    ) throws(PolicyError) -> BatchSummary {
        let filter = policies.makeKeyFilter()
        let states = UnsafeMutableBufferPointer<RunState>.allocate(capacity: workers)
        _ = states.initialize(
            from: (0..<workers).map { _ in RunState(policies: policies, source: source, filter: filter) })
        defer {
            states.deinitialize()
            states.deallocate()
        }
        var pending = PendingBytes(capacity: workers * BatchSimulator.chunk * 2)
        defer { pending.deallocate() }
        var finished = false
        var nextLine = 1
        var summary = BatchSummary(
            requests: 0, rejected: 0, firstRejectedLine: nil, allowed: 0, explicitDeny: 0, implicitDeny: 0)
        while !finished || pending.count > 0 {
            var scanned = 0
            var sawNewline = false
            while !finished, pending.count < workers * BatchSimulator.chunk || !sawNewline {
                // Read straight into the free tail: the only copy is the kernel's.
                let count = try input.read(into: pending.freeTail(minimum: BatchSimulator.chunk))
                pending.count += count
                if count == 0 { finished = true }
                if !sawNewline, pending.count > scanned {
                    sawNewline = memchr(pending.bytes.baseAddress! + scanned, 0x0A, pending.count - scanned) != nil
                    scanned = pending.count
                }
            }
            let bytes = pending.bytes
            var end = bytes.count
            if !finished {
                while end > 0, bytes[end - 1] != 0x0A { end -= 1 }
            }
            let round = UnsafeBufferPointer(rebasing: bytes[0..<end])
            let pieces = BatchSimulator.split(round, into: workers, firstLine: nextLine)
            let shared = RoundMemory(states: states, input: round)
            let work: @Sendable (Int) -> Void = { index in
                let piece = pieces[index]
                shared.states[index].lineNumber = piece.firstLine - 1
                shared.states[index].answerLines(
                    UnsafeBufferPointer(rebasing: shared.input[piece.range]), finished: true)
            }
            if pieces.count > 1 {
                DispatchQueue.concurrentPerform(iterations: pieces.count, execute: work)
            } else if pieces.count == 1 {
                work(0)
            }
            for index in 0..<pieces.count {
                try states[index].flush(&output)
                states[index].merge(into: &summary)
            }
            if !pieces.isEmpty { nextLine = states[pieces.count - 1].lineNumber + 1 }
            pending.dropFirst(end)
        }
        return summary
    }

    /// Unread input: a manually managed buffer so reads go straight into its free tail.
    struct PendingBytes {
        private var storage: UnsafeMutableRawBufferPointer
        /// Bytes held, from the start of `storage`.
        var count = 0

        init(capacity: Int) {
            storage = .allocate(byteCount: max(capacity, 1), alignment: 16)
        }

        /// The bytes held.
        var bytes: UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(start: storage.baseAddress!.assumingMemoryBound(to: UInt8.self), count: count)
        }

        /// At least `minimum` free bytes after the held ones, growing the buffer when needed.
        mutating func freeTail(minimum: Int) -> UnsafeMutableRawBufferPointer {
            if storage.count - count < minimum {
                let grown = UnsafeMutableRawBufferPointer.allocate(
                    byteCount: max(storage.count * 2, count + minimum), alignment: 16)
                grown.baseAddress!.copyMemory(from: storage.baseAddress!, byteCount: count)
                storage.deallocate()
                storage = grown
            }
            return UnsafeMutableRawBufferPointer(rebasing: storage[count...])
        }

        /// Forgets the first `byteCount` bytes, moving the rest to the front.
        mutating func dropFirst(_ byteCount: Int) {
            let rest = count - byteCount
            if rest > 0 { storage.baseAddress!.copyMemory(from: storage.baseAddress! + byteCount, byteCount: rest) }
            count = rest
        }

        func deallocate() {
            storage.deallocate()
        }
    }

    /// The number of `\n` bytes, eight at a time.
    static func countNewlines(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        var count = 0
        var index = 0
        let newlines = SWAR.ones &* 0x0A
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            count += SWAR.zeroBytes(word ^ newlines).nonzeroBitCount
            index += 8
        }
        while index < bytes.count {
            if base[index] == 0x0A { count += 1 }
            index += 1
        }
        return count
    }

    /// The memory a round shares with its workers.
    ///
    /// `@unchecked Sendable`: worker `i` writes only `states[i]`, and every worker only reads `input`, which
    /// nobody writes until all workers have returned.
    private struct RoundMemory: @unchecked Sendable {
        let states: UnsafeMutableBufferPointer<RunState>
        let input: UnsafeBufferPointer<UInt8>
    }

    /// One worker's share of a round: a range of whole lines and the number of its first line.
    struct Piece: Sendable {
        var range: Range<Int>
        var firstLine: Int
    }

    /// Splits `bytes` into at most `count` ranges of whole lines of similar size. Lines are counted only
    /// to number the first line of each piece after the first.
    static func split(_ bytes: UnsafeBufferPointer<UInt8>, into count: Int, firstLine: Int) -> [Piece] {
        let end = bytes.count
        guard end > 0, let base = bytes.baseAddress else { return [] }
        var pieces: [Piece] = []
        var start = 0
        var line = firstLine
        for remaining in stride(from: count, to: 0, by: -1) where start < end {
            var cut = end
            if remaining > 1 {
                let target = min(end, start + max((end - start) / remaining, 1))
                if let newline = memchr(base + target - 1, 0x0A, end - target + 1) {
                    cut = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                }
            }
            pieces.append(Piece(range: start..<cut, firstLine: line))
            if cut < end { line += countNewlines(UnsafeBufferPointer(rebasing: bytes[start..<cut])) }
            start = cut
        }
        return pieces
    }
}

/// The mutable parts of one worker: the reused request, the statement recorder and the output buffer.
struct RunState {
    let policies: PolicySet
    let source: String
    let statementJSON: [[[UInt8]]]
    let filter: KeyFilter
    var request = EvaluationRequest()
    var recorder = CollectingRecorder(allows: [], denies: [])
    var out = JSONText()
    var lineNumber = 0
    var summary = BatchSummary(
        requests: 0, rejected: 0, firstRejectedLine: nil, allowed: 0, explicitDeny: 0, implicitDeny: 0)

    init(policies: PolicySet, source: String, filter: KeyFilter) {
        self.policies = policies
        self.source = source
        self.filter = filter
        statementJSON = policies.policies.map(\.statementJSON)
        out.bytes.reserveCapacity(1 << 20)
    }

    /// Answers every line of `buffer`; the last one may lack its newline only when `finished`.
    mutating func answerLines(_ buffer: UnsafeBufferPointer<UInt8>, finished: Bool) {
        guard let base = buffer.baseAddress else { return }
        var lineStart = 0
        while lineStart < buffer.count {
            let newline = memchr(base + lineStart, 0x0A, buffer.count - lineStart)
            let position = newline.map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? buffer.count
            answer(UnsafeBufferPointer(rebasing: buffer[lineStart..<position]))
            lineStart = position + 1
        }
    }

    /// Adds this worker's counts for the round to `total` and clears them.
    mutating func merge(into total: inout BatchSummary) {
        total.requests += summary.requests
        total.rejected += summary.rejected
        total.allowed += summary.allowed
        total.explicitDeny += summary.explicitDeny
        total.implicitDeny += summary.implicitDeny
        if total.firstRejectedLine == nil { total.firstRejectedLine = summary.firstRejectedLine }
        summary = BatchSummary(
            requests: 0, rejected: 0, firstRejectedLine: nil, allowed: 0, explicitDeny: 0, implicitDeny: 0)
    }

    mutating func answer(_ rawLine: UnsafeBufferPointer<UInt8>) {
        lineNumber += 1
        var line = rawLine
        if let last = line.last, last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
        var first = 0
        while first < line.count, line[first] == 0x20 || line[first] == 0x09 { first += 1 }
        if first == line.count { return }
        summary.requests += 1
        let id: Range<Int>?
        do {
            id = try RequestLineReader.read(line, into: &request, filter: filter)
        } catch {
            summary.rejected += 1
            if summary.firstRejectedLine == nil { summary.firstRejectedLine = lineNumber }
            out.raw("{\"error\":")
            out.string("\(source):\(lineNumber):\(error.column): \(error.reason)")
            out.raw("}\n")
            return
        }
        recorder.allows.removeAll(keepingCapacity: true)
        recorder.denies.removeAll(keepingCapacity: true)
        let decision = policies.evaluate(request, recorder: &recorder)
        out.raw("{")
        if let id {
            out.raw("\"id\":")
            out.bytes.append(contentsOf: UnsafeBufferPointer(rebasing: line[id]))
            out.raw(",")
        }
        let deciding: [StatementReference]
        switch decision.kind {
        case .allowed:
            summary.allowed += 1
            out.raw("\"decision\":\"allowed\",\"reason\":\"")
            deciding = recorder.allows
        case .explicitDeny:
            summary.explicitDeny += 1
            out.raw("\"decision\":\"explicitDeny\",\"reason\":\"")
            deciding = recorder.denies
        case .implicitDeny:
            summary.implicitDeny += 1
            out.raw("\"decision\":\"implicitDeny\",\"reason\":\"")
            deciding = []
        }
        switch decision.reason {
        case .identityAllowed: out.raw("identityAllowed")
        case .explicitDenyStatement: out.raw("explicitDenyStatement")
        case .noAllow: out.raw("noAllow")
        case .resourcePolicyAllowed: out.raw("resourcePolicyAllowed")
        default: out.raw(Array(decision.reason.code.utf8))
        }
        out.raw("\",\"statements\":[")
        for (offset, reference) in deciding.enumerated() {
            if offset > 0 { out.raw(",") }
            out.raw(statementJSON[reference.policy][reference.statement])
        }
        out.raw("]}\n")
    }

    mutating func flush<Output: ByteOutput>(_ output: inout Output) throws(PolicyError) {
        guard !out.bytes.isEmpty else { return }
        try out.bytes.withUnsafeBytes { buffer in
            Result { () throws(PolicyError) in try output.write(buffer) }
        }.get()
        out.bytes.removeAll(keepingCapacity: true)
    }
}

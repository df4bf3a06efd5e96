/// A policy compiled into flat tables (see `ProgramCodes.swift`), held in manually allocated buffers.
///
/// `@unchecked Sendable`: every buffer is written once in `init` and only read afterwards; `deinit` frees
/// them. Evaluation reads through the buffers directly, so deciding a request touches no reference count.
final class PolicyProgram: @unchecked Sendable {
    let bytes: UnsafeMutableBufferPointer<UInt8>
    let tokens: UnsafeMutableBufferPointer<TokenCode>
    let patterns: UnsafeMutableBufferPointer<PatternCode>
    let resources: UnsafeMutableBufferPointer<ResourcePatternCode>
    let principals: UnsafeMutableBufferPointer<PrincipalCode>
    let conditions: UnsafeMutableBufferPointer<ConditionCode>
    let values: UnsafeMutableBufferPointer<ValueCode>
    let statements: UnsafeMutableBufferPointer<StatementCode>
    let serviceIndex: UnsafeMutableBufferPointer<ServiceIndexEntry>
    /// Statements among the first 64 that any action may match (wildcard services, `NotAction`).
    let alwaysMask: UInt64
    let statementCount: Int
    let serviceIndexCount: Int
    let conditionCount: Int
    let tokenCount: Int

    init(_ builder: ProgramBuilder) {
        bytes = PolicyProgram.freeze(builder.bytes)
        tokens = PolicyProgram.freeze(builder.tokens)
        patterns = PolicyProgram.freeze(builder.patterns)
        resources = PolicyProgram.freeze(builder.resources)
        principals = PolicyProgram.freeze(builder.principals)
        conditions = PolicyProgram.freeze(builder.conditions)
        values = PolicyProgram.freeze(builder.values)
        statements = PolicyProgram.freeze(builder.statements)
        serviceIndex = PolicyProgram.freeze(builder.serviceIndex)
        alwaysMask = builder.alwaysMask
        statementCount = builder.statements.count
        serviceIndexCount = builder.serviceIndex.count
        conditionCount = builder.conditions.count
        tokenCount = builder.tokens.count
    }

    deinit {
        bytes.deallocate()
        tokens.deallocate()
        patterns.deallocate()
        resources.deallocate()
        principals.deallocate()
        conditions.deallocate()
        values.deallocate()
        statements.deallocate()
        serviceIndex.deallocate()
    }

    /// Copies an array into a new buffer of at least one element, so `baseAddress` is never `nil`.
    private static func freeze<T: BitwiseCopyable>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(array.count, 1))
        _ = buffer.initialize(from: array)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<max(array.count, 1)])
    }
}

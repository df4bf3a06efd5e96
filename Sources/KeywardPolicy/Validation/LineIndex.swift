/// Where each line of a file starts, so an offset becomes a line and column by binary search. A finding in an
/// account's authorization details (tens of megabytes, thousands of findings) would otherwise rescan the file
/// from its start each time.
struct LineIndex: Sendable {
    private let starts: [Int]
    let count: Int

    init(_ bytes: [UInt8]) {
        var starts = [0]
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(index + 1) }
        self.starts = starts
        self.count = bytes.count
    }

    /// The location of a byte offset (clamped to the file), as ``SourceLocation/of(offset:in:)`` computes it.
    func location(of offset: Int) -> SourceLocation {
        let clamped = min(max(offset, 0), count)
        var low = 0
        var high = starts.count
        while high - low > 1 {
            let middle = (low + high) / 2
            if starts[middle] <= clamped { low = middle } else { high = middle }
        }
        return SourceLocation(line: low + 1, column: clamped - starts[low] + 1)
    }

    /// The byte offset of a location, or `nil` when the line does not exist.
    func offset(of location: SourceLocation) -> Int? {
        guard location.line >= 1, location.line <= starts.count else { return nil }
        let offset = starts[location.line - 1] + location.column - 1
        return offset >= 0 && offset <= count ? offset : nil
    }
}

/// Bytes received but not yet consumed by a parser, plus the state of the current line search.
///
/// Three properties matter for robustness, and they are all here so both parsers get them:
/// - Consuming advances an index instead of removing from the front, and the storage is
///   compacted only when the dead prefix is large and at least half the buffer, so compaction is
///   amortised O(1) per byte and memory does not grow across a long keep-alive connection.
/// - The line search remembers how far it got (`lineScanOffset`), so feeding a long line one byte
///   at a time examines each byte once instead of rescanning from the line start (linear, not
///   quadratic).
/// - The search never looks further than the caller's limit, and reports a line as too long as
///   soon as the buffered bytes exceed it, so a peer that never sends a newline fails early.
struct InputBuffer: Sendable {
    /// The outcome of looking for the next line. Offsets are relative to the first unconsumed byte.
    enum LineSearch: Equatable {
        /// A complete line: `content` excludes the terminator; `length` includes it.
        case line(content: Range<Int>, length: Int)
        case incomplete
        case tooLong
    }

    /// Below this many consumed bytes compaction is not worth a memmove.
    static let compactionThreshold = 4 * 1024
    /// Storage larger than this is released rather than kept for reuse when the buffer empties,
    /// so one large body does not pin its memory for the rest of the connection.
    static let retainedCapacity = 64 * 1024

    private var storage: [UInt8] = []
    private var readIndex = 0
    /// Bytes from `readIndex` already searched for LF without finding one.
    private var lineScanOffset = 0
    /// How many bytes the line search has examined in total: the observable proof that the
    /// search is linear (tested without timing).
    private(set) var examinedByteCount = 0
    /// Bytes consumed since the buffer was created: a stream position that survives compaction.
    private(set) var consumedByteCount = 0

    /// Bytes held in memory, including any consumed prefix not yet compacted away.
    var storageByteCount: Int { storage.count }

    var readableCount: Int { storage.count - readIndex }

    /// The unconsumed byte at `offset` from the read position.
    subscript(offset: Int) -> UInt8 { storage[readIndex + offset] }

    /// Unconsumed bytes at `offsets` from the read position.
    subscript(offsets: Range<Int>) -> ArraySlice<UInt8> {
        storage[(readIndex + offsets.lowerBound)..<(readIndex + offsets.upperBound)]
    }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        storage.append(contentsOf: bytes)
    }

    mutating func append(_ bytes: [UInt8]) {
        storage.append(contentsOf: bytes)
    }

    /// Drops `count` bytes from the front. Any line search in progress is over by then.
    mutating func consume(_ count: Int) {
        let count = min(max(0, count), readableCount)
        readIndex += count
        consumedByteCount += count
        lineScanOffset = 0
        if readIndex == storage.count {
            storage.removeAll(keepingCapacity: storage.capacity <= Self.retainedCapacity)
            readIndex = 0
        } else if readIndex >= Self.compactionThreshold && readIndex * 2 >= storage.count {
            storage.removeFirst(readIndex)
            readIndex = 0
        }
    }

    /// Removes and returns up to `count` bytes from the front.
    mutating func take(upTo count: Int) -> [UInt8] {
        let taken = Array(self[0..<min(count, readableCount)])
        consume(taken.count)
        return taken
    }

    /// Releases everything (after a terminal failure nothing buffered will ever be read).
    mutating func discardAll() {
        storage = []
        readIndex = 0
        lineScanOffset = 0
    }

    /// Looks for the next line ending in LF (an optional CR before it is stripped: RFC 9112 §2.2
    /// lets a recipient accept a bare LF). A CR elsewhere is left in the content for the caller to
    /// reject. The line is not consumed.
    /// - Parameter maxLength: the most content bytes (terminator excluded) the line may have.
    mutating func nextLine(maxLength: Int) -> LineSearch {
        let maxLength = max(0, maxLength)
        let start = readIndex
        let end = storage.count
        // Content, a CR and the LF: nothing past that can belong to an acceptable line.
        let searchEnd = maxLength >= end - start ? end : min(end, start + maxLength + 2)
        let resumeAt = start + lineScanOffset
        var index = resumeAt
        while index < searchEnd {
            if storage[index] == ASCII.lf {
                examinedByteCount += index - resumeAt + 1
                lineScanOffset = index - start
                var contentEnd = index
                if contentEnd > start && storage[contentEnd - 1] == ASCII.cr { contentEnd -= 1 }
                guard contentEnd - start <= maxLength else { return .tooLong }
                return .line(content: 0..<(contentEnd - start), length: index - start + 1)
            }
            index += 1
        }
        examinedByteCount += max(0, index - resumeAt)
        lineScanOffset = index - start
        let pending = index - start
        // One byte over the limit is still acceptable while it is the CR of a CRLF.
        if pending > maxLength && (pending - maxLength > 1 || storage[index - 1] != ASCII.cr) {
            return .tooLong
        }
        return .incomplete
    }

    /// The number of bytes at the front that are CR or LF, continuing from `known` bytes already
    /// checked, so repeated calls examine each byte once.
    mutating func blankPrefixLength(continuingFrom known: Int) -> Int {
        var length = min(known, readableCount)
        while length < readableCount, self[length] == ASCII.cr || self[length] == ASCII.lf {
            length += 1
        }
        examinedByteCount += length - min(known, readableCount)
        return length
    }
}

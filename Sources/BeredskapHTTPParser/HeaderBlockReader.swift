/// Reads a field section (headers or trailers) line by line until the empty line, under limits.
///
/// Shared by request headers, request trailers, response headers and response trailers so the
/// limits and the field syntax are enforced identically everywhere. It keeps its progress between
/// calls, so a section arriving in many pieces is read once, and it checks the per-line and
/// total byte limits while a line is still incomplete.
struct HeaderBlockReader: Sendable {
    enum Failure: Equatable {
        case lineTooLong
        case tooLarge
        case tooMany
        case malformed(String)
    }

    enum Step: Equatable {
        case needMoreData
        case complete(HTTPHeaders)
        case failure(Failure)
    }

    private let maxLineBytes: Int
    private let maxTotalBytes: Int
    private let maxCount: Int
    /// Trailers are validated and counted but dropped: nothing downstream reads them, and
    /// merging them into the head would let a body-sender add fields after the head was checked.
    private let keepsFields: Bool

    private var fields = HTTPHeaders()
    private var fieldCount = 0
    private var totalBytes = 0

    init(maxLineBytes: Int, maxTotalBytes: Int, maxCount: Int, keepsFields: Bool = true) {
        self.maxLineBytes = maxLineBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxCount = maxCount
        self.keepsFields = keepsFields
    }

    mutating func read(from buffer: inout InputBuffer) -> Step {
        while true {
            let remainingTotal = max(0, maxTotalBytes - totalBytes)
            switch buffer.nextLine(maxLength: min(maxLineBytes, remainingTotal)) {
            case .incomplete:
                return .needMoreData
            case .tooLong:
                // Name the limit that binds first, so the answer does not depend on how the
                // bytes were split into reads.
                return .failure(maxLineBytes <= remainingTotal ? .lineTooLong : .tooLarge)
            case .line(let content, let length):
                if content.isEmpty {
                    buffer.consume(length)
                    return .complete(fields)
                }
                guard fieldCount < maxCount else { return .failure(.tooMany) }
                switch FieldLine.parse(buffer[content]) {
                case .malformed(let reason):
                    return .failure(.malformed(reason))
                case .field(let name, let value):
                    if keepsFields { fields.add(name, value) }
                }
                fieldCount += 1
                totalBytes += content.count
                buffer.consume(length)
            }
        }
    }
}

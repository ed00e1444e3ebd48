/// Decodes the chunked transfer coding (RFC 9112 §7.1) from an `InputBuffer`, incrementally.
///
/// Shared by the request parser (which collects the data) and the response parser (which streams
/// it), so both accept exactly the same syntax. Chunk data is handed out as soon as any of it is
/// buffered, which is what lets an NDJSON event stream come through line by line. The size line
/// is bounded, chunk extensions are ignored, trailers are validated under header limits and
/// dropped, and a declared chunk size is checked against the body limit before its data is read.
struct ChunkedDecoder: Sendable {
    enum Failure: Equatable {
        case malformed(String)
        case bodyTooLarge
        case trailers(HeaderBlockReader.Failure)
    }

    enum Step: Equatable {
        /// Decoded body bytes, never empty.
        case data([UInt8])
        case needMoreData
        case end
        case failure(Failure)
    }

    private enum Phase {
        case sizeLine
        case data(remaining: Int)
        case dataTerminator
        case trailers
        case done
    }

    /// Generous for hex digits plus extensions nobody here uses; bounds the work per size line.
    static let maxSizeLineBytes = 4 * 1024

    private let maxBodyBytes: Int
    private var trailerReader: HeaderBlockReader
    private var phase = Phase.sizeLine
    private var decodedByteCount = 0

    init(maxBodyBytes: Int, trailerReader: HeaderBlockReader) {
        self.maxBodyBytes = maxBodyBytes
        self.trailerReader = trailerReader
    }

    mutating func next(from buffer: inout InputBuffer) -> Step {
        while true {
            switch phase {
            case .sizeLine:
                switch buffer.nextLine(maxLength: Self.maxSizeLineBytes) {
                case .incomplete:
                    return .needMoreData
                case .tooLong:
                    return .failure(.malformed("chunk size line is too long"))
                case .line(let content, let length):
                    guard let size = Self.parseSizeLine(buffer[content]) else {
                        return .failure(.malformed("invalid chunk size"))
                    }
                    buffer.consume(length)
                    guard size <= maxBodyBytes - decodedByteCount else { return .failure(.bodyTooLarge) }
                    phase = size == 0 ? .trailers : .data(remaining: size)
                }
            case .data(let remaining):
                guard buffer.readableCount > 0 else { return .needMoreData }
                let bytes = buffer.take(upTo: remaining)
                decodedByteCount += bytes.count
                phase = bytes.count == remaining ? .dataTerminator : .data(remaining: remaining - bytes.count)
                return .data(bytes)
            case .dataTerminator:
                // The CRLF after chunk data, read as a line that must be empty.
                switch buffer.nextLine(maxLength: 0) {
                case .incomplete:
                    return .needMoreData
                case .tooLong:
                    return .failure(.malformed("chunk data is not followed by CRLF"))
                case .line(_, let length):
                    buffer.consume(length)
                    phase = .sizeLine
                }
            case .trailers:
                switch trailerReader.read(from: &buffer) {
                case .needMoreData:
                    return .needMoreData
                case .failure(let failure):
                    return .failure(.trailers(failure))
                case .complete:
                    phase = .done
                    return .end
                }
            case .done:
                return .end
            }
        }
    }

    /// `chunk-size [ BWS ";" chunk-ext ]`, the size in hex. Nil on anything else or on overflow.
    static func parseSizeLine(_ line: ArraySlice<UInt8>) -> Int? {
        var size = 0
        var index = line.startIndex
        while index < line.endIndex, let digit = line[index].hexDigitValue {
            let (shifted, overflowed) = size.multipliedReportingOverflow(by: 16)
            let (sum, carried) = shifted.addingReportingOverflow(digit)
            guard !overflowed && !carried else { return nil }
            size = sum
            index += 1
        }
        guard index > line.startIndex else { return nil }
        let rest = line[index...].drop(while: \.isHorizontalSpace)
        guard rest.isEmpty || rest.first == ASCII.semicolon else { return nil }
        // Extensions are ignored, but they are still part of the message head: no controls.
        guard !rest.contains(where: \.isForbiddenControl) else { return nil }
        return size
    }
}

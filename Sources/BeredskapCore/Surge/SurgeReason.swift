/// Which threshold holds a surge level, as the API's `reason` says it ("arrivals_24h 45 ≥ 40",
/// "ratio 4.58 ≥ 4.0") and as people read it ("45 arrivals in 24 hours (threshold 40)").
///
/// Why both: the API's reason is a short code scripts and the event log keep (and stored
/// reasons must stay readable after an upgrade); people need the figure in words, in their
/// language. The code is written and read here only, so the two cannot drift apart.
public enum SurgeReason: Sendable, Equatable {
    case arrivals(count: Int, threshold: Int)
    case ratio(value: Double, threshold: Double)

    /// The API's wording.
    public var code: String {
        switch self {
        case .arrivals(let count, let threshold): "arrivals_24h \(count) ≥ \(threshold)"
        case .ratio(let value, let threshold): "ratio \((value * 100).rounded() / 100) ≥ \(threshold)"
        }
    }

    /// Reads `code` back; nil for anything else.
    public init?(code: String) {
        let parts = code.split(separator: " ")
        guard parts.count == 4, parts[2] == "≥" else { return nil }
        switch parts[0] {
        case "arrivals_24h":
            guard let count = Int(parts[1]), let threshold = Int(parts[3]) else { return nil }
            self = .arrivals(count: count, threshold: threshold)
        case "ratio":
            guard let value = Double(parts[1]), let threshold = Double(parts[3]) else { return nil }
            self = .ratio(value: value, threshold: threshold)
        default:
            return nil
        }
    }

    /// For people: "45 arrivals in 24 hours (threshold 40)", "4.6 × the normal (threshold 4)".
    public var text: Text {
        switch self {
        case .arrivals(let count, let threshold):
            Text("\(count) \(count == 1 ? "arrival" : "arrivals") in 24 hours (threshold \(threshold))",
                 nb: "\(count) \(count == 1 ? "ankomst" : "ankomster") siste døgn (terskel \(threshold))")
        case .ratio(let value, let threshold):
            Text("\(Self.decimal(value)) × the normal (threshold \(Self.decimal(threshold)))",
                 nb: "\(Self.decimal(value, comma: true)) × det normale (terskel \(Self.decimal(threshold, comma: true)))")
        }
    }

    /// One decimal, without a trailing ".0": 4.6, 4.
    private static func decimal(_ value: Double, comma: Bool = false) -> String {
        let rounded = (value * 10).rounded() / 10
        let text = rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
        return comma ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}

import BeredskapAPI
import BeredskapCore
import BeredskapHTTP
import BeredskapHTTPParser
import BeredskapJSON

/// The request a route answers: what was asked, by whom, in which language, and the exchange
/// to answer a stream on. What the route answers with comes from the parts of the daemon its
/// feature was built with (`Features`), not from here.
public struct RequestContext: Sendable {
    public let request: HTTPRequest
    public let identity: Identity
    public let parameters: [String: String]
    public let language: Language
    public let exchange: HTTPExchange
    public let route: Route

    /// A query parameter's first value.
    public func query(_ name: String) -> String? { request.head.target.queryValue(name) }

    /// An integer query parameter within `range`, or nil when absent.
    public func queryInteger(_ name: String, in range: ClosedRange<Int64>) throws(APIError) -> Int64? {
        guard let text = query(name) else { return nil }
        guard let value = Int64(text), range.contains(value) else {
            throw .invalidField(
                name,
                Text(
                    "expected an integer between \(range.lowerBound) and \(range.upperBound)",
                    nb: "forventet et heltall mellom \(range.lowerBound) og \(range.upperBound)"))
        }
        return value
    }

    /// `true`/`false` (also `1`/`0`), or nil when absent.
    public func queryBool(_ name: String) throws(APIError) -> Bool? {
        guard let text = query(name) else { return nil }
        switch text {
        case "true", "1": return true
        case "false", "0": return false
        default: throw .invalidField(name, Text("expected true or false", nb: "forventet true eller false"))
        }
    }

    /// One of an enum's raw values, or nil when absent.
    public func queryEnum<E: JSONStringEnum>(_ name: String, _ type: E.Type) throws(APIError) -> E? {
        guard let text = query(name) else { return nil }
        guard let value = E(rawValue: text) else { throw .invalidField(name, FieldProblemTranslation.translate(E.expectedValues)) }
        return value
    }

    /// A local date (`2026-11-22`; an RFC 3339 time means its local date in `calendar`), or nil when absent.
    public func queryDate(_ name: String, in calendar: LocalCalendar) throws(APIError) -> CalendarDate? {
        guard let text = query(name) else { return nil }
        if let date = CalendarDate(parsing: text) { return date }
        if let instant = Timestamp(rfc3339: text) { return calendar.date(of: instant) }
        throw .invalidField(name, Text("expected a date (2026-11-22)", nb: "forventet en dato (2026-11-22)"))
    }

    /// An RFC 3339 time, or a date meaning the start of that day in `calendar` (the configured time zone).
    public func queryTime(_ name: String, in calendar: LocalCalendar) throws(APIError) -> Timestamp? {
        guard let text = query(name) else { return nil }
        if let instant = Timestamp(rfc3339: text) { return instant }
        if let date = CalendarDate(parsing: text) { return calendar.startOfDay(date) }
        throw .invalidField(
            name,
            Text(
                "expected an RFC 3339 time (2026-11-22T09:30:00Z) or a date (2026-11-22)",
                nb: "forventet et RFC 3339-tidspunkt (2026-11-22T09:30:00Z) eller en dato (2026-11-22)"))
    }

    /// A page size: `limit` within 1…maximum, default `APIContract.defaultPageSize`.
    public func pageSize() throws(APIError) -> Int {
        Int(try queryInteger("limit", in: 1...Int64(APIContract.maximumPageSize)) ?? Int64(APIContract.defaultPageSize))
    }

    /// The JSON body decoded strictly: unknown fields are errors naming the field.
    public func decodeBody<T: Decodable>(_ type: T.Type) throws(APIError) -> T {
        guard !request.body.isEmpty else {
            throw .invalidField("body", Text("is required (a JSON object)", nb: "mangler (et JSON-objekt)"))
        }
        do {
            return try JSONValueDecoder().decode(type, from: request.body)
        } catch {
            throw APIError(decoding: error)
        }
    }
}

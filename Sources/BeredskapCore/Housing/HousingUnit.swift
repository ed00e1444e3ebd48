import Foundation
import BeredskapJSON

/// What kind of home a housing unit is (DOMAIN.md, "Settlement": municipal with a 3-year lease,
/// private, shared, a settlement centre while waiting).
public enum HousingKind: String, JSONStringEnum {
    case municipalOwned, municipalLeased, `private`, shared, settlementCentre
}

/// A home the city can settle a household in.
///
/// Why the lease end is part of the unit: a municipal lease runs out (three years by default),
/// and a unit whose lease ends while nobody looks is a home lost; the review list
/// (`HousingLeaseReview`) shows them before they end.
public struct HousingUnit: Sendable, Equatable, Codable {
    /// Years a municipal lease runs when no end is given.
    public static let defaultLeaseYears = 3
    public static let maximumRooms = 20
    public static let maximumSize = 1000.0
    public static let maximumNoteLength = 500

    /// A slug (`alna-tvetenveien-12`).
    public var id: String
    public var district: String
    public var kind: HousingKind
    public var rooms: Int
    /// Square metres, when known.
    public var size: Double?
    /// Step-free, for a wheelchair.
    public var accessible: Bool
    public var availableFrom: CalendarDate
    /// When a municipal lease ends; nil for the other kinds.
    public var leaseEnd: CalendarDate?
    /// What the office wrote about the unit: in the row, never in an event.
    public var note: String?
    /// The case the unit is assigned to (reserved while the case waits, occupied once settled).
    public var assignedCase: Int64?

    public init(
        id: String, district: String, kind: HousingKind, rooms: Int, size: Double? = nil, accessible: Bool = false,
        availableFrom: CalendarDate, leaseEnd: CalendarDate? = nil, note: String? = nil, assignedCase: Int64? = nil
    ) {
        self.id = id
        self.district = district
        self.kind = kind
        self.rooms = rooms
        self.size = size
        self.accessible = accessible
        self.availableFrom = availableFrom
        self.leaseEnd = leaseEnd
        self.note = note
        self.assignedCase = assignedCase
    }

    private enum CodingKeys: String, CodingKey {
        case id, district, kind, rooms, size, accessible, availableFrom, leaseEnd, note
        case assignedCase = "case"
    }

    /// Free on `date`: assigned to no case, available by then, and its lease (if any) not ended.
    public func isFree(on date: CalendarDate) -> Bool {
        assignedCase == nil && availableFrom <= date && !(leaseEnd.map { $0 <= date } ?? false)
    }

    /// The end of a municipal lease starting `start` when none is given: the same day
    /// `defaultLeaseYears` later, and 28 February for a lease starting on 29 February whose
    /// end year is not a leap year.
    public static func defaultLeaseEnd(from start: CalendarDate) -> CalendarDate {
        let year = start.year + defaultLeaseYears
        return CalendarDate(year: year, month: start.month, day: start.day)
            ?? CalendarDate(year: year, month: start.month, day: 28)
            ?? start.adding(days: 365 * defaultLeaseYears)
    }

    /// Checks the declared fields and fills in the lease end of a municipal lease. Only a
    /// municipal lease has an end (the others are owned or are not the city's to end).
    public static func checked(_ unit: HousingUnit) -> Result<HousingUnit, FieldProblem> {
        var unit = unit
        guard (1...maximumRooms).contains(unit.rooms) else {
            return .failure(FieldProblem("rooms", Text(
                "expected an integer between 1 and \(maximumRooms)", nb: "forventet et heltall mellom 1 og \(maximumRooms)")))
        }
        if let size = unit.size, !(size > 0 && size <= maximumSize) {
            return .failure(FieldProblem("size", Text(
                "expected square metres above 0 and at most \(Int(maximumSize))",
                nb: "forventet kvadratmeter over 0 og høyst \(Int(maximumSize))")))
        }
        if let note = unit.note {
            let trimmed = note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.count <= maximumNoteLength else {
                return .failure(FieldProblem("note", Text(
                    "must be at most \(maximumNoteLength) characters", nb: "kan være høyst \(maximumNoteLength) tegn")))
            }
            unit.note = trimmed.isEmpty ? nil : trimmed
        }
        switch (unit.kind, unit.leaseEnd) {
        case (.municipalLeased, nil):
            unit.leaseEnd = defaultLeaseEnd(from: unit.availableFrom)
        case (.municipalLeased, let end?) where end <= unit.availableFrom:
            return .failure(FieldProblem("lease_end", Text(
                "must be after available_from (\(unit.availableFrom))", nb: "må være etter available_from (\(unit.availableFrom))")))
        case (.municipalLeased, _), (_, nil):
            break
        case (_, .some):
            return .failure(FieldProblem("lease_end", Text(
                "only a municipalLeased unit has a lease end", nb: "bare en municipalLeased-bolig har leieslutt")))
        }
        return .success(unit)
    }
}

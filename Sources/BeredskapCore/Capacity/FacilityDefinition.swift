/// The declared part of a facility — what `PUT /v1/facilities/{id}` sets — and its rules.
public struct FacilityDefinition: Sendable, Equatable {
    public var name: String
    public var kind: FacilityKind
    public var status: FacilityStatus
    public var operatorName: String
    public var district: String?
    public var authority: Authority
    public var capacity: Int
    public var expansionCapacity: Int?
    public var blocked: Int
    public var note: String?

    public init(
        name: String, kind: FacilityKind, status: FacilityStatus, operatorName: String, district: String?,
        authority: Authority, capacity: Int, expansionCapacity: Int? = nil, blocked: Int = 0, note: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.status = status
        self.operatorName = operatorName
        self.district = district
        self.authority = authority
        self.capacity = capacity
        self.expansionCapacity = expansionCapacity
        self.blocked = blocked
        self.note = note
    }

    public static let maximumNameLength = 200
    public static let maximumNoteLength = 2000
    /// Far above any real facility (the state once considered 5000 places); catches typos
    /// such as an extra zero long before the cap's own check would.
    public static let maximumPlaces = 100_000

    /// Checks the rules that need no other state: non-negative counts, `blocked` ≤ `capacity`,
    /// `expansion_capacity` ≥ `capacity`, non-empty names. Whether the district exists and
    /// whether the cap allows it are checked by the caller against the current state.
    public func problems() -> [FieldProblem] {
        var problems: [FieldProblem] = []
        func text(_ field: String, _ value: String?, limit: Int, required: Bool) {
            guard let value else { return }
            if required && value.isEmpty {
                problems.append(FieldProblem(field, Text("must not be empty", nb: "kan ikke være tom")))
            } else if value.count > limit {
                problems.append(FieldProblem(field, Text("must be at most \(limit) characters", nb: "kan være høyst \(limit) tegn")))
            } else if value.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
                problems.append(FieldProblem(field, Text("must not contain control characters", nb: "kan ikke inneholde kontrolltegn")))
            }
        }
        text("name", name, limit: Self.maximumNameLength, required: true)
        text("operator", operatorName, limit: Self.maximumNameLength, required: true)
        text("note", note, limit: Self.maximumNoteLength, required: false)
        func count(_ field: String, _ value: Int?) {
            guard let value, !(0...Self.maximumPlaces).contains(value) else { return }
            problems.append(FieldProblem(
                field, Text("expected an integer between 0 and \(Self.maximumPlaces)", nb: "forventet et heltall mellom 0 og \(Self.maximumPlaces)")))
        }
        count("capacity", capacity)
        count("expansion_capacity", expansionCapacity)
        count("blocked", blocked)
        if blocked > capacity && blocked >= 0 && capacity >= 0 {
            problems.append(FieldProblem(
                "blocked", Text("must not exceed capacity (\(capacity))", nb: "kan ikke være større enn kapasiteten (\(capacity))")))
        }
        if let expansionCapacity, expansionCapacity < capacity, expansionCapacity >= 0 {
            problems.append(FieldProblem(
                "expansion_capacity",
                Text("must be at least capacity (\(capacity))", nb: "må være minst kapasiteten (\(capacity))")))
        }
        return problems
    }

    /// The larger of capacity and expansion capacity: what the cap is checked against.
    public var largestCapacity: Int { max(capacity, expansionCapacity ?? 0) }

    /// The field that exceeds `cap` (expansion first, as it is the larger), or nil.
    public func capExcess(cap: Int) -> (field: String, requested: Int)? {
        if let expansionCapacity, expansionCapacity > cap { return ("expansion_capacity", expansionCapacity) }
        if capacity > cap { return ("capacity", capacity) }
        return nil
    }
}

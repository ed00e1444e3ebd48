import Foundation

/// The fields a person is registered with (`POST /v1/persons`), and what a change
/// (`PATCH /v1/persons/{id}`) leaves after it is laid over the current ones: one set of
/// checks for both.
public struct PersonDraft: Sendable, Equatable, Codable {
    public static let maximumNameLength = 100

    public var duf: DUFNumber
    public var givenName: String
    public var familyName: String
    public var birth: PersonBirth
    public var sex: PersonSex
    public var nationality: String?
    public var languages: [String]?
    public var household: String?
    public var category: PersonCategory
    /// Default `asylumSeeker`.
    public var status: PersonStatus?
    public var arrivedNorway: CalendarDate?
    public var arrivedCity: CalendarDate?
    public var facility: String?
    public var unaccompanied: Bool?
    public var vulnerabilities: [Vulnerability]?
    public var district: String?

    public init(
        duf: DUFNumber, givenName: String, familyName: String, birth: PersonBirth, sex: PersonSex, nationality: String? = nil,
        languages: [String]? = nil, household: String? = nil, category: PersonCategory, status: PersonStatus? = nil,
        arrivedNorway: CalendarDate? = nil, arrivedCity: CalendarDate? = nil, facility: String? = nil,
        unaccompanied: Bool? = nil, vulnerabilities: [Vulnerability]? = nil, district: String? = nil
    ) {
        self.duf = duf
        self.givenName = givenName
        self.familyName = familyName
        self.birth = birth
        self.sex = sex
        self.nationality = nationality
        self.languages = languages
        self.household = household
        self.category = category
        self.status = status
        self.arrivedNorway = arrivedNorway
        self.arrivedCity = arrivedCity
        self.facility = facility
        self.unaccompanied = unaccompanied
        self.vulnerabilities = vulnerabilities
        self.district = district
    }

    /// The draft with names trimmed, or the first field that is wrong, judged on `today`
    /// (nothing can have happened after it). Whether the district and facility exist is the
    /// caller's to check: that needs the store.
    public func checked(today: CalendarDate) -> Result<PersonDraft, FieldProblem> {
        var draft = self
        do throws(FieldProblem) {
            draft.givenName = try Self.name(givenName, field: "given_name")
            draft.familyName = try Self.name(familyName, field: "family_name")
            try Self.checkBirth(birth, today: today)
            if let nationality, !Self.isCode(nationality, lengths: 2...2, uppercase: true) {
                throw FieldProblem("nationality", Text(
                    "expected an ISO 3166 country code in capitals, such as SY", nb: "forventet en ISO 3166-landkode med store bokstaver, som SY"))
            }
            for (index, language) in (languages ?? []).enumerated() where !Self.isCode(language, lengths: 2...3, uppercase: false) {
                throw FieldProblem("languages[\(index)]", Text(
                    "expected an ISO 639 language code in small letters, such as ar or ti",
                    nb: "forventet en ISO 639-språkkode med små bokstaver, som ar eller ti"))
            }
            if let household, !Slug.isValid(household) {
                throw FieldProblem("household", Text(
                    "expected a household id: small letters, digits and -", nb: "forventet en husstands-id: små bokstaver, sifre og -"))
            }
            for (field, date) in [("arrived_norway", arrivedNorway), ("arrived_city", arrivedCity)] {
                if let date, date > today {
                    throw FieldProblem(field, Text("must not be after today (\(today))", nb: "kan ikke være etter i dag (\(today))"))
                }
            }
            if let norway = arrivedNorway, let city = arrivedCity, city < norway {
                throw FieldProblem("arrived_city", Text(
                    "must not be before arrived_norway (\(norway))", nb: "kan ikke være før arrived_norway (\(norway))"))
            }
        } catch {
            return .failure(error)
        }
        return .success(draft)
    }

    private static func name(_ value: String, field: String) throws(FieldProblem) -> String {
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= maximumNameLength else {
            throw FieldProblem(field, Text("must be 1 to \(maximumNameLength) characters", nb: "må være 1 til \(maximumNameLength) tegn"))
        }
        guard !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) else {
            throw FieldProblem(field, Text("must not contain control characters", nb: "kan ikke inneholde kontrolltegn"))
        }
        return trimmed
    }

    private static func checkBirth(_ birth: PersonBirth, today: CalendarDate) throws(FieldProblem) {
        let year: Int
        switch birth {
        case .date(let date):
            guard date <= today else {
                throw FieldProblem("birth.date", Text("must not be after today (\(today))", nb: "kan ikke være etter i dag (\(today))"))
            }
            year = date.year
        case .estimatedYear(let estimated):
            year = estimated
        }
        guard (today.year - 120...today.year).contains(year) else {
            throw FieldProblem(
                birth.estimated ? "birth.year" : "birth.date",
                Text("must be a year from \(today.year - 120) to \(today.year)", nb: "må være et år fra \(today.year - 120) til \(today.year)"))
        }
    }

    private static func isCode(_ code: String, lengths: ClosedRange<Int>, uppercase: Bool) -> Bool {
        let letters = uppercase ? UInt8(ascii: "A")...UInt8(ascii: "Z") : UInt8(ascii: "a")...UInt8(ascii: "z")
        return lengths.contains(code.utf8.count) && code.utf8.allSatisfy { letters.contains($0) }
    }
}

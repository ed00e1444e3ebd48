import Foundation

extension District {
    /// The first thing wrong with the district's settlement reference data, named by its field
    /// in `PUT /v1/districts/{id}` (`immigrant_share.2015`, `contact.email`).
    public func referenceProblem() -> FieldProblem? {
        if let problem = Self.yearlyProblem("immigrant_share", immigrantShare, in: 0...100) { return problem }
        if let problem = Self.yearlyProblem("refugees_per_1000", refugeesPer1000, in: 0...1000) { return problem }
        if let contact, let problem = contact.problem() { return problem.nested(in: "contact") }
        if let units = municipalHousingUnits, !(0...Self.maximumHousingUnits).contains(units) {
            return FieldProblem("municipal_housing_units", Text(
                "expected an integer between 0 and \(Self.maximumHousingUnits)",
                nb: "forventet et heltall mellom 0 og \(Self.maximumHousingUnits)"))
        }
        return nil
    }

    public static let maximumHousingUnits = 1_000_000

    /// A figure by year: keys `"2015"`, values in `range`.
    static func yearlyProblem(_ field: String, _ figures: [String: Double], in range: ClosedRange<Double>) -> FieldProblem? {
        for (year, value) in figures.sorted(by: { $0.key < $1.key }) {
            guard year.count == 4, let number = Int(year), (1800...2200).contains(number) else {
                return FieldProblem(field, Text("keys must be years such as \"2015\"", nb: "nøklene må være årstall som \"2015\""))
            }
            guard value.isFinite, range.contains(value) else {
                let (low, high) = (Int(range.lowerBound), Int(range.upperBound))
                return FieldProblem("\(field).\(year)", Text(
                    "expected a number between \(low) and \(high)", nb: "forventet et tall mellom \(low) og \(high)"))
            }
        }
        return nil
    }
}

extension DistrictContact {
    /// The first thing wrong with the contact point, named by its field inside `contact`.
    public func problem() -> FieldProblem? {
        let name = name.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, name.count <= 100 else {
            return FieldProblem("name", Text("must be 1 to 100 characters", nb: "må være 1 til 100 tegn"))
        }
        if let email, !Self.looksLikeEmail(email) {
            return FieldProblem("email", Text(
                "expected an e-mail address such as bosetting@bga.oslo.kommune.no",
                nb: "forventet en e-postadresse som bosetting@bga.oslo.kommune.no"))
        }
        if let phone, !Self.looksLikePhone(phone) {
            return FieldProblem("phone", Text(
                "expected digits and spaces, optionally starting with + (such as +47 21 80 21 80)",
                nb: "forventet sifre og mellomrom, eventuelt med + først (som +47 21 80 21 80)"))
        }
        return nil
    }

    /// One `@` between a non-empty local part and a domain with a dot, no spaces: the shape of
    /// an address, not proof that it reaches anyone.
    static func looksLikeEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard text.count <= 254, parts.count == 2, !parts[0].isEmpty, !text.contains(where: \.isWhitespace) else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        return labels.count >= 2 && labels.allSatisfy { !$0.isEmpty }
    }

    /// Digits and spaces, a `+` only first, 3–15 digits (E.164 allows 15).
    static func looksLikePhone(_ text: String) -> Bool {
        let body = text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        let digits = body.filter(\.isASCII).filter(\.isNumber).count
        return body.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == " " } && (3...15).contains(digits)
    }
}

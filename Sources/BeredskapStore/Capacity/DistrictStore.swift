import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

/// The columns of `districts`, in the order the queries read them.
private let districtColumns = """
    id, number, name, population, immigrant_share, refugees_per_1000, contact_name, contact_email, contact_phone,
    minors_service, municipal_housing_units
    """

extension SQLiteConnection {
    public func districts() throws -> [District] {
        try query("SELECT \(districtColumns) FROM districts ORDER BY number, id", [], Self.district(from:))
    }

    public func district(_ id: String) throws -> District? {
        try queryFirst("SELECT \(districtColumns) FROM districts WHERE id = ?", [id], Self.district(from:))
    }

    private static func district(from row: SQLiteRow) throws -> District {
        let decoder = JSONValueDecoder()
        return District(
            id: row.text(0), number: row.int(1), name: row.text(2),
            population: try decoder.decode([String: Int].self, from: Array(row.text(3).utf8)),
            immigrantShare: try decoder.decode([String: Double].self, from: Array(row.text(4).utf8)),
            refugeesPer1000: try decoder.decode([String: Double].self, from: Array(row.text(5).utf8)),
            contact: row.optionalText(6).map { DistrictContact(name: $0, email: row.optionalText(7), phone: row.optionalText(8)) },
            minorsService: row.optionalText(9).flatMap(MinorsService.init(rawValue:)),
            municipalHousingUnits: row.optionalInt64(10).map { Int($0) })
    }
}

extension WriteTransaction {
    public func saveDistrict(_ district: District) throws {
        let encoder = JSONValueEncoder()
        try connection.run(
            """
            INSERT INTO districts(\(districtColumns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET number = excluded.number, name = excluded.name, population = excluded.population,
                immigrant_share = excluded.immigrant_share, refugees_per_1000 = excluded.refugees_per_1000,
                contact_name = excluded.contact_name, contact_email = excluded.contact_email,
                contact_phone = excluded.contact_phone, minors_service = excluded.minors_service,
                municipal_housing_units = excluded.municipal_housing_units
            """,
            district.id, district.number, district.name, try encoder.encode(district.population).serializedString(),
            try encoder.encode(district.immigrantShare).serializedString(),
            try encoder.encode(district.refugeesPer1000).serializedString(), district.contact?.name, district.contact?.email,
            district.contact?.phone, district.minorsService?.rawValue, district.municipalHousingUnits)
    }
}

import BeredskapCore
import BeredskapJSON
import BeredskapSQLite

extension SQLiteConnection {
    public func districts() throws -> [District] {
        try query("SELECT id, number, name, population FROM districts ORDER BY number, id", [], Self.district(from:))
    }

    public func district(_ id: String) throws -> District? {
        try queryFirst("SELECT id, number, name, population FROM districts WHERE id = ?", [id], Self.district(from:))
    }

    private static func district(from row: SQLiteRow) throws -> District {
        let population = try JSONValueDecoder().decode([String: Int].self, from: Array(row.text(3).utf8))
        return District(id: row.text(0), number: row.int(1), name: row.text(2), population: population)
    }
}

extension WriteTransaction {
    public func saveDistrict(_ district: District) throws {
        try connection.run(
            """
            INSERT INTO districts(id, number, name, population) VALUES (?, ?, ?, ?)
            ON CONFLICT(id) DO UPDATE SET number = excluded.number, name = excluded.name, population = excluded.population
            """,
            district.id, district.number, district.name,
            try JSONValueEncoder().encode(district.population).serializedString())
    }
}

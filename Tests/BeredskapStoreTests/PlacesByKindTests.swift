import BeredskapCore
import BeredskapSQLite
import Testing

@testable import BeredskapStore

/// The per-kind sums the triggers of v19 keep must always be what summing the facilities gives:
/// the kind and city utilization rules read them instead of counting.
@Suite struct PlacesByKindTests {
    /// What `placesByKind()` read before v19: the sums counted from every facility.
    static func counted(_ connection: SQLiteConnection) throws -> [String: [Int]] {
        var result: [String: [Int]] = [:]
        for row in try connection.query(
            """
            SELECT kind, sum(occupied),
                sum(CASE WHEN status IN ('open', 'closing') THEN max(0, capacity - blocked) ELSE 0 END)
            FROM facilities GROUP BY kind
            """, [], { ($0.text(0), [$0.int(1), $0.int(2)]) })
        {
            result[row.0] = row.1
        }
        return result
    }

    static func kept(_ connection: SQLiteConnection) throws -> [String: [Int]] {
        Dictionary(uniqueKeysWithValues: try connection.placesByKind().map { ($0.key.rawValue, [$0.value.occupied, $0.value.available]) })
    }

    static func insert(_ connection: SQLiteConnection, _ id: String, kind: String, status: String, capacity: Int, blocked: Int = 0,
                       occupied: Int = 0) throws
    {
        try connection.run(
            """
            INSERT INTO facilities(id, name, kind, status, operator, authority, capacity, blocked, occupied, created_ms, updated_ms, last_seq)
                VALUES (?, ?, ?, ?, 'Hero', 'UDI', ?, ?, ?, 0, 0, 0)
            """, id, id, kind, status, capacity, blocked, occupied)
    }

    @Test func theMigrationSumsTheFacilitiesThereAre() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(path: directory.database.configuration.path, mode: .readWriteCreate)
        _ = try Migrator(migrations: Migrations.all.filter { $0.version < 19 }).migrate(connection, now: 1)
        try Self.insert(connection, "refstad", kind: "transit", status: "open", capacity: 300, blocked: 20, occupied: 250)
        try Self.insert(connection, "torshov", kind: "transit", status: "closed", capacity: 200, occupied: 12)
        try Self.insert(connection, "hvalstad", kind: "ordinary", status: "closing", capacity: 100, blocked: 100, occupied: 5)
        #expect(try Migrator().migrate(connection, now: 2) == Array(19...Migrations.all.count))
        #expect(try Self.kept(connection) == ["transit": [262, 280], "ordinary": [5, 0]])
        #expect(try Self.kept(connection) == Self.counted(connection))
    }

    @Test func everyChangeToAFacilityKeepsTheSumsRight() throws {
        let directory = try TemporaryDirectory()
        let connection = try SQLiteConnection(path: directory.database.configuration.path, mode: .readWriteCreate)
        _ = try Migrator().migrate(connection, now: 1)
        #expect(try Self.kept(connection).isEmpty)
        let kinds = ["transit", "ordinary", "careCentre"]
        let statuses = ["open", "closing", "closed", "planned"]
        var generator = SplitMix(seed: 17)
        for step in 0..<400 {
            let id = "f\(generator.next(below: 12))"
            let exists = try connection.scalarInt("SELECT count(*) FROM facilities WHERE id = '\(id)'") == 1
            let kind = kinds[generator.next(below: kinds.count)]
            let status = statuses[generator.next(below: statuses.count)]
            switch (exists, generator.next(below: 6)) {
            case (false, _):
                try Self.insert(connection, id, kind: kind, status: status, capacity: generator.next(below: 500),
                                occupied: generator.next(below: 80))
            case (true, 0): try connection.run("DELETE FROM facilities WHERE id = ?", id)
            case (true, 1): try connection.run("UPDATE facilities SET kind = ? WHERE id = ?", kind, id)
            case (true, 2): try connection.run("UPDATE facilities SET status = ? WHERE id = ?", status, id)
            case (true, 3): try connection.run("UPDATE facilities SET occupied = ? WHERE id = ?", generator.next(below: 600), id)
            case (true, 4):
                try connection.run(
                    "UPDATE facilities SET capacity = ?, blocked = 0 WHERE id = ?", generator.next(below: 500), id)
            default:
                try connection.run("UPDATE facilities SET blocked = min(capacity, ?), name = 'x' WHERE id = ?", generator.next(below: 100), id)
            }
            #expect(try Self.kept(connection) == Self.counted(connection), "after step \(step)")
        }
    }
}

/// A small deterministic generator, so a failing step can be replayed.
private struct SplitMix {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}

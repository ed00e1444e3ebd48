import BeredskapCore
import BeredskapSQLite
import Testing

@testable import BeredskapStore

/// The schema's list of migrations: numbered 1…n without a gap or a repeat, and each one's SQL
/// exactly as it shipped (databases in the field have applied it; a change is a new version).
@Suite struct MigrationListTests {
    /// SHA-256 of each shipped migration's SQL, by version, with its name.
    static let shipped: [(version: Int, name: String, sha256: String)] = [
        (1, "foundation", "68c0452e099aea1a27eabb7bbb13c8b512abae2b0bd6ef462625f97ce2bc534e"),
        (2, "capacity", "a3fd91facdb16d39900dcb2f5d432135f7bb069e5d620f1dab32326eacbc17b5"),
        (3, "alerts", "51738174b8fb7bf3616cf84be93b396dec304e44a0f944ed8a955881bb1f1a4f"),
        (4, "playbooks", "716f0d21e650eefb2cd4c4a2ff5819187bb7bb839de6b355372d7d6dcfe42dba"),
        (5, "corrections", "7b4af17c5794085d386b39db10205959e7f0d9b6cc4279065e13458b7b11a23d"),
        (6, "text_out_of_events", "7c7f07e769164e1eb44ee0f98a51df23a1a2e1102afcf633892db7a73afdff3b"),
        (7, "settlement_records", "13767b30509f57b91295c351c4a38e9a04973cf320754a7261a014336c2c2c07"),
        (8, "settlement_years", "dac405a7469af603c2191ed0d956358b6bf7818ee48113bdb9105685ae4f5191"),
        (9, "cases_housing", "9513592e5c8aea55a65a0f959deade6ebe843dee6d677020b689ba03db328a75"),
        (10, "people", "41a22fb78b36b65405ddb9fccb051a1a136ed4f8d47d42f3e0c1847c3d35c2a0"),
        (11, "exercises", "a062e686959e866297549f9a51156526c2821b42eb9cd1360490d90bbe6918db"),
        (12, "read_subjects", "1aad2a09f8da4ccaa1ce3a18eb1f9e0f3fce98554ca773beb1407ee08f47586c"),
        (13, "exercise_reports", "82762f3e48e526e4b7ae627caa3fd1185b4ff632abeb18a828b60272fc64c454"),
        (14, "deadlines", "56f215afbd75a06886bab248dc55f9a5c935af52d9c36feb52056081f1352f3e"),
        (15, "minors", "b43e82260ace914ffaae8b75f29a2ec72ab2a1d621e4f43ddde77d75b13b7302"),
        (16, "grants", "a1d12fc481a86694ab00add130428956dfa381607ecf4afba37356fe57f8610a"),
        (17, "intro", "fddb0cf3d8892bfca4daf9c1173d3ad77abacbfaf5f95b844c760edc3d6291b5"),
        (18, "scheduled reports", "0b1d6981b82bc21986eae45f68f437af57bf6e251eff9bd691eacd56dbd06285"),
        (19, "places by kind", "4ffa8b6e2916747f264038c7af28e8d18187bf8052cc029fd3d9fe4333931640"),
    ]

    @Test func versionsRunFromOneWithoutGapsOrRepeats() {
        #expect(Migrations.all.map(\.version) == Array(1...Migrations.all.count))
        #expect(Migrator().latestVersion == Migrations.all.count)
    }

    @Test func aShippedMigrationIsNeverEdited() {
        // A new version is pinned here as it ships, so that it, too, is never edited afterwards.
        #expect(Self.shipped.map(\.version) == Migrations.all.map(\.version))
        for (version, name, sha256) in Self.shipped {
            let migration = Migrations.all.first { $0.version == version }
            #expect(migration?.name == name, "v\(version)")
            #expect(migration.map { SHA256.hexDigest(Array($0.sql.utf8)) } == sha256, "v\(version) \(name)")
        }
    }
}

import BeredskapSQLite

/// The schema, as an append-only list of migrations: one file per version, in the folder of
/// the feature that introduced it (`Capacity/V002Capacity.swift`; the foundation, which every
/// feature writes to, in `Schema/`). A new capability adds its tables as the next version and
/// appends it here; a version that has shipped never changes (MigrationListTests pins each
/// one's SQL and checks that the versions run 1…n).
///
/// Why one list here and not one per feature: the versions are one sequence across features
/// (v5 amends v2's tables after v3 and v4), and the store's own tests open the whole schema
/// without a daemon.
public enum Migrations {
    public static let all: [Migration] = [
        v001Foundation, v002Capacity, v003Alerts, v004Playbooks, v005Corrections, v006TextOutOfEvents,
        v007SettlementRecords, v008SettlementYears, v009CasesHousing, v010People, v011Exercises,
        v012ReadSubjects, v013ExerciseReports, v014Deadlines, v015Minors, v016Grants, v017Intro, v018ScheduledReports, v019PlacesByKind,
    ]
}

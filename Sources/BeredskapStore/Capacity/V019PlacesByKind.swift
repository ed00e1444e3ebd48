import BeredskapSQLite

extension Migrations {
    /// v19: occupied and available places per facility kind, kept by triggers on `facilities`.
    ///
    /// Why: the kind and city utilization rules need these sums after every batch of
    /// arrivals. Summing them from `facilities` (a scan and a sort of every facility) was the
    /// largest single cost on the writer thread under load — more than the arrivals
    /// themselves. The triggers keep the sums in the same statement that changes a facility,
    /// so they cannot drift from it, whatever writes the row. `facilities` counts the rows
    /// of the kind, so a kind no facility has any longer reads as absent, as the sum did.
    /// `available` follows `CapacityFigures`: only `open` and `closing` facilities give
    /// places, never fewer than none.
    static let v019PlacesByKind = Migration(
        version: 19, name: "places by kind",
        sql: """
            CREATE TABLE places_by_kind(
                kind TEXT PRIMARY KEY,
                facilities INTEGER NOT NULL,
                occupied INTEGER NOT NULL,
                available INTEGER NOT NULL
            ) WITHOUT ROWID;

            INSERT INTO places_by_kind(kind, facilities, occupied, available)
                SELECT kind, count(*), sum(occupied),
                    sum(CASE WHEN status IN ('open', 'closing') THEN max(0, capacity - blocked) ELSE 0 END)
                FROM facilities GROUP BY kind;

            CREATE TRIGGER facilities_places_inserted AFTER INSERT ON facilities BEGIN
                INSERT INTO places_by_kind(kind, facilities, occupied, available)
                    VALUES (NEW.kind, 1, NEW.occupied,
                        CASE WHEN NEW.status IN ('open', 'closing') THEN max(0, NEW.capacity - NEW.blocked) ELSE 0 END)
                    ON CONFLICT(kind) DO UPDATE SET facilities = facilities + 1,
                        occupied = occupied + excluded.occupied, available = available + excluded.available;
            END;

            CREATE TRIGGER facilities_places_deleted AFTER DELETE ON facilities BEGIN
                UPDATE places_by_kind SET facilities = facilities - 1, occupied = occupied - OLD.occupied,
                    available = available
                        - CASE WHEN OLD.status IN ('open', 'closing') THEN max(0, OLD.capacity - OLD.blocked) ELSE 0 END
                    WHERE kind = OLD.kind;
            END;

            CREATE TRIGGER facilities_places_updated AFTER UPDATE OF kind, status, occupied, capacity, blocked ON facilities
                WHEN NEW.kind = OLD.kind BEGIN
                UPDATE places_by_kind SET occupied = occupied + NEW.occupied - OLD.occupied,
                    available = available
                        + CASE WHEN NEW.status IN ('open', 'closing') THEN max(0, NEW.capacity - NEW.blocked) ELSE 0 END
                        - CASE WHEN OLD.status IN ('open', 'closing') THEN max(0, OLD.capacity - OLD.blocked) ELSE 0 END
                    WHERE kind = NEW.kind;
            END;

            CREATE TRIGGER facilities_places_moved AFTER UPDATE OF kind ON facilities
                WHEN NEW.kind != OLD.kind BEGIN
                UPDATE places_by_kind SET facilities = facilities - 1, occupied = occupied - OLD.occupied,
                    available = available
                        - CASE WHEN OLD.status IN ('open', 'closing') THEN max(0, OLD.capacity - OLD.blocked) ELSE 0 END
                    WHERE kind = OLD.kind;
                INSERT INTO places_by_kind(kind, facilities, occupied, available)
                    VALUES (NEW.kind, 1, NEW.occupied,
                        CASE WHEN NEW.status IN ('open', 'closing') THEN max(0, NEW.capacity - NEW.blocked) ELSE 0 END)
                    ON CONFLICT(kind) DO UPDATE SET facilities = facilities + 1,
                        occupied = occupied + excluded.occupied, available = available + excluded.available;
            END;
            """)
}

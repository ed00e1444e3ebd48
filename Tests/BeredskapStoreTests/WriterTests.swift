import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import Dispatch
import Foundation
import Synchronization
import Testing

@testable import BeredskapStore

/// Collects outcomes delivered on the writer thread.
final class OutcomeCollector: Sendable {
    private let outcomes = Mutex<[Int: WriteOutcome]>([:])
    private let done = DispatchSemaphore(value: 0)

    func completion(_ index: Int) -> @Sendable (WriteOutcome) -> Void {
        { outcome in
            self.outcomes.withLock { $0[index] = outcome }
            self.done.signal()
        }
    }

    func wait(for count: Int) -> [Int: WriteOutcome] {
        for _ in 0..<count { _ = done.wait(timeout: .now() + 30) }
        return outcomes.withLock { $0 }
    }
}

/// Holds the writer inside a transaction (as command 0) until the returned semaphore is
/// signalled, so that the commands submitted meanwhile are guaranteed to form the next batch.
func holdWriter(_ writer: Writer, _ collector: OutcomeCollector) -> DispatchSemaphore {
    let (started, release) = (DispatchSemaphore(value: 0), DispatchSemaphore(value: 0))
    writer.submit(WriteCommand(actor: .system) { transaction in
        try transaction.appendSystemEvent(testEventType("test.blocker"), TestPayload(), subject: nil)
        started.signal()
        release.wait()
        return CommandReply(status: 200, body: [])
    }, completion: collector.completion(0))
    _ = started.wait(timeout: .now() + 30)
    return release
}

@Suite struct WriterTests {
    func makeWriter(_ directory: TemporaryDirectory, clock: any WallClock = ManualWallClock(),
                    onCommit: @escaping @Sendable ([Event]) -> Void = { _ in }) throws -> Writer {
        Writer(connection: try directory.database.openForWriting(now: 0), clock: clock, onCommit: onCommit)
    }

    /// An erasure asks for it: the WAL is copied into the file and emptied after the commit,
    /// before the command's completion runs.
    @Test func aCommandCanHaveTheWALCheckpointedAfterItsCommit() throws {
        let directory = try TemporaryDirectory()
        let writer = try makeWriter(directory)
        defer { writer.close() }
        let wal = directory.path + "/state.db-wal"
        func walSize() -> Int { ((try? FileManager.default.attributesOfItem(atPath: wal))?[.size] as? Int) ?? -1 }
        guard case .committed = writer.perform(appendCommand("test.plain")) else {
            Issue.record("not committed")
            return
        }
        #expect(walSize() > 0)
        let checkpointed = writer.perform(WriteCommand(actor: .system) { transaction in
            try transaction.appendSystemEvent(testEventType("test.erased"), TestPayload(), subject: nil)
            transaction.checkpointAfterCommit()
            return CommandReply(status: 200, body: [])
        })
        guard case .committed = checkpointed else {
            Issue.record("not committed")
            return
        }
        #expect(walSize() == 0)
        #expect(writer.currentStatistics.incompleteCheckpoints == 0)
        let reader = try directory.database.openForReading()
        #expect(try reader.scalarInt("SELECT count(*) FROM events WHERE type = 'test.erased'") == 1)
    }

    @Test func commandsThatQueueDuringACommitAreCommittedTogether() throws {
        let directory = try TemporaryDirectory()
        let writer = try makeWriter(directory)
        defer { writer.close() }
        let collector = OutcomeCollector()
        let release = holdWriter(writer, collector)
        let waiting = 31
        for index in 1...waiting { writer.submit(appendCommand("test.queued"), completion: collector.completion(index)) }
        release.signal()
        let outcomes = collector.wait(for: waiting + 1)
        #expect(outcomes.count == waiting + 1)
        let statistics = writer.currentStatistics
        #expect(statistics.batches == 2)
        #expect(statistics.largestBatch == waiting)
        #expect(statistics.commands == waiting + 1)
    }

    @Test func aFailingCommandRollsBackAloneInItsBatch() throws {
        let directory = try TemporaryDirectory()
        let published = Mutex<[Event]>([])
        let writer = try makeWriter(directory) { events in published.withLock { $0 += events } }
        let collector = OutcomeCollector()
        let release = holdWriter(writer, collector)
        struct Refused: Error {}
        writer.submit(appendCommand("test.first"), completion: collector.completion(1))
        writer.submit(WriteCommand(actor: .system) { transaction in
            try transaction.appendSystemEvent(testEventType("test.doomed"), TestPayload(), subject: nil)
            throw Refused()
        }, completion: collector.completion(2))
        writer.submit(appendCommand("test.third"), completion: collector.completion(3))
        release.signal()
        let outcomes = collector.wait(for: 4)
        writer.close()
        #expect(writer.currentStatistics.largestBatch == 3, "the three shared one transaction")
        guard case .rejected(let error) = outcomes[2] else { Issue.record("expected a rejection"); return }
        #expect(error is Refused)
        guard case .committed(_, let first) = outcomes[1], case .committed(_, let third) = outcomes[3] else {
            Issue.record("neighbours should commit"); return
        }
        #expect(third[0].seq == first[0].seq + 1)  // the doomed event's seq was rolled back too
        let stored = try directory.database.openForReading().events(after: 0, limit: 10)
        #expect(stored.map(\.type) == ["test.blocker", "test.first", "test.third"])
        #expect(published.withLock { $0.map(\.type) } == ["test.blocker", "test.first", "test.third"])
    }

    @Test func eventsAreDurableAndReadableFromAnotherConnection() throws {
        let directory = try TemporaryDirectory()
        let writer = try makeWriter(directory)
        let outcome = writer.perform(appendCommand("log.added", subject: "facility/refstad"))
        guard case .committed(let reply, let events) = outcome else { Issue.record("not committed"); return }
        #expect(reply.status == 201)
        let reader = try directory.database.openForReading()
        let stored = try reader.events(after: 0, limit: 10)
        #expect(stored == events)
        #expect(stored.first?.actor == Principal(uid: 1000, user: "oslo-ops"))
        #expect(stored.first?.subject == "facility/refstad")
        #expect(try reader.lastEventSeq() == events.last?.seq)
        writer.close()
    }

    @Test func eventTimesNeverRunBackwardsEvenIfTheClockDoes() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualWallClock(Timestamp(millisecondsSinceEpoch: 10_000))
        let writer = try makeWriter(directory, clock: clock)
        _ = writer.perform(appendCommand("a"))
        clock.set(Timestamp(millisecondsSinceEpoch: 5_000))  // an NTP step backwards
        _ = writer.perform(appendCommand("b"))
        writer.close()
        let times = try directory.database.openForReading().events(after: 0, limit: 10).map(\.time.millisecondsSinceEpoch)
        #expect(times == [10_000, 10_000])
    }

    @Test func theEventLogIsAppendOnly() throws {
        let directory = try TemporaryDirectory()
        let writer = try makeWriter(directory)
        _ = writer.perform(appendCommand("a"))
        let update = writer.perform(WriteCommand(actor: .system) { transaction in
            try transaction.connection.run("UPDATE events SET type = 'forged'")
            return CommandReply(status: 200, body: [])
        })
        let delete = writer.perform(WriteCommand(actor: .system) { transaction in
            try transaction.connection.run("DELETE FROM events")
            return CommandReply(status: 200, body: [])
        })
        writer.close()
        for outcome in [update, delete] {
            guard case .rejected(let error as SQLiteError) = outcome else { Issue.record("expected a refusal"); continue }
            #expect(error.kind == .constraint)
            #expect(error.message.contains("append-only"))
        }
        #expect(try directory.database.openForReading().events(after: 0, limit: 10).map(\.type) == ["test.a"])
    }

    @Test func idempotencyReplaysTheFirstReplyAndRefusesAnotherRequest() throws {
        let directory = try TemporaryDirectory()
        let writer = try makeWriter(directory)
        defer { writer.close() }
        func command(_ hash: String) -> WriteCommand {
            var command = appendCommand("log.added")
            command.idempotency = IdempotencyClaim(key: "k-1", requestHash: hash)
            return command
        }
        guard case .committed(let first, _) = writer.perform(command("h1")) else { Issue.record("first"); return }
        guard case .replayed(let replay) = writer.perform(command("h1")) else { Issue.record("replay"); return }
        #expect(replay == first)
        guard case .idempotencyConflict = writer.perform(command("h2")) else { Issue.record("conflict"); return }
        // Another user may use the same key for their own request.
        var other = command("h2")
        other.actor = Principal(uid: 1001, user: "bydel-ullern")
        guard case .committed = writer.perform(other) else { Issue.record("other user"); return }
        #expect(try directory.database.openForReading().events(after: 0, limit: 10).count == 2)
    }

    @Test func aRejectedCommandDoesNotConsumeItsIdempotencyKey() throws {
        let directory = try TemporaryDirectory()
        let writer = try makeWriter(directory)
        defer { writer.close() }
        struct NotYet: Error {}
        let claim = IdempotencyClaim(key: "retry-me", requestHash: "h")
        let failing = WriteCommand(actor: Principal(uid: 5, user: "u"), idempotency: claim) { _ in throw NotYet() }
        guard case .rejected = writer.perform(failing) else { Issue.record("should fail"); return }
        var succeeding = appendCommand("ok", actor: Principal(uid: 5, user: "u"))
        succeeding.idempotency = claim
        guard case .committed = writer.perform(succeeding) else { Issue.record("the retry should run"); return }
    }

    @Test func oldIdempotencyKeysArePurgedAfterTheRetention() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualWallClock(Timestamp(secondsSinceEpoch: 2_000_000_000))
        var configuration = Writer.Configuration()
        configuration.idempotencyRetention = .seconds(24 * 3600)
        let writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: clock, configuration: configuration)
        var command = appendCommand("a")
        command.idempotency = IdempotencyClaim(key: "old", requestHash: "h")
        _ = writer.perform(command)
        clock.advance(seconds: 25 * 3600)
        _ = writer.perform(appendCommand("b"))  // a later batch runs the purge
        guard case .committed = writer.perform(command) else { Issue.record("a purged key is free again"); return }
        writer.close()
    }

    @Test func afterCloseCommandsAreRefusedAndQueuedOnesFinish() throws {
        let directory = try TemporaryDirectory()
        let writer = try makeWriter(directory)
        let collector = OutcomeCollector()
        for index in 0..<20 { writer.submit(appendCommand("queued"), completion: collector.completion(index)) }
        writer.close()
        let outcomes = collector.wait(for: 20)
        #expect(outcomes.values.allSatisfy { if case .committed = $0 { true } else { false } })
        guard case .closed = writer.perform(appendCommand("late")) else { Issue.record("expected closed"); return }
        #expect(try directory.database.openForReading().events(after: 0, limit: 100).count == 20)
    }

    @Test func commitsAreDurableAcrossReopening() throws {
        let directory = try TemporaryDirectory()
        do {
            let writer = try makeWriter(directory)
            for _ in 0..<5 { _ = writer.perform(appendCommand("x")) }
            writer.close()
        }
        let reopened = try directory.database.openForWriting(now: 0)
        #expect(try reopened.lastEventSeq() == 5)
    }
}

@Suite struct WriterFailureTests {
    /// If the transaction ends under a command (SQLite rolls back on disk full or I/O errors),
    /// the whole batch fails, and no later command is committed on its own.
    @Test func aTransactionLostMidBatchFailsTheWholeBatch() throws {
        let directory = try TemporaryDirectory()
        let published = Mutex<[Event]>([])
        let writer = Writer(
            connection: try directory.database.openForWriting(now: 0), clock: ManualWallClock(),
            onCommit: { events in published.withLock { $0 += events } })
        let collector = OutcomeCollector()
        let release = holdWriter(writer, collector)
        writer.submit(appendCommand("before"), completion: collector.completion(1))
        writer.submit(WriteCommand(actor: .system) { transaction in
            try transaction.connection.execute("ROLLBACK")  // what SQLite does itself on SQLITE_FULL
            return CommandReply(status: 200, body: [])
        }, completion: collector.completion(2))
        writer.submit(appendCommand("after"), completion: collector.completion(3))
        release.signal()
        let outcomes = collector.wait(for: 4)
        for index in 1...3 {
            guard case .storeFailed = outcomes[index] else { Issue.record("command \(index) should fail"); continue }
        }
        // The writer recovers for the next batch.
        guard case .committed = writer.perform(appendCommand("next")) else { Issue.record("recovery"); return }
        writer.close()
        #expect(try directory.database.openForReading().events(after: 0, limit: 10).map(\.type) == ["test.blocker", "test.next"])
        #expect(published.withLock { $0.map(\.type) } == ["test.blocker", "test.next"])
    }

    @Test func eventTimesDoNotRunBackwardsAcrossARestart() throws {
        let directory = try TemporaryDirectory()
        let clock = ManualWallClock(Timestamp(millisecondsSinceEpoch: 50_000))
        var writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: clock)
        _ = writer.perform(appendCommand("before restart"))
        writer.close()
        clock.set(Timestamp(millisecondsSinceEpoch: 20_000))  // the clock was wrong at the next start
        writer = Writer(connection: try directory.database.openForWriting(now: 0), clock: clock)
        _ = writer.perform(appendCommand("after restart"))
        writer.close()
        let times = try directory.database.openForReading().events(after: 0, limit: 10).map(\.time.millisecondsSinceEpoch)
        #expect(times == [50_000, 50_000])
    }
}

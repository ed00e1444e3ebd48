import BeredskapCore
import CShims
import Foundation
import Synchronization

/// The one owner of the write connection: every change to the state goes through here.
///
/// Why one writer: SQLite allows one writer at a time anyway, and serialising commands in
/// one thread lets each validate against the state the previous ones left, with no lock
/// juggling. Group commit makes it fast: all commands that queued while the previous COMMIT
/// was syncing run in the next transaction (each in its own savepoint) and share its fsync.
/// Nothing is reported as committed before COMMIT has returned, and with WAL and
/// `synchronous=FULL` that means it is on disk.
///
/// The writer knows no feature: it needs only the tables `events` (the append-only log that
/// `WriteTransaction` appends to) and `idempotency_keys`, which the schema's first migration
/// creates (beredskap's is in BeredskapStore).
public final class Writer: Sendable {
    public struct Configuration: Sendable, Equatable {
        /// Most commands in one transaction; bounds the latency one batch adds to the next.
        public var maxBatchSize: Int = 1024
        /// Idempotency keys are kept at least this long (the API promises 24 hours).
        public var idempotencyRetention: FixedDuration = .seconds(48 * 3600)
        /// Every command is an exercise's (`events.exercise`, alerts, runs and notifications
        /// follow `WriteTransaction.exercise`): the writer of a world on an exercise's copy.
        public var exercise = false

        public init() {}
    }

    /// Counters for `/v1/metrics`: how well group commit is working.
    public struct Statistics: Sendable, Equatable {
        public var batches: Int = 0
        public var commands: Int = 0
        public var failedCommits: Int = 0
        public var largestBatch: Int = 0
        /// Time running the commands of batches (inside the transaction, before COMMIT).
        public var executeSeconds: Double = 0
        /// Time in COMMIT: writing the WAL and waiting for fsync.
        public var commitSeconds: Double = 0
        /// Checkpoints asked for after a commit (an erasure) that could not copy and truncate
        /// the whole WAL: a reader held an old snapshot past the busy timeout, or it failed.
        public var incompleteCheckpoints: Int = 0
    }

    private struct Job: Sendable {
        let command: WriteCommand
        let completion: @Sendable (WriteOutcome) -> Void
    }

    private let queue = CommandQueue<Job>()
    private let configuration: Configuration
    private let clock: any WallClock
    private let onCommit: @Sendable ([Event]) -> Void
    private let onStoreHealth: @Sendable (SQLiteError?) -> Void
    private let statistics = Mutex(Statistics())
    private let finished = DispatchSemaphore(value: 0)
    /// Confined to the writer thread after `init`; wrapped only to hand it over safely.
    private let connectionBox: ConnectionBox

    /// Starts the writer thread.
    /// - Parameters:
    ///   - onCommit: called on the writer thread after each durable commit with the events it
    ///     appended, in seq order, before any completion of that batch runs.
    ///   - onStoreHealth: called on the writer thread after each batch with the store failure
    ///     (a full disk, an I/O error) that failed the batch or one of its commands, or nil when
    ///     it committed without one: how the daemon learns that it cannot write, and when it
    ///     can again.
    public init(
        connection: SQLiteConnection, clock: any WallClock, configuration: Configuration = Configuration(),
        onCommit: @escaping @Sendable ([Event]) -> Void = { _ in },
        onStoreHealth: @escaping @Sendable (SQLiteError?) -> Void = { _ in }
    ) {
        self.configuration = configuration
        self.clock = clock
        self.onCommit = onCommit
        self.onStoreHealth = onStoreHealth
        connectionBox = ConnectionBox(connection)
        let thread = Thread { [self] in run() }
        thread.name = "beredskap-writer"
        thread.stackSize = 4 << 20
        thread.start()
    }

    /// Queues a command; `completion` runs on the writer thread once the outcome is durable.
    /// Keep completions short: hand the reply to another thread.
    public func submit(_ command: WriteCommand, completion: @escaping @Sendable (WriteOutcome) -> Void) {
        if !queue.push(Job(command: command, completion: completion)) { completion(.closed) }
    }

    /// Submits and waits. For startup, tests and tools — never on an event-loop thread.
    public func perform(_ command: WriteCommand) -> WriteOutcome {
        let done = DispatchSemaphore(value: 0)
        let result = Mutex<WriteOutcome>(.closed)
        submit(command) { outcome in
            result.withLock { $0 = outcome }
            done.signal()
        }
        done.wait()
        return result.withLock { $0 }
    }

    /// Stops accepting commands, finishes the queued ones, closes the connection and returns
    /// when the writer thread has ended.
    public func close() {
        queue.close()
        finished.wait()
        finished.signal()  // later calls return at once
    }

    public var currentStatistics: Statistics { statistics.withLock { $0 } }

    // MARK: - The writer thread

    private func run() {
        bshim_set_thread_name("beredskap-write")
        // Event times never run backwards, across restarts too: start from the newest event.
        var lastEventTime = Self.newestEventTime(connectionBox.connection)
        var lastPurge = Timestamp(millisecondsSinceEpoch: 0)
        while let batch = queue.takeBatch(limit: configuration.maxBatchSize) {
            guard let connection = connectionBox.connection else { break }
            let started = DispatchTime.now().uptimeNanoseconds
            var executed = started
            var outcomes: [WriteOutcome] = []
            var committedEvents: [Event] = []
            var commitFailed = false
            var checkpoint = false
            do {
                try connection.execute("BEGIN IMMEDIATE")
                for job in batch {
                    let now = max(clock.now(), lastEventTime)
                    let outcome = execute(job.command, on: connection, now: now, checkpoint: &checkpoint)
                    // SQLite may roll a whole transaction back by itself (disk full, I/O error).
                    // Then nothing of this batch survives, and running on would commit later
                    // commands outside it: fail the batch as one.
                    guard connection.isInTransaction else { throw TransactionLost(after: outcome) }
                    if case .committed(_, let events) = outcome, let last = events.last {
                        committedEvents.append(contentsOf: events)
                        lastEventTime = last.time
                    }
                    outcomes.append(outcome)
                }
                let now = clock.now()
                if now.milliseconds(since: lastPurge) > 3_600_000 {
                    try purgeIdempotencyKeys(connection, now: now)
                    lastPurge = now
                }
                executed = DispatchTime.now().uptimeNanoseconds
                try connection.execute("COMMIT")
            } catch {
                if connection.isInTransaction { try? connection.execute("ROLLBACK") }
                let failure = error as? SQLiteError ?? (error as? TransactionLost)?.cause
                    ?? SQLiteError(code: 1, message: "\(error)", context: "committing a batch")
                outcomes = batch.map { _ in .storeFailed(failure) }
                committedEvents = []
                commitFailed = true
                checkpoint = false
            }
            if checkpoint { self.checkpoint(connection) }
            let finished = DispatchTime.now().uptimeNanoseconds
            record(batchSize: batch.count, failed: commitFailed, executing: executed - started, committing: finished - executed)
            if !committedEvents.isEmpty { onCommit(committedEvents) }
            onStoreHealth(outcomes.lazy.compactMap(\.storeFailure).first)
            for (job, outcome) in zip(batch, outcomes) { job.completion(outcome) }
        }
        connectionBox.close()
        finished.signal()
    }

    /// Copies the WAL into the database file and truncates it, after the commit and before the
    /// batch's replies: waits (busy timeout) for readers on older snapshots. A checkpoint that
    /// cannot finish leaves the WAL to the next one; the commit stands either way.
    /// Counted in `Statistics.incompleteCheckpoints`.
    private func checkpoint(_ connection: SQLiteConnection) {
        let busy = (try? connection.query("PRAGMA wal_checkpoint(TRUNCATE)") { $0.int(0) })?.first ?? 1
        if busy != 0 { statistics.withLock { $0.incompleteCheckpoints += 1 } }
    }

    /// Runs one command inside its own savepoint, with idempotency bookkeeping; sets
    /// `checkpoint` when the command committed and asked for a checkpoint after the commit.
    private func execute(
        _ command: WriteCommand, on connection: SQLiteConnection, now: Timestamp, checkpoint: inout Bool
    ) -> WriteOutcome {
        do {
            try connection.run("SAVEPOINT command")
        } catch {
            return .storeFailed(error)
        }
        do {
            if let claim = command.idempotency, let uid = command.actor.uid {
                if let previous = try connection.queryFirst(
                    "SELECT request_hash, status, response FROM idempotency_keys WHERE actor_uid = ? AND key = ?",
                    [uid, claim.key], { row in (row.text(0), CommandReply(status: row.int(1), body: row.blob(2))) })
                {
                    try connection.run("RELEASE command")
                    return previous.0 == claim.requestHash ? .replayed(previous.1) : .idempotencyConflict
                }
            }
            var transaction = WriteTransaction(
                connection: connection, now: now, actor: command.actor, exercise: command.exercise || configuration.exercise)
            let reply = try command.apply(&transaction)
            if let claim = command.idempotency, let uid = command.actor.uid, (200..<300).contains(reply.status) {
                try connection.run(
                    "INSERT INTO idempotency_keys(actor_uid, key, request_hash, status, response, created_ms) VALUES (?, ?, ?, ?, ?, ?)",
                    uid, claim.key, claim.requestHash, reply.status, reply.body, now.millisecondsSinceEpoch)
            }
            try connection.run("RELEASE command")
            checkpoint = checkpoint || transaction.wantsCheckpoint
            return .committed(reply, events: transaction.events)
        } catch {
            do {
                try connection.run("ROLLBACK TO command")
                try connection.run("RELEASE command")
            } catch let rollbackFailure {
                return .storeFailed(rollbackFailure)
            }
            if let sqliteError = error as? SQLiteError, sqliteError.kind == .full || sqliteError.kind == .io {
                return .storeFailed(sqliteError)
            }
            return .rejected(error)
        }
    }

    private static func newestEventTime(_ connection: SQLiteConnection?) -> Timestamp {
        guard let connection, let newest = try? connection.scalarInt("SELECT time_ms FROM events ORDER BY seq DESC LIMIT 1")
        else { return Timestamp(millisecondsSinceEpoch: 0) }
        return Timestamp(millisecondsSinceEpoch: newest)
    }

    private func purgeIdempotencyKeys(_ connection: SQLiteConnection, now: Timestamp) throws {
        let cutoff = now.adding(milliseconds: -configuration.idempotencyRetention.milliseconds)
        try connection.run("DELETE FROM idempotency_keys WHERE created_ms < ?", cutoff.millisecondsSinceEpoch)
    }

    private func record(batchSize: Int, failed: Bool, executing: UInt64, committing: UInt64) {
        statistics.withLock { statistics in
            statistics.batches += 1
            statistics.commands += batchSize
            statistics.largestBatch = max(statistics.largestBatch, batchSize)
            statistics.executeSeconds += Double(executing) / 1e9
            statistics.commitSeconds += Double(committing) / 1e9
            if failed { statistics.failedCommits += 1 }
        }
    }
}

/// The batch's transaction ended under a command (SQLite rolled it back).
private struct TransactionLost: Error {
    let cause: SQLiteError

    init(after outcome: WriteOutcome) {
        if case .storeFailed(let error) = outcome {
            cause = error
        } else {
            cause = SQLiteError(code: 1, message: "the transaction was rolled back", context: "running a batch")
        }
    }
}

/// Hands the write connection to the writer thread, which alone uses it afterwards.
private final class ConnectionBox: @unchecked Sendable {
    // @unchecked: after init only the writer thread touches `connection` (see Writer.run).
    private(set) var connection: SQLiteConnection?

    init(_ connection: SQLiteConnection) { self.connection = connection }

    func close() { connection = nil }
}

import BeredskapCore
import BeredskapJSON

/// What a successful command answers. Stored verbatim for idempotent replays, which is why
/// it is the encoded body and not a Swift value.
public struct CommandReply: Sendable, Equatable {
    public var status: Int
    public var body: [UInt8]

    public init(status: Int, body: [UInt8]) {
        self.status = status
        self.body = body
    }
}

/// An `Idempotency-Key` together with a digest of the request it came with.
public struct IdempotencyClaim: Sendable, Equatable {
    public var key: String
    /// SHA-256 (hex) over method, target and body: the same key with another request is a conflict.
    public var requestHash: String

    public init(key: String, requestHash: String) {
        self.key = key
        self.requestHash = requestHash
    }
}

/// A unit of work for the writer: validated and applied inside the writer's transaction.
///
/// Why a closure: the command must validate against the *current* state inside the same
/// transaction that changes it, so checks and changes cannot interleave with other writes.
/// A thrown error rolls back only this command (a savepoint), never its batch neighbours.
public struct WriteCommand: Sendable {
    public var actor: Principal
    public var exercise: Bool
    public var idempotency: IdempotencyClaim?
    public var apply: @Sendable (inout WriteTransaction) throws -> CommandReply

    public init(
        actor: Principal, exercise: Bool = false, idempotency: IdempotencyClaim? = nil,
        apply: @escaping @Sendable (inout WriteTransaction) throws -> CommandReply
    ) {
        self.actor = actor
        self.exercise = exercise
        self.idempotency = idempotency
        self.apply = apply
    }
}

/// How a command ended.
public enum WriteOutcome: Sendable {
    /// Durable: committed (and fsynced) before this outcome was delivered.
    case committed(CommandReply, events: [Event])
    /// The same idempotency key and request were seen before; this is the original reply.
    case replayed(CommandReply)
    /// The command threw; none of its writes were kept.
    case rejected(any Error)
    /// The idempotency key was used before with a different request.
    case idempotencyConflict
    /// The batch could not be committed (disk full, I/O error); nothing of it was kept.
    case storeFailed(SQLiteError)
    /// The writer is shut down.
    case closed
}

extension WriteOutcome {
    /// The store's failure, when that is what this outcome is.
    public var storeFailure: SQLiteError? {
        if case .storeFailed(let error) = self { return error }
        return nil
    }
}

/// The view a command gets of the open transaction.
public struct WriteTransaction {
    public let connection: SQLiteConnection
    /// The command's time: never earlier than the previous event's, so event times follow seq.
    public let now: Timestamp
    public let actor: Principal
    public let exercise: Bool
    public private(set) var events: [Event] = []
    /// Set by `checkpointAfterCommit()`.
    public private(set) var wantsCheckpoint = false

    init(connection: SQLiteConnection, now: Timestamp, actor: Principal, exercise: Bool) {
        self.connection = connection
        self.now = now
        self.actor = actor
        self.exercise = exercise
    }

    /// Asks the writer to checkpoint the WAL into the database file and truncate it once this
    /// batch is committed (`wal_checkpoint(TRUNCATE)`): after an erasure, so that the old
    /// pages holding what was erased do not stay in the WAL until the next automatic checkpoint.
    public mutating func checkpointAfterCommit() { wantsCheckpoint = true }

    /// Appends an event of `type` by the command's actor.
    @discardableResult
    public mutating func appendEvent<Payload>(_ type: EventType<Payload>, _ payload: Payload, subject: String?) throws -> Event {
        try append(type, payload, subject: subject, actor: actor)
    }

    /// Appends an event of `type` by the system (a consequence the rule engine derives, say).
    @discardableResult
    public mutating func appendSystemEvent<Payload>(_ type: EventType<Payload>, _ payload: Payload, subject: String?) throws
        -> Event
    {
        try append(type, payload, subject: subject, actor: .system)
    }

    /// The seq of the last event this command appended.
    public var lastEventSeq: Int64? { events.last?.seq }

    private mutating func append<Payload>(
        _ type: EventType<Payload>, _ payload: Payload, subject: String?, actor: Principal
    ) throws -> Event {
        let data = try payload.eventData()
        try connection.run(
            "INSERT INTO events(time_ms, actor_uid, actor_user, type, subject, data, exercise) VALUES (?, ?, ?, ?, ?, ?, ?)",
            now.millisecondsSinceEpoch, actor.uid, actor.user, type.name, subject, data.serializedString(), exercise)
        let event = Event(
            seq: connection.lastInsertRowID, time: now, type: type.name, actor: actor, subject: subject, data: data,
            exercise: exercise, payload: payload)
        events.append(event)
        return event
    }
}

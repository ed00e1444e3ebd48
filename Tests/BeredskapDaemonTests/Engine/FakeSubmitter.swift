import BeredskapSQLite
import BeredskapStore
import Synchronization

@testable import BeredskapDaemon

/// A writer stand-in for engine plumbing: it keeps what is submitted until the test runs it,
/// so a test can look between a command's start and its outcome. No store, no thread.
final class FakeSubmitter: CommandSubmitter {
    /// What a fake command's body gets instead of a write transaction.
    struct Transaction {}

    /// One submitted command.
    final class Job: Sendable {
        private let body: @Sendable (inout Transaction) throws -> Void
        private let completion: @Sendable (WriteOutcome) -> Void

        init(body: @escaping @Sendable (inout Transaction) throws -> Void, completion: @escaping @Sendable (WriteOutcome) -> Void) {
            self.body = body
            self.completion = completion
        }

        /// Runs the body, as inside the writer's transaction: the committed outcome, or the
        /// refusal it threw.
        func begin() -> WriteOutcome {
            var transaction = Transaction()
            do {
                try body(&transaction)
                return FakeSubmitter.committed
            } catch {
                return .rejected(error)
            }
        }

        /// Delivers the outcome, as the writer does once the batch is durable (or not).
        func complete(_ outcome: WriteOutcome) { completion(outcome) }

        /// Begins and completes with what the body did.
        func run() { complete(begin()) }
    }

    static let committed = WriteOutcome.committed(CommandReply(status: 204, body: []), events: [])
    static let diskFull = WriteOutcome.storeFailed(SQLiteError(code: 13, message: "database or disk is full", context: "a test"))

    private let jobs = Mutex<[Job]>([])
    private let attached = Mutex(true)

    /// Without a writer, every submission is refused.
    func detach() { attached.withLock { $0 = false } }
    func attach() { attached.withLock { $0 = true } }

    func submit(
        _ body: @escaping @Sendable (inout Transaction) throws -> Void, completion: @escaping @Sendable (WriteOutcome) -> Void
    ) -> Bool {
        guard attached.withLock({ $0 }) else { return false }
        jobs.withLock { $0.append(Job(body: body, completion: completion)) }
        return true
    }

    /// Commands submitted and not yet taken.
    var waiting: Int { jobs.withLock { $0.count } }

    /// The oldest command not yet taken.
    func take() -> Job? {
        jobs.withLock { $0.isEmpty ? nil : $0.removeFirst() }
    }
}

/// Counts calls from `@Sendable` closures.
final class Counter: Sendable {
    private let value = Mutex(0)

    func increment() { value.withLock { $0 += 1 } }
    var count: Int { value.withLock { $0 } }
}

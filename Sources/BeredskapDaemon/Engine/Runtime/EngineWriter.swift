import BeredskapSQLite
import BeredskapStore
import Synchronization

/// Where an engine's system commands go: the writer in a world, a fake in tests.
protocol CommandSubmitter: Sendable {
    /// What a command's body works in: the writer's transaction.
    associatedtype Transaction

    /// Queues `body` as a system command; `completion` gets its outcome once it is durable (or
    /// not). False, and `completion` is never called, when there is nowhere to send it yet.
    func submit(
        _ body: @escaping @Sendable (inout Transaction) throws -> Void, completion: @escaping @Sendable (WriteOutcome) -> Void
    ) -> Bool
}

/// One system command of an engine: what it does inside the transaction, and what follows.
struct EngineCommand<Transaction>: Sendable {
    /// Names it in the log and in its retry's scheduler key (`alerts/evaluation`).
    var name: String
    var body: @Sendable (inout Transaction) throws -> Void
    /// After it committed (on the writer thread).
    var committed: @Sendable () -> Void = {}
    /// After it was not committed: nothing of it was kept.
    var notCommitted: @Sendable () -> Void = {}
}

extension CommandSubmitter {
    /// Submits `command` and runs what follows its outcome. When the store did not commit it
    /// (for any reason but shutdown), says so in the log and runs `again`, if given, after
    /// `Scheduler.retryDelay`. False when there is nowhere to send it yet.
    @discardableResult
    func submit(_ command: EngineCommand<Transaction>, on scheduler: Scheduler, again: Scheduler.Action?) -> Bool {
        submit(command.body) { outcome in
            switch outcome {
            case .committed, .replayed:
                command.committed()
            case .closed:
                command.notCommitted()
            case .rejected, .storeFailed, .idempotencyConflict:
                command.notCommitted()
                guard let again else {
                    DaemonLog.error("the system command \(command.name) was not committed: \(outcome)")
                    return
                }
                DaemonLog.error(
                    "the system command \(command.name) was not committed: \(outcome); trying again in \(Scheduler.retryDelay.milliseconds / 1000) s")
                scheduler.retry("retry/\(command.name)", action: again)
            }
        }
    }

    /// Submits `command`, and again after each pause for as long as it is not committed.
    @discardableResult
    func submitRetrying(_ command: EngineCommand<Transaction>, on scheduler: Scheduler) -> Bool {
        submit(command, on: scheduler) { _ = submitRetrying(command, on: scheduler) }
    }
}

/// The writer as an engine sees it: absent until the world attaches it, then the target of
/// every system command the engine writes.
final class EngineWriter: CommandSubmitter {
    private let writer = Mutex<Writer?>(nil)

    func attach(_ writer: Writer) {
        self.writer.withLock { $0 = writer }
    }

    func submit(
        _ body: @escaping @Sendable (inout WriteTransaction) throws -> Void, completion: @escaping @Sendable (WriteOutcome) -> Void
    ) -> Bool {
        guard let writer = writer.withLock({ $0 }) else { return false }
        writer.submit(
            WriteCommand(actor: .system) { transaction in
                try body(&transaction)
                return CommandReply(status: 204, body: [])
            }, completion: completion)
        return true
    }
}

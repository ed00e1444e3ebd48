import Synchronization

/// A system command an engine asks for often but needs queued only once at a time: the surge
/// level's decision, the alert evaluation, the playbook catch-up and the check of waits.
///
/// Why one type: each of them keeps a flag saying one is queued, submits to the writer, must
/// clear the flag when the command cannot be submitted (or it would never be queued again),
/// tries again after `Scheduler.retryDelay` when the store did not commit it, and must not
/// lose a request that arrives while the command runs. The flag means "a command is queued
/// that has not begun", and the command clears it as it begins inside the transaction: a
/// request before that is served by the queued command, which reads its inputs when it runs;
/// a request after it queues the next one.
final class CoalescedCommand<Submitter: CommandSubmitter>: Sendable {
    private struct Flag {
        /// The generation of the command queued and not yet begun.
        var waiting: UInt64?
        var generations: UInt64 = 0
    }

    private let submitter: Submitter
    private let scheduler: Scheduler
    private let flag = Mutex(Flag())

    init(submitter: Submitter, scheduler: Scheduler) {
        self.submitter = submitter
        self.scheduler = scheduler
    }

    /// Queues the command `make` builds, unless one is queued that has not begun (then `make`
    /// is not called: asking again costs no allocation).
    func request(_ make: () -> EngineCommand<Submitter.Transaction>) {
        guard let generation = take() else { return }
        submit(make(), generation: generation)
    }

    /// Whether a command is queued that has not begun.
    var isQueued: Bool { flag.withLock { $0.waiting != nil } }

    private func submit(_ command: EngineCommand<Submitter.Transaction>, generation: UInt64) {
        let flagged = EngineCommand<Submitter.Transaction>(
            name: command.name,
            body: { [self] transaction in
                release(generation)
                try command.body(&transaction)
            },
            committed: command.committed,
            notCommitted: { [self] in
                // A command that never began (the writer closed, or its batch failed first)
                // still holds the flag.
                release(generation)
                command.notCommitted()
            })
        let submitted = submitter.submit(flagged, on: scheduler) { [weak self] in self?.request { command } }
        if !submitted { release(generation) }
    }

    private func take() -> UInt64? {
        flag.withLock { flag in
            guard flag.waiting == nil else { return nil }
            flag.generations &+= 1
            flag.waiting = flag.generations
            return flag.generations
        }
    }

    /// Clears the flag if it is still `generation`'s (a later command may hold it by now).
    private func release(_ generation: UInt64) {
        flag.withLock { flag in
            if flag.waiting == generation { flag.waiting = nil }
        }
    }
}

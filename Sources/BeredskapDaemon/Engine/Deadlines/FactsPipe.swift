import BeredskapStore
import Foundation

/// Hands the persons' facts from the thread that reads them to the thread that evaluates
/// them, in batches, so that at start-up the store is read while the rules are evaluated:
/// on two cores the rebuild then takes about the longer of the two instead of their sum.
///
/// Bounded (`maximumBatches` waiting): a reader faster than the evaluation waits rather than
/// holding every person's facts in memory at once.
final class FactsPipe: @unchecked Sendable {
    static let batchSize = 2048
    static let maximumBatches = 8

    // Guarded by `condition`.
    private let condition = NSCondition()
    private var batches: [[PersonDeadlineFacts]] = []
    private var finished = false
    private var failure: (any Error)?

    /// Reads with `read` on a thread of its own, passing the facts on in batches.
    static func start(_ read: @escaping @Sendable ((PersonDeadlineFacts) -> Void) throws -> Void) -> FactsPipe {
        let pipe = FactsPipe()
        let thread = Thread {
            var batch: [PersonDeadlineFacts] = []
            batch.reserveCapacity(batchSize)
            do {
                try read { facts in
                    batch.append(facts)
                    if batch.count == batchSize {
                        pipe.put(batch)
                        batch.removeAll(keepingCapacity: true)
                    }
                }
                if !batch.isEmpty { pipe.put(batch) }
                pipe.finish(nil)
            } catch {
                pipe.finish(error)
            }
        }
        thread.name = "beredskap-deadline-read"
        thread.start()
        return pipe
    }

    /// The next batch; nil once the reader is done (then `error` says whether it failed).
    func next() -> [PersonDeadlineFacts]? {
        condition.lock()
        defer { condition.unlock() }
        while batches.isEmpty && !finished { condition.wait() }
        guard !batches.isEmpty else { return nil }
        condition.broadcast()
        return batches.removeFirst()
    }

    /// Why the reader stopped early; nil when it read everything.
    var error: (any Error)? {
        condition.lock()
        defer { condition.unlock() }
        return failure
    }

    private func put(_ batch: [PersonDeadlineFacts]) {
        condition.lock()
        defer { condition.unlock() }
        while batches.count >= Self.maximumBatches { condition.wait() }
        batches.append(batch)
        condition.broadcast()
    }

    private func finish(_ error: (any Error)?) {
        condition.lock()
        defer { condition.unlock() }
        finished = true
        failure = error
        condition.broadcast()
    }
}

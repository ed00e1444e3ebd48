import Dispatch
import Foundation
import Synchronization

/// The store's integrity check (`PRAGMA quick_check`) running on its own read-only connection
/// and thread while the daemon does the rest of its start (the engines' rebuild), and waited
/// for before the first request is served.
///
/// Why beside and not first: the check reads the whole file, so its time grows with the state
/// (0.4 s at 200,000 persons, 5 s at ten million events) whatever else the start does; run
/// first it adds to the engines' rebuild, run beside it the start takes the longer of the two.
/// Only when nothing is to be migrated: a migration writes, and a damaged file is never
/// written to by a schema change — then the check runs first, as before.
public final class IntegrityCheck: Sendable {
    private let outcome = Mutex<StoreOpenError??>(nil)
    private let finished = DispatchSemaphore(value: 0)

    /// A check already done (it ran before the file was used).
    static let passed: IntegrityCheck = {
        let check = IntegrityCheck()
        check.finish(nil)
        return check
    }()

    private init() {}

    /// Starts the check of the database at `path` on a thread of its own.
    static func beside(path: String, busyTimeoutMilliseconds: Int32) -> IntegrityCheck {
        let check = IntegrityCheck()
        let thread = Thread {
            do {
                let connection = try SQLiteConnection(path: path, mode: .readOnly, busyTimeoutMilliseconds: busyTimeoutMilliseconds)
                try Database.checkIntegrity(connection, path: path)
                check.finish(nil)
            } catch let error as StoreOpenError {
                check.finish(error)
            } catch let error as SQLiteError {
                check.finish(.cannotOpen(path: path, reason: error.message))
            } catch {
                check.finish(.cannotOpen(path: path, reason: "\(error)"))
            }
        }
        thread.name = "beredskap-integrity"
        thread.start()
        return check
    }

    private func finish(_ failure: StoreOpenError?) {
        outcome.withLock { $0 = .some(failure) }
        finished.signal()
    }

    /// Waits until the check is done; throws what it found wrong.
    public func wait() throws(StoreOpenError) {
        finished.wait()
        finished.signal()
        if let failure = outcome.withLock({ $0 }) ?? nil { throw failure }
    }
}

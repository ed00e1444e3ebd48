import BeredskapCore
import BeredskapSQLite

/// Reads for routes: each on a pooled read-only connection, a storage failure answered 503.
public struct StoreReads: Sendable {
    let pool: ReadPool

    public func read<T>(_ body: (SQLiteConnection) throws -> T) throws(APIError) -> T {
        do {
            return try pool.read(body)
        } catch let error as APIError {
            throw error
        } catch {
            throw .unavailable(
                Text("the store could not be read: \(error)", nb: "lageret kunne ikke leses: \(error)"))
        }
    }
}

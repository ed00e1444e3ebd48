import CSQLite

/// One SQLite connection with a statement cache.
///
/// Why a class that is not Sendable: SQLite connections are opened in multi-thread mode
/// (`SQLITE_OPEN_NOMUTEX`), which is fast but requires that one thread use a connection at a
/// time. The writer owns exactly one; readers borrow one each from a `ReadPool`.
public final class SQLiteConnection {
    public enum Mode: Sendable {
        case readWriteCreate
        case readOnly
    }

    let handle: OpaquePointer
    public let path: String
    private var statements: [String: SQLiteStatement] = [:]

    public init(path: String, mode: Mode, busyTimeoutMilliseconds: Int32 = 5000) throws(SQLiteError) {
        var pointer: OpaquePointer?
        let flags: Int32 = switch mode {
        case .readWriteCreate: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: SQLITE_OPEN_READONLY
        }
        let result = sqlite3_open_v2(path, &pointer, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, nil)
        guard result == SQLITE_OK, let opened = pointer else {
            let message = pointer.map { String(cString: sqlite3_errmsg($0)) } ?? "out of memory"
            if let pointer { sqlite3_close_v2(pointer) }
            throw SQLiteError(code: result, message: message, context: "opening \(path)")
        }
        handle = opened
        self.path = path
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        sqlite3_extended_result_codes(handle, 1)
    }

    deinit {
        statements.removeAll()
        sqlite3_close_v2(handle)
    }

    /// Runs one or more statements without parameters (schema, pragmas, transactions).
    public func execute(_ sql: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let result = sqlite3_exec(handle, sql, nil, nil, &message)
        guard result == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw SQLiteError(code: result, message: text, context: sql)
        }
    }

    /// Runs one statement with parameters; returns the number of rows it changed.
    @discardableResult
    public func run(_ sql: String, _ parameters: any SQLiteBindable...) throws(SQLiteError) -> Int {
        try run(sql, parameters: parameters)
    }

    /// The same with the parameters in an array (built up by the caller).
    @discardableResult
    public func run(_ sql: String, parameters: [any SQLiteBindable]) throws(SQLiteError) -> Int {
        let statement = try prepared(sql)
        try statement.bind(parameters)
        defer { statement.reset() }
        while try statement.step() {}
        return Int(sqlite3_changes(handle))
    }

    /// Runs a query and maps each row.
    public func query<T>(
        _ sql: String, _ parameters: [any SQLiteBindable] = [], _ map: (SQLiteRow) throws -> T
    ) throws -> [T] {
        let statement = try prepared(sql)
        try statement.bind(parameters)
        defer { statement.reset() }
        var rows: [T] = []
        while try statement.step() {
            rows.append(try map(SQLiteRow(statement: statement.handle)))
        }
        return rows
    }

    /// Runs a query and maps the first row, if any.
    public func queryFirst<T>(
        _ sql: String, _ parameters: [any SQLiteBindable] = [], _ map: (SQLiteRow) throws -> T
    ) throws -> T? {
        let statement = try prepared(sql)
        try statement.bind(parameters)
        defer { statement.reset() }
        guard try statement.step() else { return nil }
        return try map(SQLiteRow(statement: statement.handle))
    }

    /// A single integer from the first row's first column (counts, pragmas, max(seq)).
    public func scalarInt(_ sql: String, _ parameters: [any SQLiteBindable] = []) throws -> Int64? {
        try queryFirst(sql, parameters) { $0.optionalInt64(0) } ?? nil
    }

    /// A single text value from the first row's first column.
    public func scalarText(_ sql: String, _ parameters: [any SQLiteBindable] = []) throws -> String? {
        try queryFirst(sql, parameters) { $0.optionalText(0) } ?? nil
    }

    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` inside BEGIN IMMEDIATE … COMMIT, rolling back if it throws.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        try execute("BEGIN IMMEDIATE")
        do {
            let value = try body()
            try execute("COMMIT")
            return value
        } catch {
            try? execute("ROLLBACK")
            throw error
        }
    }

    func prepared(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        if let cached = statements[sql] { return cached }
        var pointer: OpaquePointer?
        let result = sqlite3_prepare_v3(handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &pointer, nil)
        guard result == SQLITE_OK, let prepared = pointer else { throw error(result, context: sql) }
        let statement = SQLiteStatement(handle: prepared, sql: sql, connection: self)
        statements[sql] = statement
        return statement
    }

    func error(_ code: Int32, context: String) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)), context: context)
    }
}

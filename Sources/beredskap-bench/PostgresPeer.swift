import Foundation
import Glibc

/// The peer a user would pick instead for durable writes: PostgreSQL from the distribution,
/// with its default durability (`fsync=on`, `synchronous_commit=on`), measured in the same run
/// as the daemon (issues 16 and 17). A throw-away cluster in a temporary directory, on a Unix
/// socket only, takes one single-row `INSERT` per transaction through `pgbench -n -f` with 1
/// and with 32 clients, and is stopped again.
///
/// Why a subprocess and not a client library: the figures are PostgreSQL's own tool's, which
/// nobody can say were held back by our client; and there is no PostgreSQL client among our
/// dependencies (there are none).
enum PostgresPeer {
    struct Figures {
        var oneClient: Double
        var thirtyTwoClients: Double
        var version: String
    }

    /// The binaries of the newest installed server (Debian: /usr/lib/postgresql/N/bin), or nil.
    static func binaries() -> String? {
        let root = "/usr/lib/postgresql"
        let versions = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).compactMap(Int.init).sorted()
        for version in versions.reversed() {
            let bin = "\(root)/\(version)/bin"
            if ["initdb", "pg_ctl", "pgbench", "psql"].allSatisfy({ FileManager.default.isExecutableFile(atPath: "\(bin)/\($0)") }) {
                return bin
            }
        }
        return nil
    }

    /// Measures the peer in `directory` (created here), or says why it cannot.
    static func measure(in directory: String, seconds: Double) -> Result<Figures, BenchError> {
        guard let bin = binaries() else {
            return .failure(BenchError("PostgreSQL is not installed (no /usr/lib/postgresql/N/bin with initdb, pg_ctl, pgbench): not measured"))
        }
        // PostgreSQL refuses to run as root: as root, run it as the distribution's postgres user.
        var owner: (uid: uid_t, gid: gid_t)?
        if getuid() == 0 {
            guard let entry = getpwnam("postgres") else { return .failure(BenchError("running as root and there is no postgres user")) }
            owner = (entry.pointee.pw_uid, entry.pointee.pw_gid)
        }
        let data = directory + "/data", sockets = directory + "/socket", script = directory + "/insert.sql"
        do {
            for path in [directory, sockets] {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
                if let owner { chown(path, owner.uid, owner.gid) }
            }
            try "INSERT INTO entries(time_ms, text) VALUES (1, 'benchmark entry');\n".write(toFile: script, atomically: true, encoding: .utf8)
            if let owner { chown(script, owner.uid, owner.gid) }
            let run = { (tool: String, arguments: [String]) throws(BenchError) -> String in
                try Self.run(bin + "/" + tool, arguments, as: owner == nil ? nil : "postgres")
            }
            _ = try run("initdb", ["-D", data, "-A", "trust", "-U", "bench", "--no-sync"])
            // The server inherits pg_ctl's output: nothing to read there (it would never end).
            _ = try Self.run(bin + "/pg_ctl", [
                "-D", data, "-l", directory + "/server.log", "-w",
                "-o", "-k \(sockets) -c listen_addresses= -c fsync=on -c synchronous_commit=on -c max_connections=64",
                "start",
            ], as: owner == nil ? nil : "postgres", capturing: false)
            defer { _ = try? run("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]) }
            let version = try run("psql", ["-h", sockets, "-U", "bench", "-d", "postgres", "-At", "-c", "SHOW server_version"])
            _ = try run("psql", [
                "-h", sockets, "-U", "bench", "-d", "postgres", "-q", "-c",
                "CREATE TABLE entries(id bigserial PRIMARY KEY, time_ms bigint NOT NULL, text text NOT NULL)",
            ])
            func tps(clients: Int) throws(BenchError) -> Double {
                let output = try run("pgbench", [
                    "-h", sockets, "-U", "bench", "-n", "-f", script, "-c", "\(clients)", "-j", "\(min(clients, 2))",
                    "-T", "\(max(1, Int(seconds.rounded())))", "postgres",
                ])
                // "tps = 5719.123456 (without initial connection time)"
                guard let line = output.split(separator: "\n").first(where: { $0.hasPrefix("tps = ") }),
                    let value = Double(line.dropFirst(6).prefix { $0 != " " })
                else { throw BenchError("pgbench printed no tps: \(output.suffix(300))") }
                return value
            }
            let one = try tps(clients: 1)
            let many = try tps(clients: 32)
            return .success(Figures(oneClient: one, thirtyTwoClients: many, version: version.trimmingCharacters(in: .whitespacesAndNewlines)))
        } catch let error as BenchError {
            return .failure(error)
        } catch {
            return .failure(BenchError("PostgreSQL: \(error)"))
        }
    }

    /// Runs `program` (as `user` through runuser, when given) and returns its standard output
    /// (nothing when not `capturing`: its output goes nowhere — a server started by it keeps
    /// what it inherits open).
    private static func run(_ program: String, _ arguments: [String], as user: String?, capturing: Bool = true) throws(BenchError) -> String {
        let argv = (user.map { ["/usr/sbin/runuser", "-u", $0, "--", program] } ?? [program]) + arguments
        let result = try Subprocess.run(argv, capturing: capturing)
        guard result.status == 0 else {
            throw BenchError("\((program as NSString).lastPathComponent) failed (exit \(result.status)): \(result.errors.suffix(400))")
        }
        return result.output
    }
}

import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore

/// `status`, `health`, `metrics` and `version`, each declared with its action (`ServiceCommands`).
extension CommandTree {
    static let status = Command(
        "status",
        summary: Text("one-screen overview: surge level, capacity, alerts, runs", nb: "oversikt: ankomstnivå, kapasitet, varsler, tiltak"),
        run: ServiceCommands.status)

    static let health = Command(
        "health",
        summary: Text("check that the daemon answers (exit 0 when healthy)", nb: "sjekk at tjenesten svarer (avslutter med 0 når alt er i orden)"),
        run: ServiceCommands.health)

    static let metrics = Command(
        "metrics",
        summary: Text("print the daemon's Prometheus metrics", nb: "skriv tjenestens Prometheus-målinger"),
        run: ServiceCommands.metrics)

    static let version = Command(
        "version",
        summary: Text("print the versions of the CLI and the daemon", nb: "skriv versjonene av verktøyet og tjenesten"),
        run: ServiceCommands.version)
}

/// `status`, `health`, `metrics`, `version`.
enum ServiceCommands {
    static func status(_ context: CommandContext) throws(CommandFailure) {
        let output = context.output
        let status = try call { () throws(ClientError) in try context.client.status() }
        guard !output.printedForScripts(status, csv: { FigureTables.status(status) }) else { return }
        let capacity = status.capacity
        let rows: [(Text, String)] = [
            (Text("Surge level", nb: "Ankomstnivå"), surgeLevelText(status.surgeLevel, output)),
            (Text("Capacity", nb: "Kapasitet"),
             PictureCommands.summary(
                available: capacity.available, occupied: capacity.occupied, free: capacity.free,
                overCapacity: capacity.overCapacity, utilization: capacity.available > 0 ? capacity.utilization : nil)(output.language)),
            (Text("Standby capacity", nb: "Reservekapasitet"), "\(status.capacity.standbyCapacity)"),
            (Text("Alerts", nb: "Varsler"),
             alertCounts(status.alerts)(output.language)),
            (Text("Playbook runs", nb: "Tiltakskort"),
             Text("\(status.runsActive) active", nb: "\(status.runsActive) pågår")(output.language)),
            (Text("Notifications", nb: "Utsendelser"),
             Text("\(status.notifications.pending) pending, \(status.notifications.dead) failed",
                  nb: "\(status.notifications.pending) venter, \(status.notifications.dead) feilet")(output.language)),
            (Text("Deadlines overdue", nb: "Frister overskredet"), "\(status.deadlinesOverdue)"),
            (Text("Last event", nb: "Siste hendelse"), "#\(status.lastEventSeq)"),
            (Text("Up", nb: "Oppe"), duration(status.uptimeS, output.language)),
        ]
        output.line(output.style.bold("beredskapd \(status.serverVersion)"))
        var table = Table(columns: [Table.Column(""), Table.Column("")])
        table.showsHeader = false
        for (label, value) in rows { table.addRow([label(output.language), value]) }
        output.table(table)
    }

    static func health(_ context: CommandContext) throws(CommandFailure) {
        let health = try call { () throws(ClientError) in try context.client.health() }
        if context.output.format == .json { return context.output.json(health) }
        context.output.line(health.status)
    }

    static func metrics(_ context: CommandContext) throws(CommandFailure) {
        context.output.raw(try call { () throws(ClientError) in try context.client.metrics() })
    }

    static func version(_ context: CommandContext) throws(CommandFailure) {
        let output = context.output
        let daemon: Result<VersionResponse, ClientError>
        do {
            daemon = .success(try context.client.version())
        } catch {
            daemon = .failure(error)
        }
        if output.format == .json {
            let daemonVersion = (try? daemon.get()).map { VersionInfo.Daemon(serverVersion: $0.serverVersion, apiVersion: $0.apiVersion) }
            return output.json(VersionInfo(cliVersion: APIContract.serverVersion, daemon: daemonVersion))
        }
        output.line("beredskap \(APIContract.serverVersion)")
        switch daemon {
        case .success(let version):
            output.line("beredskapd \(version.serverVersion) (API v\(version.apiVersion))")
        case .failure(let error):
            output.line(Text("beredskapd: not reachable (\(error))", nb: "beredskapd: kan ikke nås (\(error))"))
        }
    }

    struct VersionInfo: Encodable {
        struct Daemon: Encodable {
            var serverVersion: String
            var apiVersion: Int
        }

        var cliVersion: String
        var daemon: Daemon?

        private enum CodingKeys: String, CodingKey { case cliVersion, daemon }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(cliVersion, forKey: .cliVersion)
            try container.encode(daemon, forKey: .daemon)
        }
    }

    /// The level by its name in the reader's language, coloured as `surge` shows it.
    static func surgeLevelText(_ level: String, _ output: Output) -> String {
        guard let known = SurgeLevel(rawValue: level) else { return level }
        return CapacityFormat.surgeLevel(known, output)
    }

    /// "1 firing, 2 pending, 1 unacknowledged" / "1 aktivt, 2 ventende, 1 ukvittert": bokmål
    /// adjectives agree with the number (varsel is neuter).
    static func alertCounts(_ alerts: StatusResponse.Alerts) -> Text {
        Text(
            "\(alerts.firing) firing, \(alerts.pending) pending, \(alerts.unacknowledged) unacknowledged",
            nb: "\(alerts.firing) \(alerts.firing == 1 ? "aktivt" : "aktive"), \(alerts.pending) ventende, "
                + "\(alerts.unacknowledged) \(alerts.unacknowledged == 1 ? "ukvittert" : "ukvitterte")")
    }

    static func duration(_ seconds: Int64, _ language: Language) -> String {
        let days = seconds / 86_400, hours = seconds / 3600 % 24, minutes = seconds / 60 % 60
        if days > 0 { return Text("\(days) d \(hours) h", nb: "\(days) d \(hours) t")(language) }
        if hours > 0 { return Text("\(hours) h \(minutes) min", nb: "\(hours) t \(minutes) min")(language) }
        return Text("\(minutes) min \(seconds % 60) s", nb: "\(minutes) min \(seconds % 60) s")(language)
    }
}

/// Runs a client call, turning its error into a command failure.
func call<T>(_ body: () throws(ClientError) -> T) throws(CommandFailure) -> T {
    do {
        return try body()
    } catch {
        throw .client(error)
    }
}

/// Runs argument validation, turning a usage error into a command failure.
func usage<T>(_ body: () throws(UsageError) -> T) throws(CommandFailure) -> T {
    do {
        return try body()
    } catch {
        throw .usage(error)
    }
}

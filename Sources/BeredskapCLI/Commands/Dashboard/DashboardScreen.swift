import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore

/// The dashboard drawn for a screen of a given size: exactly `height` lines, none wider than
/// `width` display columns.
///
/// Why sections that give way in a fixed order: on a small screen the operator still needs
/// the one thing that decides the next hour — is there room? — so the header (time, surge
/// level, a lost connection) always shows, then capacity, the firing alerts, the active steps,
/// and the latest events take what is left. A section that does not fit whole ends in
/// "… and N more"; a section that cannot get its heading and one row is left out; a screen
/// too small for anything sensible says so instead of garbling.
extension Dashboard {
    static let minimumWidth = 30
    static let minimumHeight = 5

    /// A section: its heading and its rows (never empty: a section with nothing says so).
    private struct Section {
        var heading: String
        var rows: [String]
    }

    func render(width: Int, height: Int, language: Language, style: TextStyle, calendar: LocalCalendar) -> [String] {
        guard width > 0, height > 0 else { return [] }
        guard width >= Self.minimumWidth, height >= Self.minimumHeight else {
            let message = Text(
                "screen too small: \(width)×\(height), the dashboard needs \(Self.minimumWidth)×\(Self.minimumHeight)",
                nb: "skjermen er for liten: \(width)×\(height), oversikten trenger \(Self.minimumWidth)×\(Self.minimumHeight)")
            return [truncated(message(language), toDisplayWidth: width)] + Array(repeating: "", count: height - 1)
        }
        let context = RenderContext(width: width, language: language, style: style, calendar: calendar, now: at)
        let sections = [capacitySection(context), alertSection(context), stepSection(context), eventSection(context)]
        var lines = [header(context)] + Self.fit(sections, into: height - 1, width: width, context: context)
        lines += Array(repeating: "", count: max(0, height - lines.count))
        return lines
    }

    /// The sections in `rows` lines. In order, each section gets its heading and its essential
    /// rows (`essential`: all of capacity, a few alerts and steps, one event) while they fit;
    /// the first that does not fit gets what is left and the rest are left out. Room left over
    /// goes to more rows in the same order, then to blank lines between the sections.
    private static func fit(_ sections: [Section], into rows: Int, width: Int, context: RenderContext) -> [String] {
        let essential = [Int.max, 3, 3, 1]
        var budget = rows
        var shown: [Int] = []
        for (section, essential) in zip(sections, essential) {
            guard budget >= 2 else { break }
            let wanted = min(section.rows.count, essential)
            let given = min(wanted, budget - 1)
            shown.append(given)
            budget -= 1 + given
            if given < wanted { break }
        }
        for index in shown.indices {
            let more = min(sections[index].rows.count - shown[index], budget)
            shown[index] += more
            budget -= more
        }
        let spaced = budget >= shown.count - 1
        var lines: [String] = []
        for (index, count) in shown.enumerated() {
            if index > 0 && spaced { lines.append("") }
            let section = sections[index]
            lines.append(context.style.bold(truncated(section.heading, toDisplayWidth: width)))
            var rows = Array(section.rows.prefix(count))
            if count < section.rows.count {
                let hidden = section.rows.count - count + 1
                rows[count - 1] = context.style.dim(
                    truncated("  " + Text("… and \(hidden) more", nb: "… og \(hidden) til")(context.language), toDisplayWidth: width))
            }
            lines += rows
        }
        return lines
    }

    // MARK: Header

    private func header(_ context: RenderContext) -> String {
        let language = context.language, style = context.style
        var parts: [(String, (String) -> String)] = [("beredskap top", style.bold)]
        if reconnecting {
            parts.append((Text("reconnecting…", nb: "kobler til igjen…")(language), style.yellow))
        }
        if let surge {
            var text = Text("surge: ", nb: "ankomstnivå: ")(language) + surge.level.name(language).uppercased()
            if let since = surge.since { text += Text(" since ", nb: " siden ")(language) + context.short(since) }
            parts.append((text, Self.levelStyle(surge.level, style)))
        }
        if let at { parts.append((context.calendar.dateTimeText(at), { $0 })) }
        if let surge {
            parts.append((Text("\(surge.arrivals24h) arrivals in 24 h", nb: "\(surge.arrivals24h) ankomster siste døgn")(language), { $0 }))
        }
        return Self.joined(parts, width: context.width)
    }

    static func levelStyle(_ level: SurgeLevel, _ style: TextStyle) -> (String) -> String {
        switch level {
        case .crisis: { style.red(style.bold($0)) }
        case .high: style.red
        case .elevated: style.yellow
        case .normal: style.green
        }
    }

    /// Parts joined by " · ", cut at `width`, each styled on its own.
    private static func joined(_ parts: [(String, (String) -> String)], width: Int) -> String {
        var line = "", used = 0
        for (index, (text, styled)) in parts.enumerated() {
            let separator = index == 0 ? "" : " · "
            let room = width - used - displayWidth(separator)
            guard room > 0 else { break }
            let fitted = truncated(text, toDisplayWidth: room)
            line += separator + styled(fitted)
            used += displayWidth(separator) + displayWidth(fitted)
            if fitted != text { break }
        }
        return line
    }

    // MARK: Capacity

    private func capacitySection(_ context: RenderContext) -> Section {
        let language = context.language
        let heading = cap.map { Text("CAPACITY · cap \($0) places per facility", nb: "KAPASITET · tak \($0) plasser per mottak") }
            ?? Text("CAPACITY", nb: "KAPASITET")
        let picture = CapacityPicture(facilities: Array(facilities.values))
        var figures = picture.byKind.sorted { $0.key < $1.key }.map { ($0.key.name(language), $0.value) }
        guard !figures.isEmpty else {
            return Section(heading: heading(language), rows: [context.none(Text("no facilities", nb: "ingen mottak"))])
        }
        if figures.count > 1 { figures.append((Text("total", nb: "totalt")(language), picture.total)) }
        let counts = figures.map { "\($0.1.occupied)/\($0.1.available)" }
        let shares = figures.map { $0.1.utilization.map { "\(Int(($0 * 100).rounded())) %" } ?? "–" }
        let countWidth = counts.map(displayWidth).max() ?? 0
        let shareWidth = shares.map(displayWidth).max() ?? 0
        let fixed = 2 + 2 + countWidth + 2 + shareWidth + 2
        // The kind's name whole while a bar of four cells is left; a narrower screen cuts the name.
        let labelWidth = min(figures.map { displayWidth($0.0) }.max() ?? 0, max(6, context.width - fixed - 4))
        let cells = min(Chart.maximumBarWidth, context.width - fixed - labelWidth)
        let rows = figures.enumerated().map { index, entry in
            let label = truncated(entry.0, toDisplayWidth: labelWidth)
            var row = "  " + label + blank(labelWidth - displayWidth(label)) + "  "
            row += blank(countWidth - displayWidth(counts[index])) + counts[index] + "  "
            row += blank(shareWidth - displayWidth(shares[index])) + shares[index]
            guard cells >= 4 else { return row }
            let bar = Chart.bar(value: entry.1.occupied, maximum: entry.1.available, cells: cells)
            let over = entry.1.overCapacity > 0 || (entry.1.available == 0 && entry.1.occupied > 0)
            let high = (entry.1.utilization ?? 0) >= 0.9
            let styled = over ? context.style.red(bar) : high ? context.style.yellow(bar) : bar
            return bar.isEmpty ? row : row + "  " + styled
        }
        return Section(heading: heading(language), rows: rows)
    }

    // MARK: Alerts

    private func alertSection(_ context: RenderContext) -> Section {
        let language = context.language
        let heading = Text("FIRING ALERTS (\(alerts.count))", nb: "AKTIVE VARSLER (\(alerts.count))")(language)
        let sorted = alerts.values.sorted {
            ($0.severity.rank, $1.since, $0.id) > ($1.severity.rank, $0.since, $1.id)
        }
        guard !sorted.isEmpty else { return Section(heading: heading, rows: [context.none(Text("none", nb: "ingen"))]) }
        let cells = sorted.map { alert -> [String] in
            var notes: [String] = []
            if alert.acknowledged { notes.append(Text("acknowledged", nb: "kvittert")(language)) }
            if alert.silenced { notes.append(Text("silenced", nb: "dempet")(language)) }
            return [
                WatchFormat.severityWord(alert.severity)(language), alert.rule, alert.subject,
                Text("since ", nb: "siden ")(language) + context.short(alert.since), notes.joined(separator: ", "),
            ]
        }
        let lines = context.table(cells, flexible: [1, 2, 4])
        let rows = zip(sorted, lines).map { alert, line in
            switch alert.severity {
            case .critical: context.style.red(line)
            case .warning: context.style.yellow(line)
            case .info: line
            }
        }
        return Section(heading: heading, rows: rows)
    }

    // MARK: Steps

    private func stepSection(_ context: RenderContext) -> Section {
        let language = context.language
        let steps = runs.values.sorted { $0.id < $1.id }.flatMap { run in run.steps.filter(\.isActive).map { (run, $0) } }
        let late = steps.filter { isLate($0.1) }
        let heading = Text(
            "ACTIVE STEPS (\(steps.count), \(late.count) late)", nb: "AKTIVE STEG (\(steps.count), \(late.count) over fristen)")(language)
        guard !steps.isEmpty else { return Section(heading: heading, rows: [context.none(Text("none", nb: "ingen"))]) }
        let ordered = steps.enumerated().sorted { first, second in
            let a = first.element.1, b = second.element.1
            if isLate(a) != isLate(b) { return isLate(a) }
            return (a.dueAt ?? .maximum, first.offset) < (b.dueAt ?? .maximum, second.offset)
        }.map(\.element)
        let cells = ordered.map { run, step -> [String] in
            let state = isLate(step) ? Text("LATE", nb: "FORSINKET")(language) : step.state.name(language)
            let due = step.dueAt.map { Text("due ", nb: "frist ")(language) + context.short($0) } ?? "–"
            return [state, step.title.text(language), step.owner, due, "#\(run.id) \(run.title.text(language))"]
        }
        let lines = context.table(cells, flexible: [1, 2, 4])
        let rows = zip(ordered, lines).map { entry, line in
            isLate(entry.1) || entry.1.state == .failed ? context.style.red(line) : line
        }
        return Section(heading: heading, rows: rows)
    }

    /// Overdue as the daemon says, or due before the time shown; a failed step shows as
    /// failed, which says more.
    func isLate(_ step: Step) -> Bool {
        guard step.state != .failed else { return false }
        return step.overdue || (step.dueAt.flatMap { due in at.map { due < $0 } } ?? false)
    }

    // MARK: Events

    private func eventSection(_ context: RenderContext) -> Section {
        let heading = Text("LATEST EVENTS", nb: "SISTE HENDELSER")(context.language)
        guard !recent.isEmpty else { return Section(heading: heading, rows: [context.none(Text("none yet", nb: "ingen ennå"))]) }
        let exercise = Text("[exercise]", nb: "[øvelse]")(context.language)
        let cells = recent.reversed().map { event in
            [context.clock(event.time), event.type, event.subject ?? "", event.detail ?? "", event.exercise ? exercise : ""]
        }
        return Section(heading: heading, rows: context.table(cells, flexible: [1, 2, 3]))
    }
}

/// `count` spaces (none for zero or less).
private func blank(_ count: Int) -> String { String(repeating: " ", count: max(0, count)) }

/// What every section is drawn with.
private struct RenderContext {
    var width: Int
    var language: Language
    var style: TextStyle
    var calendar: LocalCalendar
    /// The time of the state shown: times on its day show as the hour only.
    var now: Timestamp?

    /// `19:10` on the day shown, `12-02 19:10` on another.
    func short(_ instant: Timestamp) -> String {
        let date = calendar.date(of: instant)
        let clock = String(clock(instant).prefix(5))
        guard let now, calendar.date(of: now) != date else { return clock }
        return String(date.description.dropFirst(5)) + " " + clock
    }

    /// `19:10:05`.
    func clock(_ instant: Timestamp) -> String {
        let seconds = calendar.wallClock(instant).secondsOfDay
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(two(seconds / 3600)):\(two(seconds / 60 % 60)):\(two(seconds % 60))"
    }

    func none(_ text: Text) -> String { style.dim("  " + text(language)) }

    /// Rows as aligned columns, indented by two, fitted to the width: the `flexible` columns
    /// give up room (widest first) until the line fits; the others keep theirs.
    func table(_ rows: [[String]], flexible: Set<Int>) -> [String] {
        guard let count = rows.first?.count else { return [] }
        var widths = (0..<count).map { column in rows.map { displayWidth($0[column]) }.max() ?? 0 }
        let used = widths.filter { $0 > 0 }.count
        let room = width - 2 - 2 * max(0, used - 1)
        while widths.reduce(0, +) > room {
            guard let widest = flexible.filter({ widths[$0] > 4 }).max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        var table = Table(columns: widths.map { Table.Column("", maxWidth: $0) })
        table.showsHeader = false
        for row in rows { table.addRow(row) }
        return table.render(style: .plain).split(separator: "\n", omittingEmptySubsequences: false)
            .map { truncated("  " + $0, toDisplayWidth: width) }
    }
}

import BeredskapCLIKit
import BeredskapCore

/// The dashboard as one plain line, for a pipe or a log file (`beredskap top > top.log`).
///
/// Why a line only when it changes: a log of the day should show each change of the picture
/// once, not a line per event or per second; and a script waiting for "arrival 40/200" can
/// read it without escape codes.
extension Dashboard {
    /// The figures without the time: what decides whether a new line is due.
    func summary(language: Language) -> String {
        let picture = CapacityPicture(facilities: Array(facilities.values))
        let kinds = picture.byKind.sorted { $0.key < $1.key }
            .map { "\($0.key.name(language)) \($0.value.occupied)/\($0.value.available)" }
        let steps = runs.values.flatMap { $0.steps.filter(\.isActive) }
        var parts: [String] = []
        if let surge { parts.append(Text("surge ", nb: "ankomstnivå ")(language) + surge.level.name(language)) }
        parts.append(Text("capacity ", nb: "kapasitet ")(language)
            + (kinds.isEmpty ? Text("none", nb: "ingen")(language) : kinds.joined(separator: ", ")))
        parts.append(Text("firing alerts \(alerts.count)", nb: "aktive varsler \(alerts.count)")(language))
        let late = steps.filter(isLate).count
        parts.append(Text(
            "active steps \(steps.count) (\(late) late)", nb: "aktive steg \(steps.count) (\(late) over fristen)")(language))
        return parts.joined(separator: " · ")
    }

    /// `2026-12-03 19:02:11 CET  surge high · capacity arrival 3/200 · …`.
    func summaryLine(language: Language, calendar: LocalCalendar) -> String {
        (at.map { calendar.dateTimeText($0) + "  " } ?? "") + summary(language: language)
    }
}

/// The phrases every report writes the same way: a sentence in the report's language, an
/// instant in the daemon's zone with the zone marked, a share as a percentage, a day on an axis.
///
/// Why one place: the after-action report and the situation report are read side by side;
/// "63 %" and "22.11." must not read differently between them.
protocol ReportWording {
    var language: Language { get }
    var calendar: LocalCalendar { get }
}

extension ReportWording {
    func say(_ en: String, nb: String) -> String { Text(en, nb: nb)(language) }
    func time(_ instant: Timestamp?) -> String { instant.map(calendar.dateTimeText) ?? "–" }
    func percent(_ value: Double?) -> String {
        value.map { language == .nb ? "\(Int(($0 * 100).rounded())) %" : "\(Int(($0 * 100).rounded()))%" } ?? "–"
    }

    /// A day on an axis: `12.10.` / `10-12`.
    func dayLabel(_ date: CalendarDate) -> String {
        language == .nb ? "\(date.day).\(date.month)." : "\(date.month)-\(zeroPadded(date.day, width: 2))"
    }
}

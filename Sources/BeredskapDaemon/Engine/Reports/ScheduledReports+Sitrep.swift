import BeredskapCore

extension ScheduledReports {
    /// PLACEHOLDER until the sitrep lands: replaced at merge by SitrepCollector + renderer.
    static let sitrep: Render = { _, instant, format, language, isPublic in
        "PLACEHOLDER \(format.rawValue) \(language.rawValue) \(isPublic) \(instant.rfc3339)\n"
    }
}

import BeredskapJSON

/// The forms a report is rendered in: Markdown for a terminal or a mail, one HTML page to open
/// or print, JSON for scripts.
public enum ReportFormat: String, JSONStringEnum, CaseIterable {
    case markdown = "md", html, json

    /// The file name extension of a report written in this form.
    public var fileExtension: String { rawValue }
}

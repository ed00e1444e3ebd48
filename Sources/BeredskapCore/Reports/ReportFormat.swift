import BeredskapJSON

/// How a report is rendered: Markdown, one self-contained HTML page, or its JSON (the
/// report's Codable form).
///
/// Why in the core: a report is rendered by a route, by the CLI's `--output` and by the
/// scheduled reports, which write files without HTTP; all three name the format the same way.
public enum ReportFormat: String, JSONStringEnum {
    case markdown = "md", html, json

    /// The file name extension of a report written in this form.
    public var fileExtension: String { rawValue }
}

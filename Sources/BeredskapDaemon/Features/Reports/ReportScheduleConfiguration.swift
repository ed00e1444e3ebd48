import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// One schedule: when (`at` times or `every`, and the surge level), in what forms, and to whom.
    public struct ScheduledReport: Sendable, Equatable {
        public var schedule: ReportSchedule
        public var formats: [ReportFormat]
        public var language: Language
        /// The public variant (aggregates only), for the municipality's information page.
        public var isPublic: Bool
        /// Whether files are written to `reports.directory`.
        public var writesFiles: Bool
        /// Sent (as Markdown) to the channels of these groups and to these channels, through the outbox.
        public var groups: [String]
        public var channels: [String]
    }
}

extension DaemonConfiguration.ScheduledReport: Decodable {
    private enum CodingKeys: String, CodingKey { case at, every, whileSurgeAtLeast, formats, lang, `public`, files, groups, channels }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let level = try container.decodeIfPresent(SurgeLevel.self, forKey: .whileSurgeAtLeast)
        do {
            switch (try container.decodeIfPresent([String].self, forKey: .at), try container.decodeIfPresent(FixedDuration.self, forKey: .every)) {
            case (let times?, nil): schedule = try ReportSchedule(at: times, whileSurgeAtLeast: level)
            case (nil, let interval?): schedule = try ReportSchedule(every: interval, whileSurgeAtLeast: level)
            case (_?, _?):
                throw FieldProblem("every", Text("give either at or every, not both", nb: "oppgi enten at eller every, ikke begge"))
            case (nil, nil):
                throw FieldProblem("at", Text(
                    "a schedule needs at (times of day) or every (an interval from midnight)",
                    nb: "en plan trenger at (klokkeslett) eller every (et intervall fra midnatt)"))
            }
        } catch let problem as FieldProblem {
            throw problem.decodingError(under: container.codingPath)
        }
        formats = try container.value(.formats, default: [.html])
        language = .nb
        if let code = try container.decodeIfPresent(String.self, forKey: .lang) {
            guard let language = Language(identifier: code) else {
                throw DecodingError.dataCorruptedError(forKey: .lang, in: container, debugDescription: "expected one of: nb, en")
            }
            self.language = language
        }
        isPublic = try container.value(.public, default: false)
        writesFiles = try container.value(.files, default: true)
        groups = try container.names(.groups)
        channels = try container.names(.channels)
        if formats.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .formats, in: container, debugDescription: "expected at least one of md, html, json")
        }
        if !writesFiles && groups.isEmpty && channels.isEmpty {
            throw DecodingError.dataCorruptedError(
                forKey: .files, in: container, debugDescription: "a schedule that writes no files must name groups or channels to send to")
        }
    }
}

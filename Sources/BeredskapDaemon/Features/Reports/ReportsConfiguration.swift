import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// `reports`: how the public situation report publishes small numbers, and the reports
    /// made on a schedule — where their files go, how long they are listed, and the schedules.
    public struct Reports: Sendable, Equatable {
        /// Counts of fewer people than this are suppressed in the public variant (5, as the
        /// intro results' `minimum_participants`).
        public var publicMinimumCount = SmallCounts.defaultMinimum
        /// Where scheduled reports are written; relative paths are relative to the state directory.
        public var directory = "reports"
        /// How long a made report stays listed (`GET /v1/reports/scheduled`); its files stay on disk.
        public var keep = FixedDuration.seconds(30 * 86_400)
        /// By name (the name is in the file names and the events).
        public var schedules: [String: ScheduledReport] = [:]

        public init() {}
    }
}

extension DaemonConfiguration.Reports: Decodable {
    private enum CodingKeys: String, CodingKey { case publicMinimumCount, directory, keep, schedules }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        publicMinimumCount = try container.integer(.publicMinimumCount, default: defaults.publicMinimumCount, in: 1...1000)
        directory = try container.directory(.directory, default: defaults.directory)
        keep = try container.duration(.keep, default: defaults.keep, atLeast: FixedDuration.seconds(86_400))
        schedules = try container.value(.schedules, default: defaults.schedules)
        for name in schedules.keys where !Self.isValidName(name) {
            throw FieldProblem("schedules.\(name)", Text(
                "a schedule's name is letters, digits, - and _ (it is part of file names)",
                nb: "navnet på en plan er bokstaver, sifre, - og _ (det blir en del av filnavn)"))
                .decodingError(under: container.codingPath)
        }
    }

    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
    }
}

import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// `intro`: the introduction programme's duration table and how its results are published.
    public struct Intro: Sendable, Equatable {
        /// Introduksjonsloven's frame: 3 months to 2 years, 3 towards upper secondary, +1 year.
        public var durations = IntroDurations()
        /// A district's share of fewer participants than this is not published ("u.off.").
        /// 5: the seed's table publishes St. Hanshaugen's 80 % of 5 in 2011 but no share of fewer.
        public var minimumParticipants = 5
        /// The national share in work or education per year, from the seed (000):
        /// - 2011–2013 right after, 47 %: «I perioden 2011-2013 oppnådde Oslo et resultat hvor
        ///   54 % gikk over til arbeid eller utdanning mens det nasjonale resultat lå på 47 %»
        ///   (about line 1587; one figure for the period, so each of its years);
        /// - 2014 one year after, 62 %: the row «Norge» of the table of work or education the
        ///   year after the programme (about line 1650).
        /// The seed gives no national figure right after for 2010, 2014 or 2015.
        public var nationalAverage: [Int: IntroNationalAverage] = [
            2011: IntroNationalAverage(rightAfter: 0.47), 2012: IntroNationalAverage(rightAfter: 0.47),
            2013: IntroNationalAverage(rightAfter: 0.47), 2014: IntroNationalAverage(oneYearAfter: 0.62),
        ]
        /// The national target: 70 % in work or education after the programme (the
        /// integration white paper, as the seed quotes it).
        public var target = 0.70

        public init() {}

        /// The national average of `year`, both parts nil when not configured.
        public func national(_ year: Int) -> IntroNationalAverage { nationalAverage[year] ?? IntroNationalAverage() }
    }
}

extension DaemonConfiguration.Intro: Decodable {
    private enum CodingKeys: String, CodingKey { case durations, minimumParticipants, nationalAverage, target }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        durations = try container.value(.durations, default: defaults.durations)
        if let problem = durations.problems().first {
            throw problem.nested(in: "durations").decodingError(under: container.codingPath)
        }
        minimumParticipants = try container.integer(.minimumParticipants, default: defaults.minimumParticipants, in: 1...1000)
        if container.contains(.nationalAverage) {
            let years = try container.decode([String: IntroNationalAverage].self, forKey: .nationalAverage)
            var averages: [Int: IntroNationalAverage] = [:]
            for (key, average) in years.sorted(by: { $0.key < $1.key }) {
                guard let year = Int(key), (1990...2100).contains(year) else {
                    throw FieldProblem("national_average.\(key)", Text("expected a year, 1990 to 2100", nb: "forventet et år, 1990 til 2100"))
                        .decodingError(under: container.codingPath)
                }
                for (name, share) in [("right_after", average.rightAfter), ("one_year_after", average.oneYearAfter)] {
                    if let share, !(0...1).contains(share) {
                        throw FieldProblem("national_average.\(key).\(name)", Text(
                            "expected a share from 0 to 1 (0.47 for 47 %)", nb: "forventet en andel fra 0 til 1 (0.47 for 47 %)"))
                            .decodingError(under: container.codingPath)
                    }
                }
                averages[year] = average
            }
            nationalAverage = averages
        }
        target = try container.value(.target, default: defaults.target)
        guard (0...1).contains(target) else {
            throw FieldProblem("target", Text("expected a share from 0 to 1 (0.7 for 70 %)", nb: "forventet en andel fra 0 til 1 (0.7 for 70 %)"))
                .decodingError(under: container.codingPath)
        }
    }
}

extension IntroDurations: Decodable {
    private enum CodingKeys: String, CodingKey { case minimumMonths, standardMaximumMonths, upperSecondaryMaximumMonths, extensionMonths }

    /// Each field defaults to the law's; `problems()` then checks the table as a whole.
    public init(from decoder: any Decoder) throws {
        self.init()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        minimumMonths = try container.value(.minimumMonths, default: minimumMonths)
        standardMaximumMonths = try container.value(.standardMaximumMonths, default: standardMaximumMonths)
        upperSecondaryMaximumMonths = try container.value(.upperSecondaryMaximumMonths, default: upperSecondaryMaximumMonths)
        extensionMonths = try container.value(.extensionMonths, default: extensionMonths)
    }
}

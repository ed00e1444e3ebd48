import BeredskapAPI
import BeredskapCore
import BeredskapStore

/// `GET /v1/intro/results?year=`: per district the share in work or education right after the
/// programme and one year after, against the national average (`IntroResults`). Counts and
/// shares only: a plain read, no person in it.
struct IntroResultsRoutes {
    let reads: StoreReads
    let settings: CurrentSettings

    /// The years asked for: the reference starts in 2010; none can end far ahead.
    static let years = 1990...2100

    var routes: [Route] {
        [
            Route(Endpoints.Intro.results) { context throws(APIError) in
                guard let text = context.query("year") else {
                    throw .invalidField("year", Text("is required (?year=2014)", nb: "er påkrevd (?year=2014)"))
                }
                guard let year = Int(text), Self.years.contains(year) else {
                    throw .invalidField("year", Text(
                        "expected a year between \(Self.years.lowerBound) and \(Self.years.upperBound)",
                        nb: "forventet et årstall mellom \(Self.years.lowerBound) og \(Self.years.upperBound)"))
                }
                let intro = settings.configuration.intro
                let (outcomes, districts) = try reads.read { connection in
                    (try connection.introOutcomes(endedIn: year), try connection.districts().map(\.id))
                }
                let results = IntroResults.compute(
                    year: year, districts: districts, outcomes: outcomes, minimum: intro.minimumParticipants,
                    national: intro.national(year), reference: IntroReference.year(year))
                return .json(status: 200, body: IntroResultsResource(
                    results, minimumParticipants: intro.minimumParticipants, target: intro.target))
            },
        ]
    }
}

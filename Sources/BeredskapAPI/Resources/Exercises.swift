import BeredskapCore
import BeredskapJSON

/// `POST /v1/exercises`: run scenario `scenario` (a file of `Playbooks/exercises/`, by its
/// name without `.json5`) at `speed` — how many times real time, or `"max"`; the scenario's
/// own speed when left out.
public struct StartExerciseBody: Sendable, Codable, Equatable {
    public var scenario: String
    public var speed: ExerciseSpeed?

    public init(scenario: String, speed: ExerciseSpeed? = nil) {
        self.scenario = scenario
        self.speed = speed
    }
}

/// An exercise run: what ran, where its simulated clock is, what it has set off so far (in
/// its copy of the state), and once it ended how each expectation came out.
public struct ExerciseResource: Sendable, Codable, Equatable {
    public var id: Int64
    public var scenario: String
    public var state: ExerciseRunState
    public var speed: ExerciseSpeed
    public var startedAt: Timestamp
    @NullEncoded public var endedAt: Timestamp?
    /// The simulated clock: where the run is now, or where it ended.
    @NullEncoded public var simulatedAt: Timestamp?
    public var injectsDone: Int
    public var injectsTotal: Int
    /// Alerts, playbook runs and notifications in the exercise's copy, all marked exercise.
    public var alerts: Int
    public var runs: Int
    public var notifications: Int
    /// Each expectation of the scenario, in order, once the run ended (a stopped run is graded
    /// up to where it got); empty while it runs.
    public var results: [ExerciseExpectationResult]
    /// Why it failed (the daemon's own words).
    @NullEncoded public var failure: String?
    /// On the answer to a change: the last event it appended.
    public var eventSeq: Int64?

    public init(
        id: Int64, scenario: String, state: ExerciseRunState, speed: ExerciseSpeed, startedAt: Timestamp, endedAt: Timestamp?,
        simulatedAt: Timestamp?, injectsDone: Int, injectsTotal: Int, alerts: Int, runs: Int, notifications: Int,
        results: [ExerciseExpectationResult], failure: String?, eventSeq: Int64? = nil
    ) {
        self.id = id
        self.scenario = scenario
        self.state = state
        self.speed = speed
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.simulatedAt = simulatedAt
        self.injectsDone = injectsDone
        self.injectsTotal = injectsTotal
        self.alerts = alerts
        self.runs = runs
        self.notifications = notifications
        self.results = results
        self.failure = failure
        self.eventSeq = eventSeq
    }

    /// Expectations met and missed (meaningful once the run ended).
    public var met: Int { results.filter(\.met).count }
    public var missed: Int { results.count - met }
}

/// `GET /v1/exercises`: the runs, newest first.
public struct ExerciseList: Sendable, Codable, Equatable {
    public var exercises: [ExerciseResource]

    public init(exercises: [ExerciseResource]) { self.exercises = exercises }
}

/// `GET /v1/exercise-scenarios`: every scenario file of the exercises directory, valid or
/// not, so that people see what they can run and what is wrong with the rest.
public struct ExerciseScenarioList: Sendable, Codable, Equatable {
    /// One file: its scenario in brief, or its problems (`file: field: problem`).
    public struct Summary: Sendable, Codable, Equatable {
        /// What `exercise run` takes: the file's name without `.json5`.
        public var id: String
        public var file: String
        public var title: PlaybookText?
        /// Where its simulated clock starts (before a run moves it after the state's history).
        @NullEncoded public var start: Timestamp?
        /// Simulated time from the start to the end.
        @NullEncoded public var span: FixedDuration?
        @NullEncoded public var speed: ExerciseSpeed?
        public var injects: Int
        public var expectations: Int
        /// Empty for a scenario that can run.
        public var problems: [Problem]

        public init(
            id: String, file: String, title: PlaybookText?, start: Timestamp?, span: FixedDuration?, speed: ExerciseSpeed?,
            injects: Int, expectations: Int, problems: [Problem]
        ) {
            self.id = id
            self.file = file
            self.title = title
            self.start = start
            self.span = span
            self.speed = speed
            self.injects = injects
            self.expectations = expectations
            self.problems = problems
        }
    }

    /// A validation problem in both languages.
    public struct Problem: Sendable, Codable, Equatable {
        public var file: String
        public var field: String
        public var message: String
        public var messageNb: String

        public init(_ problem: PlaybookProblem) {
            file = problem.file
            field = problem.field
            message = problem.problem.en
            messageNb = problem.problem.nb
        }
    }

    public var directory: String
    public var scenarios: [Summary]

    public init(directory: String, scenarios: [Summary]) {
        self.directory = directory
        self.scenarios = scenarios
    }
}

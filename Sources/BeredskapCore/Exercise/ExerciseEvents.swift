import BeredskapJSON

/// Where an exercise run is: `running` until its timeline ends (`finished`), it is stopped
/// (Ctrl-C, `POST /v1/exercises/{id}/stop`, or a restart of the daemon while it ran), or it
/// could not run (`failed`: the copy could not be made or opened).
public enum ExerciseRunState: String, JSONStringEnum {
    case running, finished, failed, stopped
}

/// The events of exercise runs in the live log (subject `exercise/<id>`): the run's own row
/// is the only thing an exercise writes to the live state. What happened inside the run is
/// in the copy's events, which are graded and then removed with the copy.
public enum ExerciseEvents {
    public static let started = EventType<Started>(.exercise, "started")
    public static let ended = EventType<Ended>(.exercise, "ended")

    public static let all: [EventKind] = [started.kind, ended.kind]

    /// `exercise.started`: a run of scenario `scenario` at `speed` times real time (nil: as
    /// fast as it goes).
    public struct Started: EventPayload, Equatable {
        public var scenario: String
        @NullEncoded public var speed: Double?
        public var injects: Int

        public static let identifiers: Set<String> = ["scenario"]

        public init(scenario: String, speed: ExerciseSpeed, injects: Int) {
            self.scenario = scenario
            if case .factor(let factor) = speed { self.speed = factor } else { self.speed = nil }
            self.injects = injects
        }
    }

    /// `exercise.ended`: finished, stopped or failed, with how many injects were applied and
    /// how many expectations were met and missed.
    public struct Ended: EventPayload, Equatable {
        public var state: ExerciseRunState
        public var injectsDone: Int
        public var met: Int
        public var missed: Int

        public init(state: ExerciseRunState, injectsDone: Int, met: Int, missed: Int) {
            self.state = state
            self.injectsDone = injectsDone
            self.met = met
            self.missed = missed
        }
    }
}

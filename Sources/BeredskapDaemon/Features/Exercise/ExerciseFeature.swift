extension Feature {
    /// Exercises (øvelser): scenarios replayed on a copy of the state under a simulated clock,
    /// beside the live world (issue 14). The runs belong to the running daemon
    /// (`DaemonServices.exercises`), which stops them when it stops.
    static let exercises = Feature(
        name: "exercises",
        routes: { wiring in
            let services = wiring.services
            return ExerciseRoutes(
                runs: services.exercises, reads: services.reads, library: services.playbooks, settings: services.settings
            ).routes
        })
}

extension Feature {
    /// The after-action reports of exercise runs (the runs themselves are the exercise feature's).
    static let exerciseReports = Feature(
        name: "exercise_reports",
        routes: { wiring in ExerciseReportRoutes(reads: wiring.services.reads, settings: wiring.services.settings).routes })
}

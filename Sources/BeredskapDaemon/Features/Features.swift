/// Every feature of the daemon, once. The order is the order of the route table, of the
/// features' configuration sections, and of the status fields as they are filled.
enum Features {
    static let all: [Feature] = [
        .service, .events, .incidentLog, .audit, .capacity, .alerts, .playbooks, .settlementYears, .settlementProgress, .settlementCases, .people,
        .deadlines, .exercises, .exerciseReports, .minors, .grants, .intro, .scheduledReports,
    ]

    /// Every feature's configuration sections, in order.
    static var configurationSections: [ConfigurationSection] { all.flatMap(\.configuration) }
}

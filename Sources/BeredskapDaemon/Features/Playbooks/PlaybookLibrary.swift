import BeredskapCore
import Foundation
import Synchronization

/// The playbooks the daemon holds: loaded and validated as a whole at start, on SIGHUP and on
/// `POST /v1/playbooks/reload`; an invalid set is refused and the running one stays.
public final class PlaybookLibrary: Sendable {
    private let current: Mutex<PlaybookSet>

    init(_ set: PlaybookSet) { current = Mutex(set) }

    public var playbooks: PlaybookSet { current.withLock { $0 } }

    func replace(with set: PlaybookSet) { current.withLock { $0 = set } }

    /// Rule ids a playbook may name: the configured rules and those the API contract reserves
    /// for later capabilities.
    static let ruleIDs: Set<String> = [
        "facility_utilization", "kind_utilization", "city_utilization", "facility_cap", "surge_level", "stale_report",
        "notification_dead", "deadline_overdue", "settlement_lag", "grant_application_due",
    ]

    /// Reads and validates the configured directory. A directory that does not exist is an
    /// empty set (an installation without action cards), not an error.
    static func load(_ configuration: DaemonConfiguration, facilities: Set<String>?) -> Result<PlaybookSet, PlaybookSetFailure> {
        let directory = configuration.playbooks.directory
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            return PlaybookSet.make(files: [], context: context(configuration, facilities: facilities))
        }
        return PlaybookSet.load(directory: directory, context: context(configuration, facilities: facilities))
    }

    /// For a set without playbooks: from where none were loaded and what that means. Why say
    /// it at start and in `GET /v1/playbooks`: a daemon started from the wrong directory runs
    /// fine without action cards, and nobody should find that out during a surge.
    static func emptyWarning(_ set: PlaybookSet, directory: String) -> Text? {
        guard set.playbooks.isEmpty else { return nil }
        let path = directory.hasPrefix("/") ? directory : FileManager.default.currentDirectoryPath + "/" + directory
        var isDirectory: ObjCBool = false
        let why = FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue
            ? Text("the directory holds none", nb: "mappen har ingen")
            : Text("no such directory", nb: "mappen finnes ikke")
        return Text(
            "no playbooks loaded from \(path) (\(why.en)); surge and alert cards will not start",
            nb: "ingen tiltakskort lastet fra \(path) (\(why.nb)); kort for ankomstnivå og varsler starter ikke")
    }

    static func context(_ configuration: DaemonConfiguration, facilities: Set<String>?) -> PlaybookValidationContext {
        PlaybookValidationContext(
            groups: Set(configuration.notifications.routing.groups.keys), rules: ruleIDs, facilities: facilities)
    }
}

extension PlaybookSetFailure: CustomStringConvertible {
    /// Every problem on its own line, `file: field: problem`.
    public var description: String { problems.map { $0.message(.en) }.joined(separator: "\n") }
}

import BeredskapCore
import Synchronization

/// The settings in force. A reload (SIGHUP) replaces them while the daemon runs, so whatever
/// reads them takes them when it needs them rather than keeping a copy.
public final class CurrentSettings: Sendable {
    /// What a reload may replace.
    public struct Values: Sendable {
        public var configuration: DaemonConfiguration
        public var policy: AccessPolicy
        public var calendar: LocalCalendar
    }

    private let values: Mutex<Values>

    init(_ values: Values) { self.values = Mutex(values) }

    public var current: Values { values.withLock { $0 } }
    public var configuration: DaemonConfiguration { current.configuration }
    public var policy: AccessPolicy { current.policy }
    public var calendar: LocalCalendar { current.calendar }
    /// The configured zone's name, read without copying the whole settings (every response has it).
    public var timeZoneIdentifier: String { values.withLock { $0.calendar.identifier } }

    func replace(with new: Values) { values.withLock { $0 = new } }
}

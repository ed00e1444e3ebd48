import BeredskapJSON

/// A feature's section of the configuration file (`capacity`, `alerts`, …): read with its
/// defaults and checks (the section type's `Decodable`), and what a reload does with it.
///
/// Why reload behaviour is declared with the section: whether a changed setting takes effect
/// at once or needs a restart is known by the feature that uses it, and `ConfigurationDiff`
/// reports and applies it from here without a list of its own.
struct ConfigurationSection: Sendable {
    /// The key in the file.
    let key: String
    /// Reads the section, when present, over its default in `configuration`.
    let read: @Sendable (KeyedDecodingContainer<AnyKey>, inout DaemonConfiguration) throws -> Void
    /// What of the section needs a restart to change (`playbooks.directory`), as named in
    /// messages, when the file goes from `running` to `new`.
    let restartRequired: @Sendable (_ running: DaemonConfiguration, _ new: DaemonConfiguration) -> [String]
    /// `[key]` when a reload from `running` to `new` changes what applies at once.
    let liveChanges: @Sendable (_ running: DaemonConfiguration, _ new: DaemonConfiguration) -> [String]
    /// Puts back the running values of what needs a restart.
    let keepRestartOnly: @Sendable (_ new: inout DaemonConfiguration, _ running: DaemonConfiguration) -> Void

    /// The section at `key`, stored at `path`; on reload everything in it applies at once
    /// except the fields in `restart`, which keep their running values until a restart.
    init<Section: Decodable & Equatable & Sendable>(
        _ key: String, _ path: WritableKeyPath<DaemonConfiguration, Section> & Sendable,
        restart: [RestartField<Section>] = []
    ) {
        self.key = key
        read = { container, configuration in
            configuration[keyPath: path] = try container.value(AnyKey(key), default: configuration[keyPath: path])
        }
        restartRequired = { running, new in
            restart.filter { $0.differs(running[keyPath: path], new[keyPath: path]) }.map { "\(key).\($0.name)" }
        }
        liveChanges = { running, new in
            var applied = new[keyPath: path]
            for field in restart { field.keep(&applied, running[keyPath: path]) }
            return applied != running[keyPath: path] ? [key] : []
        }
        keepRestartOnly = { new, running in
            for field in restart { field.keep(&new[keyPath: path], running[keyPath: path]) }
        }
    }
}

/// A field of a section that is set up once at start: a reload that changes it is reported
/// as needing a restart, and the running value stays.
struct RestartField<Section>: Sendable {
    let name: String
    let differs: @Sendable (Section, Section) -> Bool
    let keep: @Sendable (_ section: inout Section, _ running: Section) -> Void

    init<Field: Equatable & Sendable>(_ name: String, _ path: WritableKeyPath<Section, Field> & Sendable) {
        self.name = name
        differs = { $0[keyPath: path] != $1[keyPath: path] }
        keep = { $0[keyPath: path] = $1[keyPath: path] }
    }
}

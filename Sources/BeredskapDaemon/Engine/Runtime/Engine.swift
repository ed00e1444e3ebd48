import BeredskapSQLite
import BeredskapCore
import BeredskapStore

/// One of a world's engines: it decides from committed events and from time, and writes what
/// it decides through the writer as system commands.
///
/// Why one protocol: `World` wires every engine the same way, in one place — the writer
/// attached before the first commit (work queued from an event observed without a writer
/// would be lost), started once the store is open, every commit observed in seq order on the
/// writer thread, new settings on reload, stopped before the writer closes.
protocol Engine: AnyObject, Sendable {
    /// The writer, before anything can commit.
    func attach(writer: Writer)

    /// Starts deciding: rebuilds the timers of what was under way and looks once at
    /// everything, since anything may have changed while no engine was running.
    func start()

    /// Called on the writer thread after each durable commit with its events, in seq order,
    /// before any completion of that batch runs. Must be quick: queue work, do not do it.
    func observe(_ events: [Event])

    /// New settings (on reload); an engine applies them when a section it reads changed.
    func reconfigure(_ change: Reconfiguration)

    /// Stops work that does not go through the writer (deliveries). Commands already queued
    /// still run before the writer closes.
    func stop()
}

extension Engine {
    func stop() {}
}

/// A reload's settings as the engines see them: those that ran before and those that apply
/// now (sections that need a restart keep their running values).
struct Reconfiguration: Sendable {
    var old: DaemonConfiguration
    var new: DaemonConfiguration
    var calendar: LocalCalendar

    /// Whether the section at `path` differs.
    func changed<Section: Equatable>(_ path: KeyPath<DaemonConfiguration, Section>) -> Bool {
        old[keyPath: path] != new[keyPath: path]
    }
}

import BeredskapCore
import BeredskapTestSupport
import Synchronization
import Testing

@testable import BeredskapDaemon

/// The scheduler over its heap: what fires when, by hand (simulated time) and on its thread.
struct SchedulerTests {
    /// Records which actions ran, in order.
    final class Log: Sendable {
        private let entries = Mutex<[String]>([])

        func action(_ name: String) -> Scheduler.Action { { [self] in entries.withLock { $0.append(name) } } }
        var names: [String] { entries.withLock { $0 } }
    }

    let clock = ManualWallClock()
    let log = Log()

    func at(minutes: Int64) -> Timestamp { clock.now().adding(milliseconds: minutes * 60_000) }

    @Test func fireUntilRunsWhatIsDueInOrderOfTheirInstants() {
        let scheduler = Scheduler(clock: clock, runsThread: false)
        scheduler.schedule("c", at: at(minutes: 30), action: log.action("c"))
        scheduler.schedule("a", at: at(minutes: 10), action: log.action("a"))
        scheduler.schedule("later", at: at(minutes: 90), action: log.action("later"))
        scheduler.schedule("b", at: at(minutes: 20), action: log.action("b"))
        #expect(scheduler.fire(until: at(minutes: 60)) == 3)
        #expect(log.names == ["a", "b", "c"])
        #expect(scheduler.dueTime(of: "later") == at(minutes: 90))
        #expect(scheduler.fire(until: at(minutes: 60)) == 0)
    }

    @Test func whatAnActionSchedulesWithinTheSpanRunsInTheSameCall() {
        let scheduler = Scheduler(clock: clock, runsThread: false)
        let next = at(minutes: 20)
        scheduler.schedule("first", at: at(minutes: 10), action: { [log] in
            log.action("first")()
            scheduler.schedule("second", at: next, action: log.action("second"))
        })
        scheduler.schedule("third", at: at(minutes: 30), action: log.action("third"))
        #expect(scheduler.fire(until: at(minutes: 60)) == 3)
        #expect(log.names == ["first", "second", "third"])
    }

    @Test func replacedAndCancelledActionsDoNotRun() {
        let scheduler = Scheduler(clock: clock, runsThread: false)
        scheduler.schedule("kept", at: at(minutes: 10), action: log.action("old"))
        scheduler.schedule("kept", at: at(minutes: 20), action: log.action("new"))
        scheduler.schedule("dropped", at: at(minutes: 5), action: log.action("dropped"))
        scheduler.cancel("dropped")
        #expect(scheduler.count == 1)
        clock.advance(seconds: 15 * 60)
        #expect(scheduler.fireDue() == 0, "the replaced instant has gone")
        clock.advance(seconds: 5 * 60)
        #expect(scheduler.fireDue() == 1)
        #expect(log.names == ["new"])
    }

    @Test func theThreadRunsAnActionThatIsAlreadyDue() {
        let scheduler = Scheduler(clock: clock)
        defer { scheduler.stop() }
        scheduler.schedule("later", at: at(minutes: 60), action: log.action("later"))
        scheduler.schedule("now", at: clock.now(), action: log.action("now"))
        #expect(waitUntil { log.names == ["now"] })
        #expect(scheduler.dueTime(of: "later") == at(minutes: 60))
    }
}

import BeredskapCore
import Testing

@testable import BeredskapDaemon

/// The engines' queued-once command, without a store: a fake writer that runs commands when
/// the test says, a manual clock and a scheduler without a thread.
struct CoalescedCommandTests {
    let clock = ManualWallClock()
    let scheduler: Scheduler
    let writer = FakeSubmitter()
    let command: CoalescedCommand<FakeSubmitter>
    /// Commands built, bodies run, commits and failures seen.
    let built = Counter()
    let ran = Counter()
    let committed = Counter()
    let notCommitted = Counter()

    init() {
        scheduler = Scheduler(clock: clock, runsThread: false)
        command = CoalescedCommand(submitter: writer, scheduler: scheduler)
    }

    func request(failing: Bool = false) {
        command.request {
            built.increment()
            return EngineCommand(
                name: "test/look",
                body: { [ran] _ in
                    ran.increment()
                    if failing { throw TestFailure() }
                },
                committed: { [committed] in committed.increment() },
                notCommitted: { [notCommitted] in notCommitted.increment() })
        }
    }

    struct TestFailure: Error {}

    @Test func requestsWhileOneIsQueuedShareIt() throws {
        for _ in 0..<3 { request() }
        #expect(writer.waiting == 1)
        #expect(built.count == 1, "a request that joins the queued command builds nothing")
        try #require(writer.take()).run()
        #expect(ran.count == 1)
        #expect(committed.count == 1)
        request()
        #expect(writer.waiting == 1, "once it has run, the next request queues another")
    }

    @Test func aRequestWhileTheCommandRunsIsNotLost() throws {
        request()
        let first = try #require(writer.take())
        let outcome = first.begin()
        // An event committed while the command runs: the command read its inputs already.
        request()
        #expect(writer.waiting == 1)
        first.complete(outcome)
        // The first one's end does not take the flag of the one now queued.
        request()
        #expect(writer.waiting == 1)
        try #require(writer.take()).run()
        #expect(ran.count == 2)
        #expect(committed.count == 2)
    }

    @Test func theFlagIsClearedWhenThereIsNoWriter() {
        writer.detach()
        request()
        #expect(writer.waiting == 0)
        #expect(!command.isQueued)
        writer.attach()
        request()
        #expect(writer.waiting == 1)
        #expect(command.isQueued)
    }

    @Test func theFlagIsClearedWhenTheWriterClosedBeforeTheCommandBegan() throws {
        request()
        try #require(writer.take()).complete(.closed)
        #expect(ran.count == 0)
        #expect(notCommitted.count == 1)
        #expect(!command.isQueued)
        #expect(scheduler.count == 0, "nothing is tried again at shutdown")
        request()
        #expect(writer.waiting == 1)
    }

    @Test func aCommandThatFailedBeforeItBeganIsTriedAgainAfterTheDelay() throws {
        request()
        try #require(writer.take()).complete(FakeSubmitter.diskFull)
        #expect(!command.isQueued)
        #expect(notCommitted.count == 1)
        let retry = clock.now().adding(milliseconds: Scheduler.retryDelay.milliseconds)
        #expect(scheduler.dueTime(of: "retry/test/look") == retry)
        scheduler.fire(until: retry.adding(milliseconds: -1))
        #expect(writer.waiting == 0, "not before the delay")
        clock.set(retry)
        #expect(scheduler.fireDue() == 1)
        #expect(writer.waiting == 1)
        try #require(writer.take()).run()
        #expect(committed.count == 1)
        #expect(built.count == 1, "the same command is tried again")
    }

    @Test func aCommandWhoseBodyThrewIsTriedAgainAfterTheDelay() throws {
        request(failing: true)
        try #require(writer.take()).run()
        #expect(ran.count == 1)
        #expect(notCommitted.count == 1)
        #expect(committed.count == 0)
        clock.advance(milliseconds: Scheduler.retryDelay.milliseconds)
        scheduler.fireDue()
        #expect(writer.waiting == 1)
    }

    @Test func aRetryJoinsACommandQueuedMeanwhile() throws {
        request()
        try #require(writer.take()).complete(FakeSubmitter.diskFull)
        request()
        #expect(writer.waiting == 1)
        clock.advance(milliseconds: Scheduler.retryDelay.milliseconds)
        scheduler.fireDue()
        #expect(writer.waiting == 1, "the retry finds one queued and adds none")
    }
}

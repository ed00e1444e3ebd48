import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Foundation
import Glibc

/// `beredskap top` running: the state fetched once, then kept current by the event stream,
/// shown full-screen on a terminal or as a line per change into a pipe.
///
/// The stream is followed on a thread of its own (with a client of its own: a stream takes a
/// connection), which posts each event to `DashboardWakeUp`. This thread waits for the
/// keyboard, that pipe and signals, then takes everything that arrived at once, applies it,
/// fetches what the events did not carry (once for the whole burst), and draws once.
final class DashboardLoop {
    private let context: CommandContext
    private let wakeUp: DashboardWakeUp
    /// Full screen on a terminal; false into a pipe or a file (a line per change).
    private let screen: Bool
    private var dashboard = Dashboard()
    private var size: (columns: Int, rows: Int) = (80, 24)
    private var printed: String?

    init(context: CommandContext, wakeUp: DashboardWakeUp, screen: Bool) {
        self.context = context
        self.wakeUp = wakeUp
        self.screen = screen
    }

    /// Runs until `q`, Ctrl-C or a signal to stop; the daemon must answer at the start.
    func run() throws(CommandFailure) {
        let client = context.client
        let since = try call { () throws(ClientError) in try client.status().lastEventSeq }
        try call { () throws(ClientError) in try fetch(.everything, allRuns: true) }
        startFollowing(since: since)
        defer { wakeUp.stopped.store(true, ordering: .relaxed) }
        try wakeUp.catchingSignals { () throws(CommandFailure) in
            guard screen else { return try loop() }
            let input = RawInput(fileDescriptor: STDIN_FILENO)
            context.output.raw(ScreenFrame.enter)
            defer {
                input?.restore()
                context.output.raw(ScreenFrame.leave)
            }
            measure()
            try loop(keyboard: input != nil)
        }
    }

    private func loop(keyboard: Bool = false) throws(CommandFailure) {
        show()
        while true {
            var descriptors = [pollfd(fd: wakeUp.readEnd, events: Int16(POLLIN), revents: 0)]
            if keyboard { descriptors.append(pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)) }
            guard poll(&descriptors, nfds_t(descriptors.count), -1) >= 0 || errno == EINTR else { return }
            if keyboard, descriptors[1].revents != 0, quitKeyPressed() { return }
            wakeUp.drain()
            let signals = wakeUp.takeSignals()
            if signals.contains(.quit) { return }
            if signals.contains(.resized) { measure() }
            try take(wakeUp.take())
            show()
        }
    }

    /// Applies what the follower posted; fetches once what the events left open.
    private func take(_ notes: [DashboardWakeUp.Note]) throws(CommandFailure) {
        var refetch = Dashboard.Refetch()
        var all = false
        for note in notes {
            switch note {
            case .event(let event): refetch.formUnion(dashboard.apply(event))
            case .lost(let after):
                dashboard.reconnecting = true
                if !screen { context.output.error(EventFollow.lost(resumingAfter: after)(context.language)) }
            case .back:
                dashboard.reconnecting = false
                refetch = .everything
                all = true
            case .failed(let error): throw .client(error)
            }
        }
        guard !refetch.isEmpty, !dashboard.reconnecting else { return }
        // A daemon gone meanwhile: the stream says so, and everything is fetched when it is back.
        try? fetch(refetch, allRuns: all)
    }

    private func fetch(_ parts: Dashboard.Refetch, allRuns: Bool) throws(ClientError) {
        let client = context.client
        if parts.facilities {
            dashboard.load(facilities: try client.facilities().facilities)
            dashboard.load(capacity: try client.capacity())
        }
        if parts.surge { dashboard.load(surge: try client.surge()) }
        if parts.alerts { dashboard.load(alerts: try client.alerts(state: .firing, limit: APIContract.maximumPageSize).alerts) }
        if allRuns {
            dashboard.load(runs: try client.runs(state: .active, limit: APIContract.maximumPageSize).runs)
        } else {
            for id in parts.runs.sorted() {
                do {
                    dashboard.load(run: try client.run(id: id))
                } catch .api(status: 404, body: _) {
                    dashboard.runs[id] = nil
                }
            }
        }
    }

    private func startFollowing(since: Int64) {
        let paths = context.client.connectedPath.map { [$0] } ?? context.client.socketPaths
        let language = context.language, wakeUp = wakeUp
        let thread = Thread {
            let client = BeredskapClient(socketPaths: paths, language: language)
            defer { client.close() }
            do throws(ClientError) {
                try EventFollow.resuming(
                    client: client, since: since, onLost: { wakeUp.post(.lost(after: $0)) }, onBack: { wakeUp.post(.back) },
                    onItem: { item in
                        if case .event(let event, _) = item { wakeUp.post(.event(event)) }
                        return !wakeUp.stopped.load(ordering: .relaxed)
                    })
            } catch {
                wakeUp.post(.failed(error))
            }
        }
        thread.name = "dashboard-follow"
        thread.start()
    }

    // MARK: Showing

    private func show() {
        let output = context.output
        guard screen else {
            let summary = dashboard.summary(language: output.language)
            guard summary != printed else { return }
            printed = summary
            return output.line(dashboard.summaryLine(language: output.language, calendar: output.calendar))
        }
        let lines = dashboard.render(
            width: size.columns, height: size.rows, language: output.language, style: output.style, calendar: output.calendar)
        output.raw(ScreenFrame.paint(lines, width: size.columns, height: size.rows))
    }

    private func measure() {
        if let measured = Terminal.size(fileDescriptor: STDOUT_FILENO) { size = measured }
    }

    /// Reads the keys waiting; true for `q`, `Q`, Ctrl-C or Ctrl-D, and for an input that is
    /// closed or broken (the terminal went away), which would otherwise wake the loop forever.
    private func quitKeyPressed() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64)
        let count = read(STDIN_FILENO, &buffer, buffer.count)
        guard count > 0 else { return count == 0 || (errno != EINTR && errno != EAGAIN) }
        return buffer.prefix(count).contains { [UInt8(ascii: "q"), UInt8(ascii: "Q"), 0x03, 0x04].contains($0) }
    }
}

import Foundation

/// Turns configuration entries into channels.
public enum ChannelFactory {
    /// `stateDirectory` anchors relative `file` paths, so the same configuration works from a
    /// checkout (`./.beredskap/`) and installed (`/var/lib/beredskap/`).
    public static func make(name: String, _ configuration: ChannelConfiguration, stateDirectory: String) -> any NotificationChannel {
        switch configuration.settings {
        case .webhook(let settings):
            return WebhookChannel(name: name, settings: settings)
        case .exec(let program):
            return ProgramChannel(name: name, program: program) { delivery in
                delivery.document.serialized() + [UInt8(ascii: "\n")]
            }
        case .sendmail(let settings):
            return ProgramChannel(name: name, program: settings.program) { delivery in
                RFC5322.message(
                    from: settings.from, to: settings.to, subject: delivery.subject, text: delivery.text,
                    idempotencyKey: delivery.idempotencyKey, date: Date())
            }
        case .file(let path):
            let resolved = path.hasPrefix("/") ? path : (stateDirectory as NSString).appendingPathComponent(path)
            return FileChannel(name: name, path: resolved)
        }
    }
}

/// `exec` and `sendmail`: one process runner, differing only in what goes to stdin.
final class ProgramChannel: NotificationChannel {
    let name: String
    let program: ChannelConfiguration.Program
    let runner: ProcessRunner
    private let input: @Sendable (Delivery) -> [UInt8]

    init(name: String, program: ChannelConfiguration.Program, input: @escaping @Sendable (Delivery) -> [UInt8]) {
        self.name = name
        self.program = program
        self.input = input
        runner = ProcessRunner(maxConcurrent: program.maxConcurrent)
    }

    func deliver(_ delivery: Delivery, completion: @escaping @Sendable (DeliveryResult) -> Void) {
        let command = ProcessCommand(
            path: program.path, arguments: program.arguments, environment: ProcessCommand.environment(for: delivery),
            input: input(delivery), timeout: program.timeout)
        runner.run(command) { outcome in completion(outcome.deliveryResult) }
    }
}

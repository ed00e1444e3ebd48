import BeredskapCore
/// The command line could not be understood; nothing was sent to the daemon.
///
/// It carries the message in both languages and the command it concerns, so the caller can
/// print it in the operator's language followed by a pointer to that command's help
/// (see `ArgumentParser.helpHint(for:)`), and exit with its status for usage errors.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: Text
    /// The deepest command reached when the error was found (`[]` is the root).
    public var commandPath: [String]

    public init(message: Text, commandPath: [String]) {
        self.message = message
        self.commandPath = commandPath
    }

    /// The English message (for logs and debugging; operators get `message(language)`).
    public var description: String { message.en }
}

import BeredskapCLI
import BeredskapCLIKit
import Foundation

let environment = ProcessInfo.processInfo.environment
let code = CLI.run(
    arguments: Array(CommandLine.arguments.dropFirst()), environment: environment,
    isTTY: Terminal.isTerminal(1), columns: Terminal.columns(fileDescriptor: 1, environment: environment),
    write: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
    writeError: { text in FileHandle.standardError.write(Data(text.utf8)) })
exit(code)

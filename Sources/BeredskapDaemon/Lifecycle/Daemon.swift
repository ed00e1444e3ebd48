import BeredskapAPI
import CShims
import Foundation
import Glibc

/// `beredskapd`'s main: arguments, configuration, run until a signal says stop.
public enum Daemon {
    /// Runs the daemon and returns its exit code (`DaemonCommandLine.ExitStatus`): 0 after a
    /// clean stop, 1 when it could not start (or the configuration is invalid), 2 for a usage error.
    public static func main(arguments: [String], environment: [String: String]) -> Int32 {
        // Before any thread exists, so every thread inherits the mask and only the signal
        // loop below takes SIGTERM/SIGINT/SIGHUP.
        bshim_block_daemon_signals()
        bshim_ignore_sigpipe()
        // A file-size limit (RLIMIT_FSIZE) must fail the write, which the store answers 503,
        // not kill the daemon.
        signal(SIGXFSZ, SIG_IGN)
        // The state will hold person-level data: nothing we create is readable by others.
        umask(0o027)

        let action: DaemonCommandLine.Action
        do {
            action = try DaemonCommandLine.parse(arguments)
        } catch {
            printError("beredskapd: \(error)")
            return DaemonCommandLine.ExitStatus.usage.rawValue
        }
        switch action {
        case .help:
            print(DaemonCommandLine.usage)
            return 0
        case .version:
            print("beredskapd \(APIContract.serverVersion) (API v\(APIContract.apiVersion))")
            return 0
        case .printConfig:
            print(ConfigurationLoader.embeddedText, terminator: "")
            return 0
        case .checkConfig(let options):
            let configuration: DaemonConfiguration
            do {
                configuration = try loadConfiguration(options)
            } catch {
                printError(error.description)
                return 1
            }
            // Facility ids live in the store, which a check does not open: they are not checked here.
            switch PlaybookLibrary.load(configuration, facilities: nil) {
            case .failure(let failure):
                printError(failure.description)
                return 1
            case .success(let set):
                print("configuration ok: \(options.configFile ?? ConfigurationLoader.embeddedName)")
                print("playbooks ok: \(set.playbooks.count) in \(configuration.playbooks.directory)")
                if let warning = PlaybookLibrary.emptyWarning(set, directory: configuration.playbooks.directory) {
                    print("warning: \(warning.en)")
                }
                return 0
            }
        case .restore(let options, let file):
            do {
                let configuration = try loadConfiguration(options)
                print(try StateRestore.restore(file, configuration: configuration))
                return 0
            } catch let error as ConfigurationError {
                printError(error.description)
                return 1
            } catch {
                printError("beredskapd: \(error)")
                return 1
            }
        case .run(let options):
            return run(options, environment: environment)
        }
    }

    static func loadConfiguration(_ options: DaemonOptions) throws(ConfigurationError) -> DaemonConfiguration {
        var configuration = try ConfigurationLoader.load(file: options.configFile)
        if let directory = options.stateDirectory { configuration.state.directory = directory }
        if let socket = options.socketPath { configuration.socket.path = socket }
        if let playbooks = options.playbooksDirectory { configuration.playbooks.directory = playbooks }
        return configuration
    }

    private static func run(_ options: DaemonOptions, environment: [String: String]) -> Int32 {
        let configuration: DaemonConfiguration
        do {
            configuration = try loadConfiguration(options)
        } catch {
            printError("beredskapd: \(error)")
            return 1
        }
        let notifier = SystemdNotifier(environment: environment)
        let daemon: RunningDaemon
        do {
            daemon = try RunningDaemon(
                configuration: configuration, configurationFile: options.configFile, environment: environment)
        } catch {
            DaemonLog.error("cannot start: \(error)")
            notifier.notify("STATUS=cannot start: \(error)")
            return 1
        }
        DaemonLog.info(
            "beredskapd \(APIContract.serverVersion) serving on \(daemon.socketPath) "
                + "(state in \(configuration.state.directory), pid \(getpid()))")
        notifier.notify("READY=1\nSTATUS=serving on \(daemon.socketPath)\nMAINPID=\(getpid())")
        let watchdog = SystemdNotifier.watchdogInterval(environment: environment).map {
            Watchdog(interval: $0, notifier: notifier, services: daemon.services)
        }

        while true {
            let signal = bshim_wait_signal()
            if signal == SIGHUP {
                notifier.notify("RELOADING=1\nMONOTONIC_USEC=\(monotonicNanosecondsNow() / 1000)")
                let result = daemon.reload()
                if let error = result.error {
                    DaemonLog.error("reload refused, the running configuration stays: \(error)")
                } else {
                    DaemonLog.info(
                        "configuration reloaded; applied: \(result.applied.joined(separator: ", ").ifEmpty("nothing changed"))"
                            + (result.restartRequired.isEmpty ? "" : "; needs a restart: \(result.restartRequired.joined(separator: ", "))"))
                }
                notifier.notify("READY=1")
                continue
            }
            DaemonLog.info("stopping (signal \(signal)): finishing requests in flight")
            notifier.notify("STOPPING=1")
            watchdog?.stop()
            daemon.stop()
            DaemonLog.info("stopped")
            return 0
        }
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }
}

extension String {
    fileprivate func ifEmpty(_ replacement: String) -> String { isEmpty ? replacement : self }
}

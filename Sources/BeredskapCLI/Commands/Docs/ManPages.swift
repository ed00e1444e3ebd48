import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import BeredskapDaemon
import Foundation

/// The manual pages `beredskap man` prints: `beredskap(1)` from the command tree and the
/// CLI's own values (exit codes, socket defaults), and `beredskapd(8)` from the daemon's
/// command line and its embedded configuration.
enum ManPages {
    enum Page: String, CaseIterable {
        case beredskap, beredskapd
    }

    static func page(_ page: Page, language: Language, date: Date = Date()) -> ManPage {
        let day = Self.day(date)
        switch page {
        case .beredskap: return cli(language: language, date: day)
        case .beredskapd: return daemon(date: day)
        }
    }

    /// What the daemon starts with when nothing overrides it; nil only if the embedded file is broken.
    private static let defaults = try? ConfigurationLoader.loadEmbedded()

    private static func cli(language: Language, date: String) -> ManPage {
        let manual = CommandManual(root: CommandTree.root, globals: CommandTree.globalOptions, language: language)
        func text(_ en: String, _ nb: String) -> String { Text(en, nb: nb)(language) }
        let environment: [(String, String)] = [
            ("BEREDSKAP_SOCKET", text(
                "the daemon's socket, when --socket is not given", "tjenestens socket, når --socket ikke er gitt")),
            ("BEREDSKAP_LANG", text(
                "the language of messages, en or nb; wins over the locale", "språket for meldinger, en eller nb; går foran lokaliteten")),
            ("LC_ALL, LC_MESSAGES, LANG", text(
                "the language of messages when BEREDSKAP_LANG is not set (the first that is set)",
                "språket for meldinger når BEREDSKAP_LANG ikke er satt (den første som er satt)")),
            ("NO_COLOR", text("when set, the output is never coloured", "når den er satt, blir utskriften aldri farget")),
            ("TERM", text("dumb: the output is never coloured", "dumb: utskriften blir aldri farget")),
            ("COLUMNS", text("the width tables and help fit on a terminal", "bredden tabeller og hjelp tilpasses i en terminal")),
        ]
        var files: [(String, String)] = [
            (SocketLocator.checkoutDefault, text(
                "the socket of a daemon started in this directory (tried first)",
                "socketen til en tjeneste startet i denne mappen (prøves først)")),
            (SocketLocator.installedDefault, text("the socket of the installed service", "socketen til den installerte tjenesten")),
        ]
        if let defaults {
            files.append((defaults.state.directory + "/", text(
                "the state directory of a daemon started in this directory (beredskap demo uses a temporary one)",
                "tilstandsmappen til en tjeneste startet i denne mappen (beredskap demo bruker en midlertidig)")))
        }
        return ManPage(
            name: CommandTree.root.name, section: "1", date: date, source: "beredskap \(APIContract.serverVersion)",
            manual: text("beredskap manual", "beredskap-manual"), summary: CommandTree.root.summary(language),
            synopsis: [manual.synopsis],
            sections: [
                ManPage.Section("Description", manual.description),
                ManPage.Section("Commands", manual.commands),
                ManPage.Section("Options", manual.options),
                ManPage.Section("Environment", environment.map { .item(ManPage.Term($0.0, literal: false), $0.1) }),
                ManPage.Section("Files", files.map { .item(ManPage.Term($0.0, literal: false), $0.1) }),
                ManPage.Section("Exit status", ExitCode.allCases.map { .item(ManPage.Term(String($0.rawValue)), $0.meaning(language)) }),
                ManPage.Section("See also", [.paragraph("beredskapd(8)")]),
            ])
    }

    private static func daemon(date: String) -> ManPage {
        let options = DaemonCommandLine.options.map { option in
            ManPage.Block.item(ManPage.Term(option.name, value: option.value), option.help)
        }
        var files: [(String, String)] = [
            ("/etc/beredskap/beredskap.json5", "the configuration of the installed service (--config); `beredskapd --print-config` prints a template"),
        ]
        if let defaults {
            let state = defaults.state.directory
            files += [
                (state + "/state.db", "the state (SQLite, WAL), in the state directory (state.directory, --state-dir)"),
                (state + "/beredskapd.lock", "held while a daemon uses the state directory: one daemon per directory"),
                (defaults.socketPath, "the socket when socket.path is null (installed: /run/beredskap/beredskap.sock)"),
                (defaults.playbooks.directory + "/", "the action cards and, in exercises/, the exercise scenarios (--playbooks)"),
            ]
        }
        let environment: [(String, String)] = [
            ("NOTIFY_SOCKET", "set by systemd (Type=notify): readiness, reloads and stopping are reported there"),
            ("WATCHDOG_USEC", "set by systemd (WatchdogSec=): the daemon pings the watchdog at half the interval"),
            ("LISTEN_FDS, LISTEN_PID", "set by systemd socket activation: the daemon serves on the socket it is given"),
            ("JOURNAL_STREAM", "set when standard error goes to the journal: log lines carry priorities"),
        ]
        return ManPage(
            name: "beredskapd", section: "8", date: date, source: "beredskap \(APIContract.serverVersion)",
            manual: "beredskap manual", summary: DaemonCommandLine.summary,
            synopsis: DaemonCommandLine.synopsis.map { [ManPage.Term("beredskapd"), ManPage.Term($0, literal: false)] },
            sections: [
                ManPage.Section("Description", ManPage.blocks(fromHelp: DaemonCommandLine.description)),
                ManPage.Section("Options", options),
                ManPage.Section("Signals", [.paragraph(DaemonCommandLine.signals)]),
                ManPage.Section("Environment", environment.map { .item(ManPage.Term($0.0, literal: false), $0.1) }),
                ManPage.Section("Files", files.map { .item(ManPage.Term($0.0, literal: false), $0.1) }),
                ManPage.Section(
                    "Exit status",
                    DaemonCommandLine.ExitStatus.allCases.map { .item(ManPage.Term(String($0.rawValue)), $0.meaning) }),
                ManPage.Section("See also", [.paragraph("beredskap(1), systemd.service(5)")]),
            ])
    }

    /// `2026-12-03`, in UTC.
    private static func day(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: date)
    }
}

import BeredskapAPI
import BeredskapCLIKit
import BeredskapClient
import BeredskapCore
import Foundation

extension CommandTree {
    static let backup = Command(
        "backup",
        summary: Text("write an online backup of the daemon's state to FILE (admin)", nb: "skriv en sikkerhetskopi av tjenestens tilstand til FIL (admin)"),
        discussion: Text(
            """
            The daemon copies its database while it keeps working (SQLite's online backup: the
            state as of one commit), syncs the copy, checks it (integrity_check) and only then
            gives it the name FILE, which must not exist. FILE is on the daemon's host and the
            daemon's user must be able to write its directory; a relative FILE is taken from
            the current directory. Restore with: beredskapd --restore FILE (daemon stopped).

            Example: beredskap backup /var/backups/beredskap/state-$(date +%F).db
            """,
            nb: """
            Tjenesten kopierer databasen mens den arbeider videre (SQLites nettbaserte
            sikkerhetskopi: tilstanden ved én bekreftet skriving), synkroniserer kopien,
            sjekker den (integrity_check) og gir den først da navnet FIL, som ikke kan finnes
            fra før. FIL ligger på tjenestens maskin, og tjenestens bruker må kunne skrive i
            mappen; en relativ FIL regnes fra gjeldende mappe. Gjenopprett med:
            beredskapd --restore FIL (med tjenesten stoppet).

            Eksempel: beredskap backup /var/backups/beredskap/state-$(date +%F).db
            """),
        arguments: [.required("FILE", help: Text("the new backup file", nb: "den nye sikkerhetskopifilen"))],
        run: BackupCommand.run)
}

/// `backup FILE`.
enum BackupCommand {
    static func run(_ context: CommandContext) throws(CommandFailure) {
        let file = context.parsed.argument("FILE") ?? ""
        let path = file.hasPrefix("/")
            ? file : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(file)
        let result = try call { () throws(ClientError) in try context.client.backup(to: path) }
        let output = context.output
        if output.format == .json { return output.json(result) }
        let megabytes = String(format: "%.1f", Double(result.bytes) / 1_048_576)
        output.line(Text(
            "Backup written: \(result.path) (\(megabytes) MB, schema v\(result.schemaVersion), events up to #\(result.lastEventSeq), integrity \(result.integrity)).",
            nb: "Sikkerhetskopi skrevet: \(result.path) (\(megabytes) MB, skjema v\(result.schemaVersion), hendelser til og med #\(result.lastEventSeq), integritet \(result.integrity))."))
    }
}

import BeredskapCore
import Foundation
import Testing

@testable import BeredskapDaemon

/// The store's integrity check runs beside the engines' start when nothing is to be migrated;
/// a damaged file still stops the daemon before its first request, and leaves the state
/// directory free for the next try.
@Suite(.serialized) struct IntegrityAtStartTests {
    @Test func aDamagedFileStopsTheStartBeforeTheFirstRequest() throws {
        let daemon = try RestartableDaemon()
        let session = try daemon.session()
        for index in 0..<200 { _ = try session.post("/v1/log", ["text": .string("innførsel \(index)")]) }
        daemon.stop()
        let path = daemon.harness.directory + "/restarted/state.db"
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.seek(toOffset: 8192)
        handle.write(Data(repeating: 0xA5, count: 32768))
        try handle.close()
        do {
            try daemon.start()
            Issue.record("started on a damaged file")
        } catch {
            #expect("\(error)".contains("corrupt"), "\(error)")
        }
        #expect(!FileManager.default.fileExists(atPath: daemon.harness.directory + "/restarted/beredskap.sock"), "no socket left")
    }
}

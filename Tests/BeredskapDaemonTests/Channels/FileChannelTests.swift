@testable import BeredskapDaemon
import BeredskapJSON
import Foundation
import Testing

@Suite struct FileChannelTests {
    @Test func appendsOneJSONLinePerDelivery() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let channel = ChannelFactory.make(name: "audit", ChannelConfiguration(.file(path: "notifications.jsonl")),
                                          stateDirectory: directory.path)
        #expect(deliverAndWait(channel, sampleDelivery(id: 1)) == .delivered)
        #expect(deliverAndWait(channel, sampleDelivery(id: 2)) == .delivered)
        let written = lines(of: directory.file("notifications.jsonl"))
        #expect(written == [sampleDelivery(id: 1).document.serializedString(), sampleDelivery(id: 2).document.serializedString()])
        var status = stat()
        #expect(stat(directory.file("notifications.jsonl"), &status) == 0)
        #expect(status.st_mode & 0o077 & ~0o040 == 0, "no more than group read")
    }

    /// Two channels on one file, delivering from many threads at once: every line whole.
    @Test func concurrentDeliveriesProduceWholeLines() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let path = directory.file("shared.jsonl")
        let channels = [FileChannel(name: "a", path: path), FileChannel(name: "b", path: path)]
        let collector = ResultCollector()
        let count = 60
        DispatchQueue.concurrentPerform(iterations: count) { index in
            var delivery = sampleDelivery(id: Int64(index))
            delivery.document = ["id": .integer(Int64(index)), "padding": .string(String(repeating: "æøå", count: 700))]
            channels[index % 2].deliver(delivery, completion: collector.add)
        }
        let results = try #require(collector.wait(count: count))
        #expect(results.allSatisfy { $0 == .delivered })
        let ids = try lines(of: path).map { line in
            try #require(JSONParser.parse(Array(line.utf8)).objectValue?["id"]?.intValue)
        }
        #expect(ids.sorted() == (0..<Int64(count)).map { $0 })
    }

    @Test func missingDirectoryIsAFailedDeliveryNotCreated() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let channel = ChannelFactory.make(name: "audit", ChannelConfiguration(.file(path: "missing/out.jsonl")),
                                          stateDirectory: directory.path)
        let result = deliverAndWait(channel, sampleDelivery())
        #expect(result == .failed("cannot open \(directory.path)/missing/out.jsonl: No such file or directory (the directory must exist)"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("missing")))
    }

    @Test func absolutePathsIgnoreTheStateDirectory() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let channel = ChannelFactory.make(name: "audit", ChannelConfiguration(.file(path: directory.file("abs.jsonl"))),
                                          stateDirectory: "/nonexistent")
        #expect(deliverAndWait(channel, sampleDelivery()) == .delivered)
        #expect(lines(of: directory.file("abs.jsonl")).count == 1)
    }
}

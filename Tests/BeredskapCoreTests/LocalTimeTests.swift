import Foundation
import Testing
@testable import BeredskapCore

private func oslo() throws -> LocalCalendar {
    try #require(LocalCalendar(identifier: "Europe/Oslo"))
}

private func instant(_ text: String) throws -> Timestamp {
    try #require(Timestamp(rfc3339: text))
}

/// A TZif file as the tz database writes one: a version, its types and their designations.
/// Version 2 files carry an empty first block and the real data in the 64-bit second block,
/// as `zic -b slim` writes them.
private func tzif(version: UInt8, types: [(offset: Int32, isDaylight: Bool, name: String)], transitions: [UInt8]) -> [UInt8] {
    var designations: [UInt8] = []
    var indices: [UInt8] = []
    for type in types {
        indices.append(UInt8(designations.count))
        designations += Array(type.name.utf8) + [0]
    }
    func bigEndian(_ value: Int, size: Int) -> [UInt8] {
        (0..<size).reversed().map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) }
    }
    func header(_ version: UInt8, transitionCount: Int, typeCount: Int, characterCount: Int) -> [UInt8] {
        Array("TZif".utf8) + [version] + [UInt8](repeating: 0, count: 15)
            + [0, 0, 0, transitionCount, typeCount, characterCount].flatMap { bigEndian($0, size: 4) }
    }
    func block(timeSize: Int) -> [UInt8] {
        var bytes = transitions.enumerated().flatMap { bigEndian(1_000_000 * ($0.offset + 1), size: timeSize) }
        bytes += transitions
        for (index, type) in types.enumerated() {
            bytes += bigEndian(Int(type.offset), size: 4) + [type.isDaylight ? 1 : 0, indices[index]]
        }
        return bytes + designations
    }
    if version == 0 {
        return header(0, transitionCount: transitions.count, typeCount: types.count, characterCount: designations.count)
            + block(timeSize: 4)
    }
    // The slim layout: an empty version-1 block (one type, no designations) before the real one.
    let empty = header(version, transitionCount: 0, typeCount: 1, characterCount: 0) + [0, 0, 0, 0, 0, 0]
    return empty + header(version, transitionCount: transitions.count, typeCount: types.count, characterCount: designations.count)
        + block(timeSize: 8) + Array("\nCET-1CEST,M3.5.0,M10.5.0/3\n".utf8)
}

@Suite struct ZoneAbbreviationsTests {
    private let osloTypes: [(offset: Int32, isDaylight: Bool, name: String)] = [
        (2580, false, "LMT"), (7200, true, "CEST"), (3600, false, "CET"),
    ]

    @Test("A version 1 file gives the names by offset and daylight saving", arguments: [UInt8(0), UInt8(ascii: "2"), UInt8(ascii: "3")])
    func namesByOffset(version: UInt8) throws {
        let names = try #require(ZoneAbbreviations(tzif: tzif(version: version, types: osloTypes, transitions: [2, 1, 2])))
        #expect(names.name(offsetSeconds: 3600, isDaylight: false) == "CET")
        #expect(names.name(offsetSeconds: 7200, isDaylight: true) == "CEST")
        #expect(names.name(offsetSeconds: 19800, isDaylight: false) == nil)
    }

    @Test("Of two names for one offset, the one used by the latest transition wins")
    func latestNameWins() throws {
        let types: [(offset: Int32, isDaylight: Bool, name: String)] = [(14400, false, "MSD"), (14400, false, "MSK")]
        let names = try #require(ZoneAbbreviations(tzif: tzif(version: 0, types: types, transitions: [0, 1])))
        #expect(names.name(offsetSeconds: 14400, isDaylight: false) == "MSK")
    }

    @Test("Bytes that are not a whole TZif file give nil, never a crash")
    func malformed() {
        let whole = tzif(version: UInt8(ascii: "2"), types: osloTypes, transitions: [2, 1, 2])
        #expect(ZoneAbbreviations(tzif: []) == nil)
        #expect(ZoneAbbreviations(tzif: Array("TZax".utf8) + whole.dropFirst(4)) == nil)
        // Every cut before the end of the data (the footer after it is not needed) is refused.
        let footer = "\nCET-1CEST,M3.5.0,M10.5.0/3\n".utf8.count
        for length in 0..<(whole.count - footer) {
            #expect(ZoneAbbreviations(tzif: Array(whole.prefix(length))) == nil, "cut at \(length) bytes")
        }
        #expect(ZoneAbbreviations(tzif: Array(whole.prefix(whole.count - footer))) != nil)
    }

    @Test("The system's Europe/Oslo file names CET and CEST", .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/Europe/Oslo")))
    func systemFile() throws {
        let data = try #require(FileManager.default.contents(atPath: "/usr/share/zoneinfo/Europe/Oslo"))
        let names = try #require(ZoneAbbreviations(tzif: Array(data)))
        #expect(names.name(offsetSeconds: 3600, isDaylight: false) == "CET")
        #expect(names.name(offsetSeconds: 7200, isDaylight: true) == "CEST")
    }
}

@Suite struct LocalTimeTests {
    @Test("Times for people are Oslo wall-clock times with the zone marked",
          .enabled(if: FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/Europe/Oslo")), arguments: [
        ("2026-12-04T07:20:31.420Z", "2026-12-04 08:20:31 CET"),
        ("2026-07-01T08:00:00Z", "2026-07-01 10:00:00 CEST"),
        ("2026-12-31T23:30:00Z", "2027-01-01 00:30:00 CET"),
    ])
    func rendering(utc: String, shown: String) throws {
        #expect(try oslo().dateTimeText(instant(utc)) == shown)
    }

    @Test("Without a tz database the zone is still marked, by Foundation's name or the offset")
    func renderingWithoutDatabase() throws {
        let calendar = LocalCalendar(timeZone: try #require(TimeZone(identifier: "Europe/Oslo")), zoneInfoDirectory: "/nonexistent")
        let shown = calendar.dateTimeText(try instant("2026-12-04T07:20:31Z"))
        #expect(shown.hasPrefix("2026-12-04 08:20:31 "))
        #expect(shown.count > "2026-12-04 08:20:31 ".count)
    }

    @Test("A typed time without a zone is Oslo time; with a zone it is taken as written", arguments: [
        ("2026-12-02 10:00", "2026-12-02T09:00:00.000Z"),
        ("2026-12-02T10:00:30", "2026-12-02T09:00:30.000Z"),
        ("2026-07-01 10:00", "2026-07-01T08:00:00.000Z"),
        ("2026-12-01", "2026-11-30T23:00:00.000Z"),
        ("2026-07-01", "2026-06-30T22:00:00.000Z"),
        ("2026-12-02T10:00:00Z", "2026-12-02T10:00:00.000Z"),
        ("2026-12-02T10:00:00+01:00", "2026-12-02T09:00:00.000Z"),
        ("14:10", "2026-12-03T13:10:00.000Z"),
    ])
    func parsing(typed: String, utc: String) throws {
        let now = try instant("2026-12-03T07:20:00Z")
        #expect(try oslo().parseInstant(typed, now: now)?.rfc3339 == utc)
    }

    @Test("A bare time means today in Oslo, also just after Oslo midnight when UTC is still yesterday")
    func bareTimeUsesTheLocalDay() throws {
        let now = try instant("2026-12-02T23:30:00Z")  // 00:30 on 3 December in Oslo
        #expect(try oslo().parseInstant("00:10", now: now)?.rfc3339 == "2026-12-02T23:10:00.000Z")
    }

    @Test("The repeated hour when summer time ends is its first occurrence")
    func repeatedHour() throws {
        #expect(try oslo().parseInstant("2026-10-25 02:30", now: instant("2026-10-25T12:00:00Z"))?.rfc3339
            == "2026-10-25T00:30:00.000Z")
    }

    @Test("The skipped hour when summer time begins moves forward by the gap")
    func skippedHour() throws {
        let calendar = try oslo()
        let moved = try #require(calendar.parseInstant("2026-03-29 02:30", now: instant("2026-03-29T12:00:00Z")))
        #expect(moved.rfc3339 == "2026-03-29T01:30:00.000Z")
        #expect(calendar.wallClock(moved).secondsOfDay == 3 * 3600 + 30 * 60)
    }

    @Test("Anything else is not a time", arguments: ["", "tomorrow", "2026-12-02 25:00", "2026-12-02 10", "10:60", "2026-13-01", "2026-12-02  10:00", "10:00:00:00"])
    func rejects(typed: String) throws {
        #expect(try oslo().parseInstant(typed, now: instant("2026-12-03T07:20:00Z")) == nil)
    }
}

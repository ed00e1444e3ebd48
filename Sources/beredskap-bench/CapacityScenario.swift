import BeredskapAPI
import BeredskapCore
import BeredskapDaemon
import BeredskapHTTPParser
import BeredskapJSON
import BeredskapHTTP
import Dispatch

/// The capacity benchmark's requests and set-up: 300 facilities, arrivals spread over them.
enum CapacityScenario {
    static let facilities = 300
    static let headers = BenchHTTP.jsonHeaders

    /// PUTs `count` open transit facilities over one connection.
    static func createFacilities(socket: String, count: Int) throws {
        try createFacilities(socket: socket, ids: (0..<count).map { "f\($0)" }, capacity: 1000)
    }

    /// PUTs open transit facilities with these ids and capacity over one connection, in
    /// `district` (an id such as `bjerke`) or in none.
    static func createFacilities(socket: String, ids: some Sequence<String>, capacity: Int, district: String? = nil) throws {
        let connection = try UnixSocketConnection(path: socket)
        defer { connection.close() }
        let districtJSON = district.map { "\"\($0)\"" } ?? "null"
        for id in ids {
            let body = #"{"name":"Mottak \#(id)","kind":"transit","status":"open","operator":"Bench","district":\#(districtJSON),"authority":"UDI","capacity":\#(capacity)}"#
            try BenchHTTP.expectSuccess(connection, "PUT", "/v1/facilities/\(id)", json: body)
        }
    }

    static let postArrival: @Sendable (Int, Int) -> [UInt8] = { client, iteration in
        let body = #"{"facility":"f\#((client * 7 + iteration) % facilities)","count":1,"category":"adult"}"#
        return HTTPRequestEncoder.encode(method: "POST", target: "/v1/arrivals", headers: headers, body: Array(body.utf8))
    }

    static let getCapacity: @Sendable (Int, Int) -> [UInt8] = { _, _ in
        HTTPRequestEncoder.encode(method: "GET", target: "/v1/capacity", headers: ["Host": "beredskap"], body: [])
    }

    static let getSurge: @Sendable (Int, Int) -> [UInt8] = { _, _ in
        HTTPRequestEncoder.encode(method: "GET", target: "/v1/surge", headers: ["Host": "beredskap"], body: [])
    }

    /// What the surge monitor does per committed arrival (record it, compute the figures and
    /// the level), in microseconds, with an empty window or one holding an arrival every hour
    /// of the last 35 days: the cost must not depend on the history.
    static func evaluationMicroseconds(filledWindow: Bool) -> (microseconds: Double, level: SurgeLevel) {
        let now = Timestamp(secondsSinceEpoch: 1_795_000_000)
        var window = SurgeWindow(now: now)
        if filledWindow {
            for hour in 0..<(35 * 24) {
                window.recordArrival(count: 3, kind: .transit, at: now.adding(milliseconds: -Int64(hour) * 3_600_000), transfer: false)
            }
        }
        let machine = SurgeLevelMachine(thresholds: SurgeThresholds())
        var level = SurgeLevel.normal
        let rounds = 20_000
        let started = DispatchTime.now().uptimeNanoseconds
        for round in 0..<rounds {
            window.recordArrival(count: 1, kind: .transit, at: now.adding(milliseconds: Int64(round)), transfer: false)
            level = machine.next(from: level, figures: window.figures(at: now)).level
        }
        let elapsed = DispatchTime.now().uptimeNanoseconds - started
        return (Double(elapsed) / Double(rounds) / 1000, level)
    }

    /// What `GET /v1/capacity` costs when the facilities changed since the last read (so the
    /// snapshot cannot be reused): read every facility, compute the picture, write the JSON.
    /// The median of `rounds` runs in milliseconds, and the size of the answer.
    static func freshPicture(_ daemon: RunningDaemon, rounds: Int = 500) throws -> (milliseconds: Double, bytes: Int) {
        var timings: [UInt64] = []
        var size = 0
        for _ in 0..<rounds {
            let started = DispatchTime.now().uptimeNanoseconds
            let facilities = try daemon.services.readPool.read { try $0.facilities() }
            let picture = CapacityPicture(facilities: facilities)
            let response = CapacityResponse(
                total: CapacityTotals(picture.total),
                byKind: Dictionary(uniqueKeysWithValues: picture.byKind.map { ($0.key.rawValue, CapacityTotals($0.value)) }),
                byDistrict: picture.byDistrict.mapValues(CapacityTotals.init), cap: 1000,
                staleFacilities: facilities.map(\.id), overCapacityFacilities: [], overCapFacilities: [],
                at: Timestamp(millisecondsSinceEpoch: 0))
            size = response.jsonValue.serialized().count
            timings.append(DispatchTime.now().uptimeNanoseconds - started)
        }
        return (timings.quantileMilliseconds(0.5), size)
    }
}

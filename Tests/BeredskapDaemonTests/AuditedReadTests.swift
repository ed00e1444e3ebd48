import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapTestSupport
import Foundation
import Testing

@testable import BeredskapDaemon

/// Audited reads (issue 10, item 2): a route declares that reading it is recorded; the read
/// and its `access.read` event are one writer transaction, answered after it committed, or the
/// read fails. Tried with routes of the test's own through the real daemon.
@Suite(.serialized) struct AuditedReadTests {
    static let routes = [
        // A note read in the writer's transaction; it tells what the log held then.
        Route(EndpointSpec(.get, "/v1/test/notes/{id}", permission: .cases), audited: .subject("note/{id}")) { context throws(APIError) in
            let id = context.parameters["id"] ?? ""
            return .recordedRead { connection in
                guard id != "missing" else { throw APIError.notFound(Text("no such note", nb: "ikke noe slikt notat")) }
                let seen: JSONValue = ["note": .string(id), "last_event_seq": .integer(try connection.lastEventSeq())]
                return try CommandReply.json(status: 200, seen)
            }
        },
        // The transaction is lost under the read, as SQLite loses it itself on a full disk.
        Route(EndpointSpec(.get, "/v1/test/lost", permission: .cases), audited: .route) { _ throws(APIError) in
            .recordedRead { connection in
                try connection.execute("ROLLBACK")
                return CommandReply(status: 200, body: Array("{}".utf8))
            }
        },
        // Declared audited, but reads outside the writer: refused, nothing is read unrecorded.
        Route(EndpointSpec(.get, "/v1/test/unrecorded", permission: .cases), audited: .route) { _ throws(APIError) in
            .json(status: 200, body: ["secret": "x"] as JSONValue)
        },
        // A list: its record names the subjects it showed.
        Route(EndpointSpec(.get, "/v1/test/notes", permission: .cases), audited: .route) { _ throws(APIError) in
            .recordedList { _ in RecordedList(reply: CommandReply(status: 200, body: Array("{}".utf8)), subjects: ["note/1", "note/2"]) }
        },
        Route(EndpointSpec(.get, "/v1/test/undeclared-list", permission: .cases)) { _ throws(APIError) in
            .recordedList { _ in RecordedList(reply: CommandReply(status: 200, body: Array("{}".utf8)), subjects: []) }
        },
        // Not declared, but answers with a recorded read: refused too.
        Route(EndpointSpec(.get, "/v1/test/undeclared", permission: .cases)) { _ throws(APIError) in
            .recordedRead { _ in CommandReply(status: 200, body: Array("{}".utf8)) }
        },
    ]

    static func recordedReads(_ admin: Session) throws -> [JSONValue] {
        try admin.get("/v1/audit?limit=1000")["entries"]?.arrayValue?.filter { $0["type"]?.stringValue == "access.read" } ?? []
    }

    @Test func aReadAndItsRecordAreOneTransactionAndTheAuditTrailShowsWhoReadWhat() throws {
        let harness = try DaemonHarness(routes: Self.routes)
        let caseworker = try Session(harness, as: People.caseworker)
        let admin = try Session(harness, as: People.admin)

        let read = try caseworker.send("GET", "/v1/test/notes/7")
        #expect(read.status == 200, "\(read.text)")
        #expect(read.json["note"]?.stringValue == "7")
        let recorded = try Self.recordedReads(admin)
        #expect(recorded.count == 1)
        let record = try #require(recorded.first)
        #expect(record["actor"]?["user"]?.stringValue == "nav-alna")
        #expect(record["actor"]?["uid"]?.intValue == 2003)
        #expect(record["subject"]?.stringValue == "note/7")
        #expect(record["data"] == ["method": "GET", "route": "/v1/test/notes/{id}"])
        // The read saw its own record: they were written in one transaction.
        #expect(read.json["last_event_seq"] == record["seq"])

        // A read that fails records nothing; one refused is a denial, not a read.
        expectError(try caseworker.send("GET", "/v1/test/notes/missing"), 404, "not_found")
        let viewer = try Session(harness, as: People.viewer)
        expectError(try viewer.send("GET", "/v1/test/notes/8"), 403, "forbidden")
        #expect(try Self.recordedReads(admin).count == 1)
        // Who read what is the administrators' to see.
        let visible = try caseworker.get("/v1/events?limit=1000")["events"]?.arrayValue ?? []
        #expect(!visible.contains { $0["type"]?.stringValue == "access.read" })
        #expect(try admin.events("access.read").count == 1)
    }

    @Test func aReadWhoseRecordCannotBeWrittenFails() throws {
        let harness = try DaemonHarness(routes: Self.routes)
        let caseworker = try Session(harness, as: People.caseworker)
        let admin = try Session(harness, as: People.admin)
        expectError(try caseworker.send("GET", "/v1/test/lost"), 503, "unavailable")
        #expect(try Self.recordedReads(admin).isEmpty)
        // The writer goes on with the next transaction.
        #expect(try caseworker.send("GET", "/v1/test/notes/1").status == 200)
        #expect(try Self.recordedReads(admin).count == 1)
    }

    @Test func aRouteWhoseDeclarationAndAnswerDisagreeReadsNothing() throws {
        let harness = try DaemonHarness(routes: Self.routes)
        let caseworker = try Session(harness, as: People.caseworker)
        for path in ["/v1/test/unrecorded", "/v1/test/undeclared"] {
            let refused = try caseworker.send("GET", path)
            expectError(refused, 500, "internal")
            #expect(!refused.text.contains("secret"), "\(path)")
        }
        #expect(try Self.recordedReads(try Session(harness, as: People.admin)).isEmpty)
    }

    @Test func aListsRecordNamesWhomItShowed() throws {
        let harness = try DaemonHarness(routes: Self.routes)
        let caseworker = try Session(harness, as: People.caseworker)
        #expect(try caseworker.send("GET", "/v1/test/notes").status == 200)
        expectError(try caseworker.send("GET", "/v1/test/undeclared-list"), 500, "internal")
        let recorded = try Self.recordedReads(try Session(harness, as: People.admin))
        #expect(recorded.map(\.["data"]) == [["method": "GET", "route": "/v1/test/notes", "subjects": ["note/1", "note/2"]]])
    }

    @Test func theSubjectIsFilledFromThePath() {
        #expect(ReadAudit.subject("person/{id}").subject(filledFrom: ["id": "12"]) == "person/12")
        #expect(ReadAudit.subject("case/{case}/person/{id}").subject(filledFrom: ["case": "3", "id": "12"]) == "case/3/person/12")
        #expect(ReadAudit.route.subject(filledFrom: ["id": "12"]) == nil)
    }
}

import BeredskapCore
import BeredskapJSON
import Testing

@testable import BeredskapDaemon

/// `PUT /v1/facilities/{id}` with `If-None-Match: *` creates a facility but never replaces one
/// (what `beredskap facility add` sends), checked in the same transaction as the write.
@Suite struct FacilityCreateOnlyTests {
    func createOnly(_ ops: Session, _ id: String, _ changes: JSONValue = [:], key: String? = nil) throws -> RawClient.Response {
        var headers = [("If-None-Match", "*")]
        if let key { headers.append(("Idempotency-Key", key)) }
        return try ops.client.request(
            "PUT", "/v1/facilities/\(id)", json: Fixture.facility(changes).serializedString(), headers: headers)
    }

    @Test func anExistingFacilityIsRefusedAndKept() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let created = try createOnly(ops, "refstad", key: "add-1")
        #expect(created.status == 201)
        let before = try ops.lastEventSeq()
        let again = try createOnly(ops, "refstad", ["capacity": 50])
        expectError(again, 409, "conflict")
        #expect(again.details?["id"]?.stringValue == "refstad")
        #expect(again.details?["exists"]?.boolValue == true)
        #expect(try ops.facility("refstad")["capacity"]?.intValue == 200, "not replaced")
        #expect(try ops.lastEventSeq() == before, "nothing appended")
        let identical = try createOnly(ops, "refstad")
        expectError(identical, 409, "conflict")
        #expect(try createOnly(ops, "refstad", key: "add-1").status == 201, "a retry of the creation is replayed")
    }

    @Test func aPlainPutStillReplaces() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        #expect(try createOnly(ops, "refstad").status == 201)
        let replaced = try ops.putFacility("refstad", ["capacity": 50])
        #expect(replaced.status == 200)
        #expect(replaced.json["capacity"]?.intValue == 50)
    }

    @Test func onlyTheStarIsUnderstood() throws {
        let harness = try DaemonHarness()
        let ops = try Session(harness, as: People.operatorByGroup)
        let refused = try ops.client.request(
            "PUT", "/v1/facilities/refstad", json: Fixture.facility().serializedString(), headers: [("If-None-Match", "\"v1\"")])
        expectError(refused, 400, "invalid_field")
        #expect(refused.details?["field"]?.stringValue == "If-None-Match")
    }
}

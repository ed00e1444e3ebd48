import BeredskapAPI
import BeredskapCore

/// Typed calls for persons, their milestones, and their data's export and erasure (issue 12).
/// Every read of a person is recorded by the daemon.
extension BeredskapClient {
    public func registerPerson(_ body: PersonDraft, idempotencyKey: String? = nil) throws(ClientError) -> Mutation<PersonResource> {
        try call(Endpoints.People.register, body: body, idempotencyKey: idempotencyKey)
    }

    public func persons(district: String? = nil, facility: String? = nil, status: PersonStatus? = nil, household: String? = nil, limit: Int? = nil)
        throws(ClientError) -> PersonList
    {
        try call(
            Endpoints.People.list,
            query: [
                ("district", district), ("facility", facility), ("status", status?.rawValue), ("household", household),
                ("limit", limit.map(String.init)),
            ])
    }

    public func person(id: Int64) throws(ClientError) -> PersonResource {
        try call(Endpoints.People.show, path: ["\(id)"])
    }

    public func changePerson(id: Int64, _ change: PersonChange, idempotencyKey: String? = nil) throws(ClientError) -> Mutation<PersonResource> {
        try call(Endpoints.People.change, path: ["\(id)"], body: change, idempotencyKey: idempotencyKey)
    }

    public func recordMilestone(person id: Int64, _ body: NewMilestone, idempotencyKey: String? = nil) throws(ClientError)
        -> Mutation<PersonResource>
    {
        try call(Endpoints.People.recordMilestone, path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }

    public func correctMilestone(person id: Int64, _ milestone: Milestone, _ body: MilestoneCorrection, idempotencyKey: String? = nil)
        throws(ClientError) -> Mutation<PersonResource>
    {
        try call(Endpoints.People.correctMilestone, path: ["\(id)", milestone.rawValue], body: body, idempotencyKey: idempotencyKey)
    }

    public func exportPerson(id: Int64) throws(ClientError) -> PersonExport {
        try call(Endpoints.People.export, path: ["\(id)"])
    }

    public func erasePerson(id: Int64, reason: String, idempotencyKey: String? = nil) throws(ClientError) -> Mutation<PersonResource> {
        try call(Endpoints.People.erase, path: ["\(id)"], body: PersonErasure(reason: reason), idempotencyKey: idempotencyKey)
    }

    public func importPersons(_ rows: [PersonDraft], idempotencyKey: String? = nil) throws(ClientError) -> ImportResult {
        try call(Endpoints.People.importPersons, body: PersonImport(rows: rows), idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/imports/persons?dry_run=true`: every row checked by the daemon, nothing written.
    public func checkPersonImport(_ rows: [PersonDraft]) throws(ClientError) -> ImportChecked {
        try call(
            APIRequest(Endpoints.People.importPersons, query: [("dry_run", "true")], body: Self.body(PersonImport(rows: rows))),
            as: ImportChecked.self)
    }
}

import BeredskapCore

extension Endpoints {
    /// Persons the office follows, their milestones, and the GDPR export and erasure. Every
    /// read of a person is recorded (`access.read`), the list too: it shows names.
    public enum People {
        public static let register = Endpoint<PersonDraft, Mutation<PersonResource>>(.post, "/v1/persons", permission: .cases)
        public static let list = Endpoint<NoBody, PersonList>(
            .get, "/v1/persons", permission: .cases, query: ["district", "facility", "status", "household", "limit"])
        /// With milestones and each rule's deadline today.
        public static let show = Endpoint<NoBody, PersonResource>(.get, "/v1/persons/{id}", permission: .cases)
        /// Fields given replace the current ones; `null` clears an optional one.
        public static let change = Endpoint<PersonChange, Mutation<PersonResource>>(.patch, "/v1/persons/{id}", permission: .cases)
        public static let recordMilestone = Endpoint<NewMilestone, Mutation<PersonResource>>(
            .post, "/v1/persons/{id}/milestones", permission: .cases)
        public static let correctMilestone = Endpoint<MilestoneCorrection, Mutation<PersonResource>>(
            .post, "/v1/persons/{id}/milestones/{milestone}/correct", permission: .cases)
        /// Everything held on the person, and who read it when.
        public static let export = Endpoint<NoBody, PersonExport>(.get, "/v1/persons/{id}/export", permission: .cases)
        public static let erase = Endpoint<PersonErasure, Mutation<PersonResource>>(.delete, "/v1/persons/{id}", permission: .admin)
        /// Persons from a file, all or nothing; with `dry_run=true` the answer is an
        /// `ImportChecked` and nothing is written.
        public static let importPersons = Endpoint<PersonImport, ImportResult>(
            .post, "/v1/imports/persons", permission: .cases, query: ["dry_run"])

        public static var all: [EndpointSpec] {
            [register.spec, list.spec, show.spec, change.spec, recordMilestone.spec, correctMilestone.spec, export.spec, erase.spec,
             importPersons.spec]
        }
    }
}

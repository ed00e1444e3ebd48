import BeredskapCore

extension Endpoints {
    /// The action cards and their runs.
    public enum Playbooks {
        /// The loaded set, in id order, with the active runs of each.
        public static let playbooks = Endpoint<NoBody, PlaybookList>(.get, "/v1/playbooks", permission: .read)
        public static let playbook = Endpoint<NoBody, PlaybookDefinition>(.get, "/v1/playbooks/{id}", permission: .read)
        /// Re-reads the directory; an invalid set is refused and the running set stays.
        public static let reload = Endpoint<NoBody, PlaybooksReloaded>(.post, "/v1/playbooks/reload", permission: .admin)

        /// Starts a run by hand.
        public static let startRun = Endpoint<StartRunBody, RunResource>(.post, "/v1/playbooks/{id}/runs", permission: .operate)
        public static let runs = Endpoint<NoBody, RunList>(.get, "/v1/runs", permission: .read, query: ["state", "playbook", "limit"])
        public static let run = Endpoint<NoBody, RunResource>(.get, "/v1/runs/{id}", permission: .read)
        public static let completeStep = Endpoint<CompleteStepBody, RunResource>(
            .post, "/v1/runs/{id}/steps/{step}/complete", permission: .operate)
        public static let skipStep = Endpoint<ReasonBody, RunResource>(.post, "/v1/runs/{id}/steps/{step}/skip", permission: .operate)
        public static let abortRun = Endpoint<ReasonBody, RunResource>(.post, "/v1/runs/{id}/abort", permission: .operate)

        public static var all: [EndpointSpec] {
            [playbooks.spec, playbook.spec, reload.spec]
                + [startRun.spec, runs.spec, run.spec, completeStep.spec, skipStep.spec, abortRun.spec]
        }
    }
}

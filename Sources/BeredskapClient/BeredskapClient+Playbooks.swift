import BeredskapAPI
import BeredskapCore

/// Typed calls for playbooks (action cards) and their runs.
extension BeredskapClient {
    // MARK: Playbooks

    /// `GET /v1/playbooks`: the loaded set, in id order, with the active runs of each.
    public func playbooks() throws(ClientError) -> PlaybookList {
        try call(Endpoints.Playbooks.playbooks)
    }

    /// `GET /v1/playbooks/{id}`: the whole definition.
    public func playbook(id: String) throws(ClientError) -> PlaybookDefinition {
        try call(Endpoints.Playbooks.playbook, path: [id])
    }

    /// `POST /v1/playbooks/reload` (admin): re-reads the directory. An invalid set is a 422
    /// `invalid_definition` whose `details.problems` lists every problem; the running set stays.
    public func reloadPlaybooks(idempotencyKey: String? = nil) throws(ClientError) -> PlaybooksReloaded {
        try call(Endpoints.Playbooks.reload, idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/playbooks/{id}/runs`: starts a run by hand. A second run for the same alert is
    /// a 409 `conflict` with `details.run`, the run that exists.
    public func startRun(playbook: String, _ body: StartRunBody, idempotencyKey: String? = nil) throws(ClientError)
        -> RunResource
    {
        try call(Endpoints.Playbooks.startRun, path: [playbook], body: body, idempotencyKey: idempotencyKey)
    }

    // MARK: Runs

    /// `GET /v1/runs`, newest first; every run when `state` is nil.
    public func runs(state: RunStateFilter? = nil, playbook: String? = nil, limit: Int? = nil) throws(ClientError) -> RunList {
        try call(
            Endpoints.Playbooks.runs, query: [("state", state?.rawValue), ("playbook", playbook), ("limit", limit.map(String.init))])
    }

    /// `GET /v1/runs/{id}`: with every step and who did what to it when.
    public func run(id: Int64) throws(ClientError) -> RunResource {
        try call(Endpoints.Playbooks.run, path: ["\(id)"])
    }

    /// `POST /v1/runs/{id}/steps/{step}/complete`: a 409 `conflict` when the step is not ready.
    public func completeStep(run: Int64, step: String, _ body: CompleteStepBody, idempotencyKey: String? = nil)
        throws(ClientError) -> RunResource
    {
        try call(Endpoints.Playbooks.completeStep, path: ["\(run)", step], body: body, idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/runs/{id}/steps/{step}/skip`: its dependents go on as if it were done.
    public func skipStep(run: Int64, step: String, _ body: ReasonBody, idempotencyKey: String? = nil) throws(ClientError)
        -> RunResource
    {
        try call(Endpoints.Playbooks.skipStep, path: ["\(run)", step], body: body, idempotencyKey: idempotencyKey)
    }

    /// `POST /v1/runs/{id}/abort`: the run stops and is a record from then on.
    public func abortRun(id: Int64, _ body: ReasonBody, idempotencyKey: String? = nil) throws(ClientError) -> RunResource {
        try call(Endpoints.Playbooks.abortRun, path: ["\(id)"], body: body, idempotencyKey: idempotencyKey)
    }
}

/// One capability of the daemon, declared in its own folder: its routes, its sections of the
/// configuration file and its fields of `GET /v1/status`. `Features.all` lists them once; the
/// route table, the status route and the configuration decoding are built from that list.
///
/// Why a value per feature, built with what it needs: a feature's routes are given the parts
/// of the running daemon they use (the read pool, the engines, the settings, …) when the
/// route table is built, so a route never looks anything up while answering, and what a
/// feature depends on is written where it is wired (as Hummingbird's controllers own their
/// dependencies). Adding a feature is a folder and one line in `Features.all`.
struct Feature: Sendable {
    /// What a feature's routes and status fields are built from.
    struct Wiring: Sendable {
        /// The running daemon's parts.
        let services: DaemonServices
        /// Every feature's fields of `GET /v1/status` (the service feature shows them).
        let status: [StatusFields]
    }

    /// For logs and tests: `capacity`, `alerts`, ….
    let name: String
    /// Its sections of the configuration file, in the order they are read (after the daemon's own).
    var configuration: [ConfigurationSection] = []
    /// Its fields of `GET /v1/status`, given the running daemon's parts.
    var status: (@Sendable (DaemonServices) -> StatusFields)?
    /// Its routes, each declared from one of its endpoints (`Endpoints`), in the order the
    /// router tries them (which is the order of the `Allow` header of a 405).
    let routes: @Sendable (Wiring) -> [Route]
}

/// The route table: every feature's routes (`Features.all`), built with the parts of the
/// running daemon they use; each route names its endpoint and so its permission.
enum APIRoutes {
    static func all(_ services: DaemonServices, features: [Feature] = Features.all) -> [Route] {
        let wiring = Feature.Wiring(services: services, status: features.compactMap { $0.status?(services) })
        return features.flatMap { $0.routes(wiring) }
    }
}

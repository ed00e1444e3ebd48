/// The route table. Each feature contributes its routes; each route names its permission.
enum APIRoutes {
    static func all() -> [Route] {
        ServiceRoutes.routes() + EventRoutes.routes() + IncidentLogRoutes.routes() + AuditRoutes.routes()
            + FacilityRoutes.routes() + FlowRoutes.routes() + RecordRoutes.routes() + PictureRoutes.routes() + SeriesRoutes.routes()
            + DistrictRoutes.routes() + PlaybookRoutes.routes() + RunRoutes.routes() + AlertRoutes.routes() + NotificationRoutes.routes() + NotificationTestRoute.routes()
            + SilenceRoutes.routes()
    }
}

import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// Unaccompanied minors: placements, the representative and the choice at 18 for one person
/// (`cases`; reads recorded), the list of those under 25 (recorded), and the costs per
/// district and placement type (sums only). Each change is checked against the stored
/// timeline in the writer's transaction; the representative and the choice are recorded as
/// milestones through `MilestoneRoutes.record`, so the deadlines see them.
struct MinorRoutes {
    let reads: StoreReads
    let settings: CurrentSettings
    let clock: any WallClock

    var routes: [Route] {
        [
            Route(Endpoints.Minors.place) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let body = try context.decodeBody(NewPlacement.self)
                let note = try PersonInput.text(body.note, field: "note")
                let minors = settings.configuration.minors
                let cost: Int64
                switch Placement.annualCost(given: body.annualCost, type: body.type, configured: minors.placementCosts) {
                case .success(let value): cost = value
                case .failure(let problem): throw .invalidField(problem.field, problem.problem)
                }
                return .mutation { transaction in
                    let (person, draft) = try MinorInput.unaccompanied(id, transaction.connection)
                    let timeline = try MinorInput.timeline(id, draft, transaction.connection)
                    let service = try MinorInput.service(in: person.district, minors, transaction.connection)
                    let placement = Placement(
                        id: try transaction.nextPlacementID(), type: body.type, from: body.from, to: body.from, annualCost: cost,
                        service: service, district: person.district, note: note)
                    let placed = try MinorInput.changed(timeline.placing(placement))
                    let event = try transaction.appendEvent(
                        MinorEvents.placed,
                        MinorEvents.Placed(
                            person: id, placement: placement.id, type: placement.type, from: placement.from, annualCost: cost,
                            service: service, district: person.district),
                        subject: "person/\(id)")
                    try transaction.saveMinorTimeline(id, placed, added: placed.placements.last, seq: event.seq)
                    return try CommandReply.json(
                        status: 201, Mutation(try MinorInput.resource(id, placed, transaction.connection), eventSeq: event.seq))
                }
            },
            Route(Endpoints.Minors.show, audited: .subject("person/{id}")) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                return .recordedRead { connection in
                    let (_, draft) = try MinorInput.unaccompanied(id, connection)
                    let timeline = try MinorInput.timeline(id, draft, connection)
                    return try CommandReply.json(status: 200, try MinorInput.resource(id, timeline, connection))
                }
            },
            Route(Endpoints.Minors.representative) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let body = try context.decodeBody(Representative.self)
                guard let name = try SettlementInput.text(body.name, field: "name", limit: Representative.maximumNameLength) else {
                    throw .invalidField("name", Text("is required", nb: "er påkrevd"))
                }
                let calendar = settings.calendar
                return .mutation { transaction in
                    let today = calendar.date(of: transaction.now)
                    let (_, draft) = try MinorInput.unaccompanied(id, transaction.connection)
                    let appointed = try MilestoneRoutes.notAfter(today, body.appointed, field: "appointed")
                    if try !transaction.connection.personMilestones(id).contains(where: { $0.milestone == .representativeAppointed }) {
                        _ = try MilestoneRoutes.record(
                            PersonMilestone(milestone: .representativeAppointed, date: appointed), of: id, today: today, in: &transaction)
                    }
                    let event = try transaction.appendEvent(
                        MinorEvents.representativeSet, MinorEvents.RepresentativeSet(person: id, appointed: appointed),
                        subject: "person/\(id)")
                    try transaction.setMinorRepresentative(id, Representative(name: name, appointed: appointed), seq: event.seq)
                    let timeline = try MinorInput.timeline(id, draft, transaction.connection)
                    return try CommandReply.json(
                        status: 201, Mutation(try MinorInput.resource(id, timeline, transaction.connection), eventSeq: event.seq))
                }
            },
            Route(Endpoints.Minors.aftercare) { context throws(APIError) in
                let id = try AlertResources.idParameter(context)
                let aftercare = try context.decodeBody(Aftercare.self)
                let calendar = settings.calendar
                return .mutation { transaction in
                    let today = calendar.date(of: transaction.now)
                    let (_, draft) = try MinorInput.unaccompanied(id, transaction.connection)
                    let chosen = try MinorInput.changed(try MinorInput.timeline(id, draft, transaction.connection).choosing(aftercare))
                    _ = try MilestoneRoutes.record(
                        PersonMilestone(milestone: .aftercareChosen, date: aftercare.date), of: id, today: today, in: &transaction)
                    let event = try transaction.appendEvent(
                        MinorEvents.aftercareChosen,
                        MinorEvents.AftercareChosen(
                            person: id, choice: aftercare.choice, date: aftercare.date, followUpUntil: aftercare.followUpUntil),
                        subject: "person/\(id)")
                    try transaction.recordMinorAftercare(id, aftercare, seq: event.seq)
                    try transaction.saveMinorTimeline(id, chosen, added: nil, seq: event.seq)
                    return try CommandReply.json(
                        status: 201, Mutation(try MinorInput.resource(id, chosen, transaction.connection), eventSeq: event.seq))
                }
            },
            Route(Endpoints.Minors.list, audited: .route) { context throws(APIError) in
                let district = try Self.districtQuery(context)
                let minors = settings.configuration.minors
                let today = settings.calendar.date(of: clock.now())
                return .recordedList { connection in
                    let shown = try Self.minors(in: district, on: today, minors, connection)
                    return RecordedList(
                        reply: try CommandReply.json(status: 200, MinorList(date: today, minors: shown)),
                        subjects: shown.map { "person/\($0.person)" })
                }
            },
            Route(Endpoints.Minors.costs) { context throws(APIError) in
                let thisYear = settings.calendar.date(of: clock.now()).year
                let year = try context.queryInteger("year", in: 2000...2100).map(Int.init) ?? thisYear
                let reads = reads
                return .slowRead { () throws(APIError) in
                    let placements = try reads.read { try $0.minorPlacements(inYear: year) }
                    return .json(status: 200, body: MinorCosts(year: year, rows: PlacementCostRow.rows(placements, year: year)))
                }
            },
        ]
    }

    /// Unaccompanied persons under 25 on `today`, with their current placement and service.
    private static func minors(
        in district: String?, on today: CalendarDate, _ minors: DaemonConfiguration.Minors, _ connection: SQLiteConnection
    ) throws -> [MinorSummary] {
        let recorded = Dictionary(try connection.districts().map { ($0.id, $0.minorsService) }, uniquingKeysWith: { $1 })
        return try connection.unaccompaniedPersons(district: district).compactMap { person -> MinorSummary? in
            guard let draft = person.draft else { return nil }
            let age = draft.birth.age(on: today)
            guard age < 25 else { return nil }
            let timeline = try MinorInput.timeline(person.id, draft, connection)
            let current = timeline.current(on: today)
            let service = current?.service ?? minors.service(in: person.district, recorded: person.district.flatMap { recorded[$0] ?? nil })
            return MinorSummary(
                person: person.id, district: person.district, age: age, turns18: timeline.turns18, placement: current?.type,
                service: service)
        }
    }

    /// `district=`, one of Oslo's.
    private static func districtQuery(_ context: RequestContext) throws(APIError) -> String? {
        guard let district = try SettlementCaseRoutes.districtQuery(context) else { return nil }
        let known = District.oslo.map(\.id)
        guard known.contains(district) else {
            let list = known.joined(separator: ", ")
            throw .invalidField("district", Text("unknown district (known: \(list))", nb: "ukjent bydel (kjente: \(list))"))
        }
        return district
    }
}

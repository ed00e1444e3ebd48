import BeredskapAPI
import BeredskapCore
import BeredskapJSON
import BeredskapSQLite
import BeredskapStore

/// The records behind the figures and their corrections:
/// `GET /v1/{arrivals,departures,occupancy}/records` and `POST /v1/{…}/{id}/void|amend`.
struct RecordRoutes {
    static let defaultLimit = 20
    static let maximumLimit = 500

    let reads: StoreReads
    let settings: CurrentSettings

    /// Where each kind is in the API: `/v1/arrivals`, `/v1/departures`, `/v1/occupancy`.
    static func collection(_ kind: StoredRecord.Kind) -> RecordCollection {
        switch kind {
        case .arrival: .arrivals
        case .departure: .departures
        case .headCount: .occupancy
        }
    }

    var routes: [Route] {
        StoredRecord.Kind.allCases.flatMap { kind in
            [
                Route(Endpoints.Capacity.records(Self.collection(kind))) { context throws(APIError) in
                    let request = RecordQuery(
                        facility: context.query("facility"), before: try context.queryInteger("before", in: 1...Int64.max),
                        limit: Int(try context.queryInteger("limit", in: 1...Int64(Self.maximumLimit)) ?? Int64(Self.defaultLimit)))
                    // Pages of records joined with the events that made and corrected them: off the loop.
                    return .slowRead { () throws(APIError) in
                        let records = try reads.read { connection in
                            if let facility = request.facility, try connection.flowTarget(facility) == nil {
                                throw FacilityRoutes.notFound(facility, field: "facility")
                            }
                            return try connection.records(kind, request)
                        }
                        let next = records.count == request.limit ? records.last?.id : nil
                        return .json(status: 200, body: RecordList(records: records.map(Self.resource), next: next))
                    }
                },
                Route(Endpoints.Capacity.void(Self.collection(kind))) { context throws(APIError) in
                    let id = try Self.idParameter(context)
                    let body = try context.decodeBody(VoidBody.self)
                    let corrections = RecordCorrections(recording: FlowRecording(settings))
                    return .mutation { transaction in
                        try CommandReply.json(status: 200, try corrections.void(kind, id: id, reason: body.reason, in: &transaction))
                    }
                },
                Route(Endpoints.Capacity.amend(Self.collection(kind))) { context throws(APIError) in
                    let id = try Self.idParameter(context)
                    let (amendment, reason) = try Self.amendment(kind, context)
                    let corrections = RecordCorrections(recording: FlowRecording(settings))
                    return .mutation { transaction in
                        try CommandReply.json(
                            status: 200, try corrections.amend(kind, id: id, amendment, reason: reason, in: &transaction))
                    }
                },
            ]
        }
    }

    private static func amendment(_ kind: StoredRecord.Kind, _ context: RequestContext) throws(APIError)
        -> (RecordCorrections.Amendment, String)
    {
        switch kind {
        case .arrival:
            let body = try context.decodeBody(ArrivalAmendment.self)
            return (.init(count: body.count, at: body.at, label: body.category?.rawValue, force: body.force), body.reason)
        case .departure:
            let body = try context.decodeBody(DepartureAmendment.self)
            return (.init(count: body.count, at: body.at, label: body.departureReason?.rawValue, force: body.force), body.reason)
        case .headCount:
            let body = try context.decodeBody(HeadCountAmendment.self)
            return (.init(count: body.occupied, at: body.at, label: nil, force: body.force), body.reason)
        }
    }

    private static func idParameter(_ context: RequestContext) throws(APIError) -> Int64 {
        guard let id = context.parameters["id"].flatMap({ Int64($0) }), id > 0 else {
            throw .invalidField("id", Text("expected a record id such as 12", nb: "forventet en post-id som 12"))
        }
        return id
    }

    static func resource(_ record: StoredRecord) -> RecordResource {
        RecordResource(
            id: record.id, facility: record.facility, count: record.count,
            category: record.kind == .arrival ? record.label.flatMap(ArrivalCategory.init(rawValue:)) : nil,
            reason: record.kind == .departure ? record.label.flatMap(DepartureReason.init(rawValue:)) : nil, at: record.at,
            transferFrom: record.kind == .arrival ? record.otherFacility : nil,
            to: record.kind == .departure ? record.otherFacility : nil, transfer: record.transferPair, note: record.note,
            recordedAt: record.recordedAt, recordedBy: record.recordedBy, voided: record.voided,
            amended: record.amended)
    }
}

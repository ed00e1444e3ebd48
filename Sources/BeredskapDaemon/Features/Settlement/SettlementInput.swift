import BeredskapAPI
import BeredskapCore
import BeredskapSQLite
import BeredskapStore

/// Checks shared by the case and housing routes: districts that exist, texts people write,
/// and the refusals of the case state machine as API errors.
enum SettlementInput {
    /// `district` must be one of the districts table (read in the writer's transaction).
    static func checkDistrict(_ district: String, field: String = "district", _ connection: SQLiteConnection) throws {
        guard Slug.isValid(district), try connection.district(district) != nil else {
            throw APIError.invalidField(field, Text(
                "unknown district '\(district)' (beredskap districts lists them)",
                nb: "ukjent bydel «\(district)» (beredskap districts viser dem)"))
        }
    }

    /// `value` trimmed, 1…`limit` characters, without control characters but newline and tab; nil stays nil.
    static func text(_ value: String?, field: String, limit: Int) throws(APIError) -> String? {
        guard let value else { return nil }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= limit else {
            throw .invalidField(field, Text("must be 1 to \(limit) characters", nb: "må være 1 til \(limit) tegn"))
        }
        guard !trimmed.unicodeScalars.contains(where: { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || (0x7F...0x9F).contains($0.value) })
        else {
            throw .invalidField(field, Text("must not contain control characters", nb: "kan ikke inneholde kontrolltegn"))
        }
        return trimmed
    }

    /// What `transition` returns, or its refusal as an API error.
    static func refusing<T>(_ transition: () throws(SettlementCaseError) -> T) throws(APIError) -> T {
        do throws(SettlementCaseError) {
            return try transition()
        } catch {
            throw Self.error(error)
        }
    }

    /// A refusal of the state machine: 409 with the state for a transition not allowed from
    /// it, 400 naming the field for a bad date.
    static func error(_ refusal: SettlementCaseError) -> APIError {
        switch refusal {
        case .notAllowed(_, let state):
            var error = APIError.conflict(refusal.text)
            error.details = ["state": .string(state.rawValue)]
            return error
        case .invalid(let problem):
            return .invalidField(problem.field, problem.problem)
        }
    }

    static func caseNotFound(_ id: Int64) -> APIError {
        .notFound(Text("no settlement case #\(id)", nb: "ingen bosettingssak #\(id)"))
    }

    static func unitNotFound(_ id: String) -> APIError {
        .notFound(Text("no housing unit '\(id)' (beredskap housing list)", nb: "ingen bolig «\(id)» (beredskap housing list)"))
    }
}

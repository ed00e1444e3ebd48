import BeredskapJSON

/// A dated fact in a person's case that a deadline starts from or is met by (issue 12). The
/// raw values are the API's.
public enum Milestone: String, JSONStringEnum {
    case arrivedNorway = "arrived_norway"
    case arrivedArrivalCentre = "arrived_arrival_centre"
    /// The move out of the arrival centre that ends the 48-hour stay. Not in issue 12's list,
    /// which has nothing that ends the stay; the daemon records it when a placement moves the
    /// person out of an `arrival` facility.
    case leftArrivalCentre = "left_arrival_centre"
    case arrivedMunicipality = "arrived_municipality"
    case tbScreening = "tb_screening"
    case healthExam = "health_exam"
    case schoolOffer = "school_offer"
    case representativeAppointed = "representative_appointed"
    case residenceGranted = "residence_granted"
    case settled
    case skillsMapping = "skills_mapping"
    case introStarted = "intro_started"
    case introEnded = "intro_ended"
    case disabilityGrantApplied = "disability_grant_applied"
    /// An unaccompanied minor's choice at 18 to stay or move on (`POST
    /// /v1/persons/{id}/aftercare` records it), which meets `minor_turns_18`.
    case aftercareChosen = "aftercare_chosen"
}

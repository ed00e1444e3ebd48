extension Milestone: HasDisplayName {
    /// The API value in English (what people type); the office's word in bokmål.
    public var name: Text {
        switch self {
        case .arrivedNorway: named(nb: "ankommet Norge")
        case .arrivedArrivalCentre: named(nb: "ankommet ankomstsenter")
        case .leftArrivalCentre: named(nb: "forlatt ankomstsenter")
        case .arrivedMunicipality: named(nb: "ankommet kommunen")
        case .tbScreening: named(nb: "tuberkuloseundersøkelse")
        case .healthExam: named(nb: "helseundersøkelse")
        case .schoolOffer: named(nb: "skoletilbud")
        case .representativeAppointed: named(nb: "representant oppnevnt")
        case .residenceGranted: named(nb: "oppholdstillatelse")
        case .settled: named(nb: "bosatt")
        case .skillsMapping: named(nb: "kartlegging")
        case .introStarted: named(nb: "introduksjonsprogram startet")
        case .introEnded: named(nb: "introduksjonsprogram avsluttet")
        case .disabilityGrantApplied: named(nb: "søkt tilskudd for funksjonshemming")
        case .aftercareChosen: named(nb: "valg ved 18 år")
        }
    }
}

extension DeadlineRule {
    /// A rule's id as people read it: the id in English (what the API and the configuration
    /// use), the office's words in bokmål; an id the defaults do not have is shown as it is.
    public static func name(of id: String) -> Text {
        let bokmaal: [String: String] = [
            "arrival_centre_stay": "opphold på ankomstsenter", "tb_screening": "tuberkuloseundersøkelse",
            "health_exam": "helseundersøkelse", "school_offer": "skoletilbud", "representative": "representant",
            "minor_settled": "bosetting av enslig mindreårig", "adult_settled": "bosetting av voksen",
            "intro_start": "start i introduksjonsprogram", "skills_mapping": "kartlegging",
            "disability_grant": "søknad om tilskudd for funksjonshemming", "minor_turns_18": "enslig mindreårig fyller 18",
        ]
        return Text(id, nb: bokmaal[id] ?? id)
    }
}

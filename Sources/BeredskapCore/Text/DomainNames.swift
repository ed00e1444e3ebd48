/// A value that people read: its name in every language we speak.
///
/// Why the English name is the API value itself: it is what people type on the command line
/// (`--kind careCentre`, `--state firing`), so an English table shows exactly what to type
/// back. Bokmål readers get the word the office uses; the help texts list the values to type.
/// CSV and JSON always carry the API value, never a translation.
public protocol HasDisplayName {
    var name: Text { get }
}

extension HasDisplayName where Self: RawRepresentable, RawValue == String {
    /// The API value in English and `nb` in bokmål.
    func named(nb: String) -> Text { Text(rawValue, nb: nb) }
}

extension SurgeLevel: HasDisplayName {}

extension FacilityKind: HasDisplayName {
    public var name: Text {
        switch self {
        case .arrival: named(nb: "ankomstsenter")
        case .transit: named(nb: "transittmottak")
        case .ordinary: named(nb: "ordinært mottak")
        case .integration: named(nb: "integreringsmottak")
        case .careCentre: named(nb: "omsorgssenter")
        case .minorReception: named(nb: "EMA-mottak")
        case .emergency: named(nb: "akuttinnkvartering")
        case .settlementCentre: named(nb: "bosenter")
        }
    }
}

extension FacilityStatus: HasDisplayName {
    public var name: Text {
        switch self {
        case .planned: named(nb: "planlagt")
        case .standby: named(nb: "i reserve")
        case .open: named(nb: "åpent")
        case .closing: named(nb: "under avvikling")
        case .closed: named(nb: "stengt")
        }
    }
}

extension Authority: HasDisplayName {
    public var name: Text {
        switch self {
        case .udi: named(nb: "UDI")
        case .bufetat: named(nb: "Bufetat")
        case .municipality: named(nb: "kommunen")
        }
    }
}

extension ArrivalCategory: HasDisplayName {
    public var name: Text {
        switch self {
        case .adult: named(nb: "voksen")
        case .family: named(nb: "familie")
        case .minorUnder15: named(nb: "EMA under 15")
        case .minor15To17: named(nb: "EMA 15–17")
        case .resettlement: named(nb: "overføringsflyktning")
        case .other: named(nb: "annet")
        }
    }
}

extension DepartureReason: HasDisplayName {
    public var name: Text {
        switch self {
        case .settled: named(nb: "bosatt")
        case .transferred: named(nb: "overført")
        case .departed: named(nb: "flyttet ut")
        case .other: named(nb: "annet")
        }
    }
}

extension AlertSeverity: HasDisplayName {
    public var name: Text {
        switch self {
        case .info: named(nb: "info")
        case .warning: named(nb: "advarsel")
        case .critical: named(nb: "kritisk")
        }
    }
}

extension AlertState: HasDisplayName {
    public var name: Text {
        switch self {
        case .pending: named(nb: "ventende")
        case .firing: named(nb: "aktivt")
        case .resolved: named(nb: "løst")
        }
    }
}

extension PlaybookRun.State: HasDisplayName {
    public var name: Text {
        switch self {
        case .active: named(nb: "pågår")
        case .finished: named(nb: "fullført")
        case .aborted: named(nb: "avbrutt")
        }
    }
}

extension PlaybookStepState: HasDisplayName {
    public var name: Text {
        switch self {
        case .waiting: named(nb: "venter")
        case .ready: named(nb: "klar")
        case .running: named(nb: "pågår")
        case .done: named(nb: "utført")
        case .skipped: named(nb: "hoppet over")
        case .failed: named(nb: "feilet")
        }
    }
}

extension PlaybookRunTrigger.Kind: HasDisplayName {
    public var name: Text {
        switch self {
        case .alert: named(nb: "varsel")
        case .surge: named(nb: "ankomstnivå")
        case .manual: named(nb: "manuelt")
        }
    }
}

extension ExerciseRunState: HasDisplayName {
    public var name: Text {
        switch self {
        case .running: named(nb: "kjører")
        case .finished: named(nb: "fullført")
        case .failed: named(nb: "feilet")
        case .stopped: named(nb: "stoppet")
        }
    }
}

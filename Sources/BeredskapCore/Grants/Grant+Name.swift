extension Grant: HasDisplayName {
    /// The API value in English (what people read back in JSON); the office's word in bokmål.
    public var name: Text {
        switch self {
        case .integration: named(nb: "integreringstilskudd")
        case .minor: named(nb: "tilskudd for enslige mindreårige")
        case .disabilityT1: named(nb: "funksjonshemming, tilskudd 1")
        case .disabilityT2: named(nb: "funksjonshemming, tilskudd 2")
        }
    }
}

/// Whole NOK as people read them: thousands grouped with a comma in English (717,400) and a
/// space in bokmål (717 400).
public enum NOK {
    public static func text(_ amount: Int64, _ language: Language) -> String {
        let digits = String(amount.magnitude)
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { grouped.append(language == .nb ? " " : ",") }
            grouped.append(digit)
        }
        return (amount < 0 ? "-" : "") + grouped
    }
}

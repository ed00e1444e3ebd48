extension FixedDuration: HasDisplayName {
    /// The length as people say it, with units: "2 h 30 min" / "2 t 30 min", "45 min",
    /// "3 d 4 h" / "3 d 4 t" from two days on, "30 s" below a minute.
    ///
    /// Why not the ISO form: "PT2H30M" is what a configuration file or `--for` takes, and reads
    /// as a code in a message a coordinator acts on. Rounded to the minute (to the second below
    /// one): no reader of an alert needs the seconds of a 26-hour wait.
    public var name: Text {
        let totalSeconds = (milliseconds + 500) / 1000
        if totalSeconds < 60 { return Text("\(totalSeconds) s", nb: "\(totalSeconds) s") }
        let totalMinutes = (milliseconds + 30_000) / 60_000
        let (hours, minutes) = (totalMinutes / 60, totalMinutes % 60)
        var en: [String] = [], nb: [String] = []
        if hours >= 48 {
            en.append("\(hours / 24) d")
            nb.append("\(hours / 24) d")
            if hours % 24 > 0 {
                en.append("\(hours % 24) h")
                nb.append("\(hours % 24) t")
            }
            return Text(en.joined(separator: " "), nb: nb.joined(separator: " "))
        }
        if hours > 0 {
            en.append("\(hours) h")
            nb.append("\(hours) t")
        }
        if minutes > 0 {
            en.append("\(minutes) min")
            nb.append("\(minutes) min")
        }
        return Text(en.joined(separator: " "), nb: nb.joined(separator: " "))
    }
}

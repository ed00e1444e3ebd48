import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import Testing

@testable import BeredskapCLI

/// `intro …`: what each command line asks the daemon, usage errors, help in both languages, and
/// the results for people — a suppressed share never shown as 0 %.
@Suite struct IntroCommandTests {
    func step(_ arguments: [String]) throws -> (Int64, IntroStep) {
        guard case .run(let command) = try CLI.parser.parse(arguments) else { throw FacilityOptionsTests.Unexpected.notRun }
        return try IntroActions.step(command)
    }

    static func day(_ text: String) -> CalendarDate { CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0) }

    @Test func eachCommandLineBecomesItsStep() throws {
        let start = try step(["intro", "start", "12", "--goal", "upper_secondary", "--months", "36", "--voluntary", "--date", "2026-11-01"])
        #expect(start.0 == 12)
        #expect(start.1 == IntroStep(action: .start, goal: .upperSecondary, months: 36, voluntary: true, date: Self.day("2026-11-01")))
        #expect(try step(["intro", "start", "#12", "--goal", "work", "--settlement-mode", "ownInitiative"]).1
            == IntroStep(action: .start, goal: .work, settlementMode: .ownInitiative))
        #expect(try step(["intro", "interrupt", "12", "--date", "2027-02-01", "-m", "Sykemeldt"]).1
            == IntroStep(action: .interrupt, date: Self.day("2027-02-01"), note: "Sykemeldt"))
        #expect(try step(["intro", "resume", "12"]).1 == IntroStep(action: .resume))
        #expect(try step(["intro", "extend", "12", "--months", "6"]).1 == IntroStep(action: .extend, months: 6))
        #expect(try step(["intro", "end", "12", "primary_school", "--date", "2027-06-30"]).1
            == IntroStep(action: .end, date: Self.day("2027-06-30"), reason: .primarySchool))
        #expect(try step(["intro", "follow-up", "12", "social_assistance"]).1 == IntroStep(action: .followUp, status: .socialAssistance))
    }

    @Test func badCommandLinesAreUsageErrors() throws {
        for arguments in [
            ["intro", "start", "12"], ["intro", "start", "12", "--goal", "astronaut"], ["intro", "start", "x", "--goal", "work"],
            ["intro", "start", "12", "--goal", "work", "--months", "many"], ["intro", "extend", "12"], ["intro", "end", "12", "holiday"],
            ["intro", "follow-up", "12", "retired"], ["intro", "interrupt", "12", "--date", "1. februar"],
            ["intro", "start", "12", "--goal", "work", "--settlement-mode", "alone"],
        ] {
            #expect(throws: UsageError.self, "\(arguments)") { try step(arguments) }
        }
        #expect(throws: UsageError.self) { try CLI.parser.parse(["intro", "end", "12"]) }
    }

    @Test func theHelpIsInBothLanguages() {
        let english = CLI.parser.help(for: ["intro", "results"], language: .en)
        let bokmål = CLI.parser.help(for: ["intro", "results"], language: .nb)
        #expect(english.contains("never as 0 %") && bokmål.contains("u.off."))
        #expect(CLI.parser.help(for: ["intro", "start"], language: .nb).contains("sluttmålet"))
        #expect(CLI.parser.help(for: ["intro"], language: .en).contains("follow-up"))
    }

    static let results = IntroResultsResource(
        IntroResults(
            year: 2014, source: .reference,
            districts: [
                .init(
                    district: "frogner", rightAfter: .init(participants: 39, share: 0.28, suppressed: false, belowNational: true),
                    oneYearAfter: .init(participants: nil, share: 0.33, suppressed: false, belowNational: true)),
                .init(district: "ullern", rightAfter: .init(participants: 4, share: nil, suppressed: true, belowNational: nil),
                      oneYearAfter: .notPublished),
            ],
            city: .init(
                district: "oslo", rightAfter: .init(participants: 317, share: 0.43, suppressed: false, belowNational: false),
                oneYearAfter: .init(participants: nil, share: 0.56, suppressed: false, belowNational: true)),
            national: IntroNationalAverage(rightAfter: 0.4, oneYearAfter: 0.62)),
        minimumParticipants: 5, target: 0.7)

    @Test func theResultsAreATableAndBarsAgainstTheNationalLineAndTheSuppressedAreNamedNotZero() {
        let (output, written) = DeadlineCommandTests().output()
        IntroPresentation.results(Self.results, output)
        let text = written.text
        #expect(text.contains("reference"))
        let lines = text.split(separator: "\n").map(String.init)
        let frogner = lines.first { $0.hasPrefix("Frogner") } ?? ""
        #expect(frogner.contains("39") && frogner.contains("28 %") && frogner.contains("below") && frogner.contains("33 %"), "\(frogner)")
        let ullern = lines.first { $0.hasPrefix("Ullern") } ?? ""
        #expect(ullern.contains("suppressed") && !ullern.contains("0 %"), "\(ullern)")
        #expect(text.contains("national average  40  %") || lines.contains { $0.hasPrefix("national average") && $0.contains("40") })
        #expect(lines.contains { $0.hasPrefix("national target") && $0.contains("70") })
        #expect(text.contains("Suppressed (too few participants to publish): Ullern"))
        #expect(!lines.contains { $0.hasPrefix("Ullern") && $0.contains("█") }, "no bar for the suppressed")
        #expect(lines.contains { $0.hasPrefix("Oslo ") }, "the city by its name")

        let (norsk, nbWritten) = DeadlineCommandTests().output(.nb)
        IntroPresentation.results(Self.results, norsk)
        #expect(nbWritten.text.contains("u.off.") && nbWritten.text.contains("landsgjennomsnitt") && !nbWritten.text.contains("suppressed"))
    }

    @Test func theCSVHasTheAPIsFieldsAndEmptyForSuppressed() {
        let (output, written) = DeadlineCommandTests().output(.en, .csv)
        IntroPresentation.results(Self.results, output)
        let lines = written.text.split(separator: "\n").map(String.init)
        #expect(lines.first == IntroPresentation.csvHeader.joined(separator: ","))
        #expect(lines[1] == "2014,reference,frogner,39,0.28,false,true,,0.33,false,true")
        #expect(lines[2] == "2014,reference,ullern,4,,true,,,,true,")
        #expect(lines[3].hasPrefix("2014,reference,oslo,317,0.43,"))
    }

    @Test func aProgrammeIsShownWithItsPausesAndNotesInBokmål() throws {
        var programme = try IntroProgramme.start(
            person: 12, district: "alna", on: Self.day("2026-01-05"), goal: .upperSecondary, months: nil, voluntary: true,
            settlementMode: nil, durations: IntroDurations())
        try programme.interrupt(on: Self.day("2026-03-02"))
        let resource = IntroResource(programme, notes: [IntroNote(action: .interrupt, note: "Fødselspermisjon", seq: 40)])
        let (output, written) = DeadlineCommandTests().output(.nb)
        IntroPresentation.show(resource, output)
        let text = written.text
        #expect(text.contains("avbrutt") && text.contains("videregående opplæring") && text.contains("Tilbudt uten rett"), "\(text)")
        #expect(text.contains("2026-03-02") && text.contains("Fødselspermisjon") && text.contains("2029-01-05"), "\(text)")
        #expect(IntroPresentation.summary(resource, .en) == "Person #12's programme is interrupted, planned to end 2029-01-05.")
    }
}

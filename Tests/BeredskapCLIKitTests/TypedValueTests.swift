import BeredskapCore
import BeredskapCLIKit
import Testing

@Suite struct TypedValueTests {
    let command = ParsedCommand(
        path: ["events"],
        optionValues: ["since": ["120"], "limit": ["0"], "offset": ["-3"], "word": ["12a"], "lang": ["sv"], "plus": ["+7"]])

    @Test func absentOptionIsNil() throws {
        #expect(try command.int("missing") == nil)
        #expect(try command.positiveInt("missing") == nil)
        #expect(try command.choice("missing", among: ["en"]) == nil)
    }

    @Test func validValues() throws {
        #expect(try command.int("since") == 120)
        #expect(try command.int("offset") == -3)
        #expect(try command.int("plus") == 7)
        #expect(try command.nonNegativeInt("limit") == 0)
        #expect(try command.positiveInt("since") == 120)
        #expect(try command.int("since", in: 1...1000) == 120)
        #expect(try command.choice("lang", among: ["sv", "nb"]) == "sv")
    }

    @Test func invalidValuesNameOptionAndValue() {
        let checks: [(() throws(UsageError) -> Void, String, String)] = [
            ({ () throws(UsageError) in _ = try command.int("word") },
             "option '--word' expects an integer, got '12a'",
             "valget «--word» forventer et heltall, fikk «12a»"),
            ({ () throws(UsageError) in _ = try command.positiveInt("limit") },
             "option '--limit' expects a positive integer, got '0'",
             "valget «--limit» forventer et positivt heltall, fikk «0»"),
            ({ () throws(UsageError) in _ = try command.nonNegativeInt("offset") },
             "option '--offset' expects a non-negative integer, got '-3'",
             "valget «--offset» forventer et ikke-negativt heltall, fikk «-3»"),
            ({ () throws(UsageError) in _ = try command.int("since", in: 1...100) },
             "option '--since' expects an integer from 1 to 100, got '120'",
             "valget «--since» forventer et heltall fra 1 til 100, fikk «120»"),
            ({ () throws(UsageError) in _ = try command.choice("lang", among: ["en", "nb"]) },
             "option '--lang' expects one of: en, nb, got 'sv'",
             "valget «--lang» forventer én av: en, nb, fikk «sv»"),
        ]
        for (check, en, nb) in checks {
            do {
                try check()
                Issue.record("expected an error: \(en)")
            } catch {
                #expect(error.message.en == en)
                #expect(error.message.nb == nb)
                #expect(error.commandPath == ["events"])
            }
        }
    }

    @Test func usageErrorCarriesThePath() {
        let error = command.usageError(Text("--from must be before --to", nb: "--from må komme før --to"))
        #expect(error.commandPath == ["events"])
        #expect(error.message.nb == "--from må komme før --to")
    }
}

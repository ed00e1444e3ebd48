import BeredskapCore
import BeredskapCLI
import Testing

@Suite struct LanguageTests {
    @Test(arguments: [
        ("nb_NO.UTF-8", Language.nb), ("nn_NO", .nb), ("no", .nb), ("nb-NO", .nb), ("NB", .nb),
        ("en_GB.UTF-8", .en), ("C", .en), ("POSIX", .en), ("C.UTF-8", .en),
    ])
    func identifiers(identifier: String, expected: Language) {
        #expect(Language(identifier: identifier) == expected)
    }

    @Test func unknownIdentifierIsNil() {
        #expect(Language(identifier: "de_DE.UTF-8") == nil)
        #expect(Language(identifier: "") == nil)
    }

    @Test func ownVariableWinsOverLocale() {
        #expect(Language.fromEnvironment(["BEREDSKAP_LANG": "nb", "LC_ALL": "en_US.UTF-8"]) == .nb)
        #expect(Language.fromEnvironment(["BEREDSKAP_LANG": "en", "LANG": "nb_NO.UTF-8"]) == .en)
    }

    @Test func unknownOwnVariableFallsThroughToLocale() {
        #expect(Language.fromEnvironment(["BEREDSKAP_LANG": "sv", "LANG": "nb_NO.UTF-8"]) == .nb)
    }

    @Test func posixOrderLcAllThenLcMessagesThenLang() {
        #expect(Language.fromEnvironment(["LC_ALL": "nb_NO.UTF-8", "LC_MESSAGES": "en_US", "LANG": "en_US"]) == .nb)
        #expect(Language.fromEnvironment(["LC_MESSAGES": "nn_NO", "LANG": "en_US"]) == .nb)
        #expect(Language.fromEnvironment(["LANG": "no_NO"]) == .nb)
    }

    @Test func firstNonEmptyDecidesEvenIfEnglish() {
        // LC_ALL=C means English although LANG is Norwegian.
        #expect(Language.fromEnvironment(["LC_ALL": "C", "LANG": "nb_NO.UTF-8"]) == .en)
        // An unsupported language is English, not a fall-through.
        #expect(Language.fromEnvironment(["LC_ALL": "de_DE", "LANG": "nb_NO.UTF-8"]) == .en)
    }

    @Test func emptyVariablesAreSkipped() {
        #expect(Language.fromEnvironment(["LC_ALL": "", "LC_MESSAGES": "", "LANG": "nb_NO.UTF-8"]) == .nb)
        #expect(Language.fromEnvironment(["BEREDSKAP_LANG": "", "LANG": "nb_NO"]) == .nb)
    }

    @Test func defaultIsEnglish() {
        #expect(Language.fromEnvironment([:]) == .en)
    }

    @Test func textPicksLanguage() {
        let text = Text("Arrivals", nb: "Ankomster")
        #expect(text(.en) == "Arrivals")
        #expect(text(.nb) == "Ankomster")
        #expect((text + Text(" today", nb: " i dag"))(.nb) == "Ankomster i dag")
    }
}

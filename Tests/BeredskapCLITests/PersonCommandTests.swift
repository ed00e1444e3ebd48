import BeredskapAPI
import BeredskapCLIKit
import BeredskapCore
import BeredskapJSON
import Synchronization
import Testing

@testable import BeredskapCLI

/// `person …` and `milestone …`: the options as the API's fields, usage errors, help in both
/// languages, and the tables for people.
@Suite struct PersonCommandTests {
    func parsed(_ arguments: [String]) throws -> ParsedCommand {
        guard case .run(let command) = try CLI.parser.parse(arguments) else { throw FacilityOptionsTests.Unexpected.notRun }
        return command
    }

    @Test func theOptionsBecomeTheAPIsFields() throws {
        let fields = try PersonFields.parse(try parsed([
            "person", "add", "--duf", "2016 12345678", "--given", "Hawa", "--family", "Yusuf", "--born-year", "1988", "--sex", "female",
            "--category", "resettlement", "--languages", "so, ar", "--vulnerable", "health,trauma", "--unaccompanied", "no",
            "--arrived", "2025-10-06",
        ]))
        #expect(JSONValue.object(fields) == [
            "duf": "2016 12345678", "given_name": "Hawa", "family_name": "Yusuf", "birth": ["year": 1988, "estimated": true],
            "sex": "female", "category": "resettlement", "arrived_norway": "2025-10-06", "languages": ["so", "ar"],
            "vulnerabilities": ["health", "trauma"], "unaccompanied": false,
        ])
        let draft = try JSONValueDecoder().decode(PersonDraft.self, from: .object(fields))
        #expect(draft.birth == .estimatedYear(1988))
        #expect(try PersonFields.parse(try parsed(["person", "set", "3", "--status", "settled"])) == ["status": "settled"])
        #expect(try PersonFields.parse(try parsed(["person", "set", "3", "--clear", "facility", "--clear", "arrived-city"]))
            == ["facility": .null, "arrived_city": .null])
    }

    @Test func badOptionsAreUsageErrors() throws {
        for arguments in [
            ["person", "set", "3", "--duf", "12345"],
            ["person", "set", "3", "--born", "2010-03-04", "--born-year", "2010"],
            ["person", "set", "3", "--sex", "x"],
            ["person", "set", "3", "--vulnerable", "health,lonely"],
            ["person", "set", "3", "--unaccompanied", "maybe"],
            ["person", "set", "3", "--arrived", "6.10.2025"],
            ["person", "set", "3", "--clear", "duf"],
            ["person", "set", "3", "--clear", "facility", "--facility", "refstad"],
        ] {
            #expect(throws: UsageError.self, "\(arguments)") { try PersonFields.parse(try parsed(arguments)) }
        }
        #expect(throws: UsageError.self) { try PersonCommands.personID(try parsed(["person", "show", "x"])) }
        #expect(try PersonCommands.personID(try parsed(["person", "show", "#12"])) == 12)
    }

    @Test func everyCommandHasHelpInBothLanguages() throws {
        for path in [["person"], ["person", "add"], ["person", "erase"], ["milestone", "record"], ["milestone", "correct"]] {
            guard case .help(let helped) = try CLI.parser.parse(path + ["--help"]) else {
                Issue.record("no help for \(path)")
                continue
            }
            #expect(helped == path)
            let english = CLI.parser.help(for: path, language: .en)
            let bokmål = CLI.parser.help(for: path, language: .nb)
            #expect(!english.isEmpty && english != bokmål, "\(path)")
        }
    }

    static let person = PersonResource(Person(
        id: 7, category: .resettlement, status: .residenceGranted, district: "alna", arrivalYear: 2025,
        details: PersonDetails(PersonDraft(
            duf: DUFNumber(parsing: "202500004711") ?? DUFNumber(parsing: "202500000000")!, givenName: "Åse", familyName: "Ødegård",
            birth: .estimatedYear(1988), sex: .female, category: .resettlement, vulnerabilities: [.trauma]))))

    @Test func aPersonReadsInTheReadersLanguageWithNamesAligned() {
        let lines = Mutex<[String]>([])
        let output = Output(
            language: .nb, style: TextStyle(enabled: false), format: .human, width: 200, write: { text in lines.withLock { $0.append(text) } },
            writeError: { _ in })
        var erased = Self.person
        erased.details = nil
        erased.erased = true
        output.table(PersonPresentation.columns, rows: [Self.person, erased].map { PersonPresentation.row($0, .nb) })
        let table = lines.withLock { $0.joined() }.split(separator: "\n").map(String.init)
        #expect(table.count == 3)
        #expect(table[1].contains("Ødegård, Åse") && table[1].contains("1988 (anslått)") && table[1].contains("innvilget opphold"))
        #expect(table[2].contains("(slettet)"))
        func column(_ line: String) -> Int? { line.range(of: "innvilget").map { displayWidth(String(line[..<$0.lowerBound])) } }
        #expect(column(table[1]) != nil && column(table[1]) == column(table[2]), "\(table)")
        #expect(PersonPresentation.csvRow(Self.person) == [
            "7", "202500004711", "Åse", "Ødegård", "1988", "true", "female", "resettlement", "residenceGranted", "alna", "", "", "false",
        ])
    }
}

import BeredskapCore
import Testing

@testable import BeredskapCLI

/// `person import FILE`: the columns as a person's fields, every problem of a line reported.
@Suite struct PersonImportFileTests {
    func problems(_ text: String) -> [ImportProblem] {
        do {
            _ = try PersonImportFile.rows(text)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func theColumnsBecomeAPersonsFields() throws {
        let rows = try PersonImportFile.rows("""
            duf;given_name;family_name;birth_date;birth_year;sex;category;languages;household;unaccompanied;vulnerabilities;facility
            2016 00004711;Amanuel;Tesfaye Ødegård;2001-03-04;;male;asylumSeeker;ti ar;h-1;ja;trauma health;refstad
            201600004712;Hawa;Yusuf;;1988;female;resettlement;;;;;

            """).rows
        #expect(rows.count == 2)
        let first = try #require(rows.first)
        #expect(first.duf == DUFNumber(parsing: "201600004711"))
        #expect(first.familyName == "Tesfaye Ødegård")
        #expect(first.birth == .date(try #require(CalendarDate(parsing: "2001-03-04"))))
        #expect(first.languages == ["ti", "ar"])
        #expect(first.unaccompanied == true)
        #expect(first.vulnerabilities == [.trauma, .health])
        #expect(first.facility == "refstad")
        let second = try #require(rows.last)
        #expect(second.birth == .estimatedYear(1988))
        #expect(second.languages == nil && second.household == nil && second.unaccompanied == nil)
    }

    @Test func everyProblemOfALineIsReported() {
        let bad = problems("""
            duf,given_name,family_name,birth_date,birth_year,sex,category,unaccompanied,vulnerabilities
            12345,Amanuel,,2001-03-04,2001,x,tourist,maybe,lonely
            201600004712,Hawa,Yusuf,,,female,resettlement,,

            """)
        #expect(bad.map(\.field) == ["duf", "family_name", "birth_year", "sex", "category", "unaccompanied", "vulnerabilities", "birth_date"])
        #expect(bad.map(\.line) == [2, 2, 2, 2, 2, 2, 2, 3])
        #expect(!problems("duf,given_name\n201600004712,Hawa\n").isEmpty, "required columns missing")
    }
}

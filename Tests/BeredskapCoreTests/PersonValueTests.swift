import BeredskapJSON
import Foundation
import Testing

@testable import BeredskapCore

@Suite struct DUFNumberTests {
    @Test("A DUF number is 12 digits, written grouped or not, and normalises to the digits", arguments: [
        ("201612345678", "201612345678"),
        ("2016 12345678", "201612345678"),
        (" 2016 1234 5678 ", "201612345678"),
        ("190000000000", "190000000000"),
        ("210099999999", "210099999999"),
    ])
    func accepted(text: String, digits: String) throws {
        let number = try #require(DUFNumber(parsing: text))
        #expect(number.digits == digits)
        #expect(number.description == digits)
        #expect(DUFNumber(parsing: digits) == number)
    }

    @Test("Anything else is refused: wrong length, other characters, a year outside 1900–2100", arguments: [
        "", "20161234567", "2016123456789", "2016-12345678", "2016\t12345678", "2016\u{00A0}12345678",
        "20161234567x", "٢٠١٦12345678", "189912345678", "210112345678", "000012345678", "+20161234567",
    ])
    func refused(text: String) {
        #expect(DUFNumber(parsing: text) == nil)
    }

    @Test func codableAsItsDigits() throws {
        let number = try #require(DUFNumber(parsing: "2016 12345678"))
        let data = try JSONEncoder().encode([number])
        #expect(String(decoding: data, as: UTF8.self) == #"["201612345678"]"#)
        #expect(try JSONDecoder().decode([DUFNumber].self, from: Data(#"["2016 12345678"]"#.utf8)) == [number])
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([DUFNumber].self, from: Data(#"["189912345678"]"#.utf8)) }
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([DUFNumber].self, from: Data("[201612345678]".utf8)) }
    }
}

@Suite struct PersonBirthTests {
    @Test("Age in whole years turns on the birthday itself", arguments: [
        ("2010-05-20", "2016-05-19", 5),
        ("2010-05-20", "2016-05-20", 6),
        ("2010-05-20", "2016-05-21", 6),
        ("2010-12-31", "2011-01-01", 0),
        ("2010-05-20", "2010-05-20", 0),
        ("2010-05-20", "2010-05-19", -1),
    ])
    func wholeYears(born: String, on: String, age: Int) throws {
        #expect(PersonBirth.date(try date(born)).age(on: try date(on)) == age)
    }

    @Test("Born on 29 February: the birthday is 1 March in other years, 29 February in leap years", arguments: [
        ("2015-02-28", 14), ("2015-03-01", 15),
        ("2016-02-28", 15), ("2016-02-29", 16), ("2016-03-01", 16),
        ("2017-02-28", 16), ("2017-03-01", 17),
        ("2012-02-28", 11), ("2012-02-29", 12),
    ])
    func leapDayBirthday(on: String, age: Int) throws {
        #expect(PersonBirth.date(try date("2000-02-29")).age(on: try date(on)) == age)
    }

    @Test("An estimated year counts as born on 1 July", arguments: [
        ("2016-06-30", 15), ("2016-07-01", 16), ("2016-12-31", 16), ("2017-06-30", 16),
    ])
    func estimatedYear(on: String, age: Int) throws {
        let birth = PersonBirth.estimatedYear(2000)
        #expect(birth.estimated)
        #expect(birth.age(on: try date(on)) == age)
        #expect(!PersonBirth.date(try date("2000-07-01")).estimated)
    }
}

@Suite struct MilestoneTests {
    @Test func wireNames() {
        #expect(Milestone.allCases.map(\.rawValue) == [
            "arrived_norway", "arrived_arrival_centre", "left_arrival_centre", "arrived_municipality", "tb_screening",
            "health_exam", "school_offer", "representative_appointed", "residence_granted", "settled", "skills_mapping",
            "intro_started", "intro_ended", "disability_grant_applied", "aftercare_chosen",
        ])
    }
}

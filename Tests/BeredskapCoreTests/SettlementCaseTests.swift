import Testing

@testable import BeredskapCore

private func day(_ text: String) -> CalendarDate {
    CalendarDate(parsing: text) ?? CalendarDate(daysSinceEpoch: 0)
}

private func requested(household: Int = 4, minors: Int = 0) throws -> SettlementCase {
    try SettlementCase.request(
        id: 7, district: "alna", mode: .ordinary, householdSize: household, unaccompaniedMinors: minors, on: day("2016-03-01"))
}

/// A case in `state`, reached by the allowed transitions from a fresh request.
private func inState(_ state: SettlementCase.State, housing: String? = nil) throws -> SettlementCase {
    var settlementCase = try requested()
    settlementCase.housing = housing
    let paths: [SettlementCase.State: [SettlementCaseAction]] = [
        .requested: [], .consented: [.consent], .declined: [.decline], .decided: [.consent, .decide],
        .settled: [.consent, .decide, .settle], .withdrawn: [.withdraw],
    ]
    for action in paths[state] ?? [] {
        _ = try settlementCase.perform(action, on: day("2016-04-01"), planned: day("2016-05-01"))
    }
    return settlementCase
}

@Suite struct SettlementCaseTests {
    @Test func aRequestTakesTheYearOfItsDateAndChecksTheHousehold() throws {
        let settlementCase = try requested(household: 3, minors: 1)
        #expect(settlementCase.state == .requested)
        #expect(settlementCase.year == 2016)
        #expect(settlementCase.requestedOn == day("2016-03-01"))
        let late = try SettlementCase.request(
            id: 1, district: "alna", mode: .familyReunification, householdSize: 1, on: day("2016-12-20"), year: 2017)
        #expect(late.year == 2017)

        let refusals: [(Int, Int, Int?, String)] = [
            (0, 0, nil, "household_size"), (31, 0, nil, "household_size"), (2, 3, nil, "unaccompanied_minors"),
            (2, -1, nil, "unaccompanied_minors"), (2, 0, 2010, "year"),
        ]
        for (household, minors, year, field) in refusals {
            #expect(throws: SettlementCaseError.self) {
                try SettlementCase.request(
                    id: 1, district: "alna", mode: .ordinary, householdSize: household, unaccompaniedMinors: minors,
                    on: day("2016-03-01"), year: year)
            }
            do {
                _ = try SettlementCase.request(
                    id: 1, district: "alna", mode: .ordinary, householdSize: household, unaccompaniedMinors: minors,
                    on: day("2016-03-01"), year: year)
            } catch {
                guard case .invalid(let problem) = error else { Issue.record("\(error)"); continue }
                #expect(problem.field == field)
            }
        }
    }

    @Test func theOrdinaryPathEndsInASettlementRecordWithItsHousehold() throws {
        var settlementCase = try requested(household: 5, minors: 2)
        #expect(try settlementCase.consent(on: day("2016-03-10")) == [])
        #expect(settlementCase.state == .consented && settlementCase.consentedOn == day("2016-03-10"))
        #expect(try settlementCase.decide(planned: day("2016-06-01"), on: day("2016-04-02")) == [])
        #expect(settlementCase.state == .decided)
        #expect(settlementCase.plannedOn == day("2016-06-01") && settlementCase.decidedOn == day("2016-04-02"))
        settlementCase.housing = "alna-1"
        // Settled a week earlier than planned: the plan is a plan.
        let effects = try settlementCase.settle(on: day("2016-05-25"))
        #expect(effects == [.settled(SettledHousehold(
            caseID: 7, district: "alna", date: day("2016-05-25"), count: 5, mode: .ordinary, year: 2016))])
        #expect(settlementCase.state == .settled && settlementCase.settledOn == day("2016-05-25"))
        // The home stays the household's: occupied, not free.
        #expect(settlementCase.housing == "alna-1")
    }

    @Test func aSettlementMayBeLaterThanPlanned() throws {
        var settlementCase = try inState(.decided)
        _ = try settlementCase.settle(on: day("2016-09-30"))
        #expect(settlementCase.settledOn == day("2016-09-30"))
    }

    @Test func declineAndWithdrawCloseTheCaseAndFreeItsHome() throws {
        var declined = try requested()
        declined.housing = "alna-1"
        #expect(try declined.decline(on: day("2016-03-05")) == [.releaseHousing(unit: "alna-1")])
        #expect(declined.state == .declined && declined.closedOn == day("2016-03-05") && declined.housing == nil)

        for state in [SettlementCase.State.requested, .consented, .decided] {
            var withdrawn = try inState(state, housing: "alna-2")
            #expect(try withdrawn.withdraw(on: day("2016-05-01")) == [.releaseHousing(unit: "alna-2")], "\(state)")
            #expect(withdrawn.state == .withdrawn && withdrawn.housing == nil)
            var without = try inState(state)
            #expect(try without.withdraw(on: day("2016-05-01")) == [])
        }
    }

    static let refused: [(SettlementCase.State, SettlementCaseAction)] = {
        var pairs: [(SettlementCase.State, SettlementCaseAction)] = []
        for state in SettlementCase.State.allCases {
            for action in SettlementCaseAction.allCases where !state.allowedActions.contains(action) {
                pairs.append((state, action))
            }
        }
        return pairs
    }()

    @Test("Every action not allowed from a state is refused with that state, and changes nothing", arguments: refused)
    func refusals(state: SettlementCase.State, action: SettlementCaseAction) throws {
        var settlementCase = try inState(state, housing: "alna-1")
        let before = settlementCase
        #expect(throws: SettlementCaseError.notAllowed(action, from: state)) {
            try settlementCase.perform(action, on: day("2016-06-01"), planned: day("2016-07-01"))
        }
        #expect(settlementCase == before)
    }

    @Test func theAllowedActionsAreTheLifecycle() {
        #expect(SettlementCase.State.requested.allowedActions == [.consent, .decline, .withdraw])
        #expect(SettlementCase.State.consented.allowedActions == [.decide, .withdraw])
        #expect(SettlementCase.State.decided.allowedActions == [.settle, .withdraw])
        for terminal in [SettlementCase.State.declined, .settled, .withdrawn] {
            #expect(terminal.isTerminal && terminal.allowedActions.isEmpty)
        }
        #expect(SettlementCase.State.allCases.filter(\.isWaiting) == [.consented, .decided])
    }

    @Test func aRefusalSaysWhatIsAllowedFromTheState() {
        let fromConsented = SettlementCaseError.notAllowed(.settle, from: .consented).text
        #expect(fromConsented.en == "cannot settle a case that is consented; from consented: decide, withdraw")
        #expect(fromConsented.nb.contains("decide, withdraw"))
        let fromSettled = SettlementCaseError.notAllowed(.withdraw, from: .settled).text
        #expect(fromSettled.en.contains("nothing more can happen"))
    }

    @Test func noStepIsDatedBeforeTheRequestAndDecideNeedsAPlannedDate() throws {
        var settlementCase = try requested()
        #expect(throws: SettlementCaseError.invalid(FieldProblem("date", Text(
            "must not be before the request (2016-03-01)", nb: "kan ikke være før anmodningen (2016-03-01)")))) {
            try settlementCase.consent(on: day("2016-02-29"))
        }
        _ = try settlementCase.consent(on: day("2016-03-01"))
        do {
            _ = try settlementCase.perform(.decide, on: day("2016-03-02"))
            Issue.record("decide without a planned date")
        } catch {
            guard case .invalid(let problem) = error else { Issue.record("\(error)"); return }
            #expect(problem.field == "planned")
        }
        do {
            _ = try settlementCase.decide(planned: day("2016-01-01"), on: day("2016-03-02"))
            Issue.record("planned before the request")
        } catch {
            guard case .invalid(let problem) = error else { Issue.record("\(error)"); return }
            #expect(problem.field == "planned")
        }
        #expect(settlementCase.state == .consented)
    }
}

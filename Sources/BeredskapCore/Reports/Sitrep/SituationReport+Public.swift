extension SituationReport {
    /// The report for the municipality's information page (the strategy's recommendation 8):
    /// aggregates only.
    ///
    /// Kept: capacity per kind and district (no facility named), the surge level and its
    /// week, the forecast, how many alerts fire of each severity, settlement per district,
    /// arrivals and occupancy per day. Taken out: facility names and ids, alert subjects,
    /// playbook runs with their steps and owners, the deadlines (they count persons with
    /// cases), the incident log (free text).
    ///
    /// Every count of people from 1 to `minimumCount − 1` is suppressed (`SmallCounts`), and
    /// beside a total as many more as keep the total from giving it away
    /// (`SmallCounts.suppressedIndexes`): null with `suppressed` in JSON, "færre enn 5" (or
    /// "skjermet" for a cover) in the renderings — with the figures that would give it away
    /// (free places and utilisation beside an occupancy, the share beside a settled count, a
    /// kind's forecast beside its places).
    public func publicVariant(minimumCount: Int = SmallCounts.defaultMinimum) -> SituationReport {
        let minimum = max(minimumCount, 1)
        func small(_ count: Int?) -> SmallCounts.Suppression? {
            count.flatMap { SmallCounts.suppresses($0, minimum: minimum) ? .small : nil }
        }
        var report = SituationReport(generatedAt: generatedAt, at: at, timeZone: timeZone, audience: .public)
        report.minimumCount = minimum
        report.capacity = capacity.map { capacity in
            func shown(_ row: CapacityRow, _ suppression: SmallCounts.Suppression?) -> CapacityRow {
                guard let suppression else { return row }
                return CapacityRow(
                    key: row.key, name: row.name, facilities: row.facilities, places: row.places, occupied: nil, free: nil,
                    utilisation: nil, overCap: row.overCap, suppression: suppression)
            }
            func rows(_ rows: [CapacityRow]) -> [CapacityRow] {
                let suppressed = SmallCounts.suppressedIndexes(rows.map { $0.occupied ?? 0 }, minimum: minimum)
                return rows.indices.map { shown(rows[$0], suppressed[$0]) }
            }
            var published = Capacity(
                asOf: capacity.asOf, cap: capacity.cap, total: shown(capacity.total, small(capacity.total.occupied)),
                byKind: rows(capacity.byKind), byDistrict: rows(capacity.byDistrict), overCap: [])
            published.overCapCount = capacity.overCapCount
            return published
        }
        report.surge = surge.map { surge in
            var shown = surge
            if let suppression = small(surge.arrivals) {
                shown.arrivals = nil
                shown.suppressed = true
                shown.suppression = suppression
            }
            return shown
        }
        // A kind's free places beside its places would give its suppressed occupancy away.
        let hiddenKinds = Set(report.capacity?.byKind.filter(\.suppressed).map(\.key) ?? [])
        report.forecast = forecast.map { forecast in
            Forecast(asOf: forecast.asOf, kinds: forecast.kinds.filter { !hiddenKinds.contains($0.kind.rawValue) })
        }
        report.alerts = alerts.map { Alerts(asOf: $0.asOf, firing: [], bySeverity: $0.bySeverity) }
        report.settlement = settlement.map { settlement in
            func shown(_ row: SettlementRow, _ suppression: SmallCounts.Suppression?) -> SettlementRow {
                guard let suppression else { return row }
                return SettlementRow(district: row.district, name: row.name, quota: row.quota, settled: nil, share: nil, suppression: suppression)
            }
            let suppressed = SmallCounts.suppressedIndexes(settlement.districts.map { $0.settled ?? 0 }, minimum: minimum)
            return Settlement(
                asOf: settlement.asOf, year: settlement.year, date: settlement.date,
                districts: settlement.districts.indices.map { shown(settlement.districts[$0], suppressed[$0]) },
                total: shown(settlement.total, small(settlement.total.settled)))
        }
        report.arrivals = arrivals.map { arrivals in
            let suppressed = SmallCounts.suppressedIndexes(arrivals.days.map { $0.count ?? 0 }, minimum: minimum)
            let days = arrivals.days.indices.map { index in
                suppressed[index].map { DayCount(date: arrivals.days[index].date, count: nil, suppression: $0) } ?? arrivals.days[index]
            }
            let total = small(arrivals.total)
            return Arrivals(asOf: arrivals.asOf, days: days, total: total == nil ? arrivals.total : nil, suppression: total)
        }
        report.occupancy = occupancy.map { occupancy in
            Occupancy(asOf: occupancy.asOf, kinds: occupancy.kinds.map { series in
                KindSeries(kind: series.kind, days: series.days.map { day in
                    small(day.occupied).map { OccupancyDay(date: day.date, occupied: nil, places: day.places, suppression: $0) } ?? day
                })
            })
        }
        return report
    }
}

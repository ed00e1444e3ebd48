import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// `alerts.settlement_lag`: a district behind its settlement quota this year.
    ///
    /// Why these defaults: 10 persons is two or three households, more than a normal week's
    /// unevenness in a district of Oslo's size; a quarter of the expected is a district that
    /// is clearly behind rather than a little late (on 1 September 2016 Vestre Aker had 0 of
    /// about 50 expected, Ullern 4 of about 34). A warning, told again weekly: settlement is
    /// steered over months, not hours.
    public struct SettlementLagRule: Sendable, Equatable, Codable {
        public var enabled = true
        public var severity = AlertSeverity.warning
        /// Persons behind (expected − settled), strictly more than this.
        public var minLag = SettlementLagThresholds.defaults.minLag
        /// Share of the expected behind, strictly more than this (0…1).
        public var minLagShare = SettlementLagThresholds.defaults.minLagShare
        public var forDuration = FixedDuration.seconds(0)
        public var keepFiringFor = FixedDuration.seconds(0)
        public var repeatInterval: FixedDuration? = .seconds(7 * 24 * 3600)
        public var escalateAfter: FixedDuration?
        public var escalationLimit = 0

        private enum CodingKeys: String, CodingKey {
            case enabled, severity, minLag, minLagShare, forDuration = "for", keepFiringFor, repeatInterval, escalateAfter
            case escalationLimit
        }

        public init() {}

        public var thresholds: SettlementLagThresholds { SettlementLagThresholds(minLag: minLag, minLagShare: minLagShare) }

        public var policy: AlertLifecycle.Policy {
            AlertLifecycle.Policy(
                forDuration: forDuration, keepFiringFor: keepFiringFor, repeatInterval: repeatInterval,
                escalateAfter: escalateAfter, escalationLimit: escalationLimit)
        }

        func problems() -> [FieldProblem] { thresholds.problems() + policy.problems() }
    }
}

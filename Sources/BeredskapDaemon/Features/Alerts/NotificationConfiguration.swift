import BeredskapCore
import BeredskapJSON

extension DaemonConfiguration {
    /// Who hears about alerts and how: groups, routes and escalation (`NotificationRouting`),
    /// the retry policy of the outbox, and the language of the messages.
    ///
    /// Why these defaults: every warning goes to Beredskapsetaten and to the contact point of
    /// the district concerned (recommendation 38: each district has one); critical city-wide
    /// alerts go to the administrative coordination group too; an unacknowledged critical
    /// alert escalates to the administrative, then the political coordination group.
    public struct Notifications: Sendable, Equatable {
        /// Channels by name. The default appends every notification as one JSON line to
        /// `notifications.ndjson` in the state directory, so nothing is lost before real
        /// channels (webhook, e-mail, a script) are configured.
        public var channels: [String: ChannelConfiguration] = ["logg": ChannelConfiguration(.file(path: "notifications.ndjson"))]
        public var routing = NotificationRouting(
            groups: Dictionary(
                uniqueKeysWithValues: [("beredskapsetaten", ["logg"]), ("admin-koordinering", ["logg"]),
                                       ("politisk-koordinering", ["logg"])]
                    + District.oslo.map { (NotificationRouting.contactPoint(of: $0.id), ["logg"]) }),
            routes: [
                NotificationRouting.Route(minimumSeverity: .warning, groups: ["beredskapsetaten", NotificationRouting.districtPlaceholder]),
                NotificationRouting.Route(subject: "city", minimumSeverity: .critical, groups: ["admin-koordinering"]),
            ],
            escalation: ["admin-koordinering", "politisk-koordinering"])
        public var retry = RetryPolicy()
        /// Messages for people are written in this language (`nb` or `en`).
        public var language = Language.nb
    }
}

extension DaemonConfiguration.Notifications: Decodable {
    private enum CodingKeys: String, CodingKey { case channels, routing, retry, language }

    public init(from decoder: any Decoder) throws {
        let defaults = Self()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        channels = try container.value(.channels, default: defaults.channels)
        if channels.isEmpty {
            throw DecodingError.dataCorruptedError(forKey: .channels, in: container, debugDescription: "must name at least one channel")
        }
        routing = try container.overlay(.routing, default: defaults.routing)
        // Checked even when only the channels were given: the default groups name `logg`.
        if let problem = routing.validate(knownChannels: Set(channels.keys)).first {
            throw problem.decodingError(under: container.codingPath + [AnyKey("routing")])
        }
        retry = try container.overlay(.retry, default: defaults.retry) { $0.validate() }
        if let code = try container.decodeIfPresent(String.self, forKey: .language) {
            guard let language = Language(identifier: code) else {
                throw DecodingError.dataCorruptedError(forKey: .language, in: container, debugDescription: "expected one of: nb, en")
            }
            self.language = language
        }
    }
}

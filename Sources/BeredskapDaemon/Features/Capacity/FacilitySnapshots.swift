import BeredskapCore
import BeredskapStore
import Synchronization

/// The facilities as of the latest event, read from the store once and shared until the
/// next event.
///
/// Why: the capacity picture, the surge forecast, the facility list and the status screen
/// all start from every facility, and they are read far more often than anything changes
/// (a dashboard polls; arrivals come in bursts). Any committed event may have changed a
/// facility, so the snapshot is keyed by the event bus's last seq. That seq is taken
/// *before* reading, so a snapshot is never labelled newer than what it holds: at worst a
/// change committed during the read makes the next request read again.
public final class FacilitySnapshots: Sendable {
    private let bus: EventBus
    private let reads: StoreReads
    private let latest = Mutex<(seq: Int64, facilities: [Facility])?>(nil)

    init(bus: EventBus, reads: StoreReads) {
        self.bus = bus
        self.reads = reads
    }

    func facilities() throws(APIError) -> [Facility] {
        let seq = bus.lastSeq
        if let cached = latest.withLock({ $0 }), cached.seq == seq { return cached.facilities }
        let facilities = try reads.read { try $0.facilities() }
        latest.withLock { $0 = (seq, facilities) }
        return facilities
    }
}

import Foundation

/// Waits until `condition` holds, checking every 20 ms, for at most `timeout` seconds; returns
/// whether it held. Tests synchronise on conditions like this, never on fixed sleeps.
public func waitUntil(timeout: Double = 20, _ condition: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while Date() < deadline {
        if condition() { return true }
        usleep(20_000)
    }
    return condition()
}

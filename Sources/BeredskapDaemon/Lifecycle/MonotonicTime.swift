import Glibc

/// Monotonic nanoseconds (CLOCK_MONOTONIC): for uptime and intervals, never for data.
func monotonicNanosecondsNow() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

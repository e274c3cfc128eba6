#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The cost of some work as CPU time of the calling thread, for tests that bound how much work
/// a hostile input may cause. Unlike wall-clock time it does not grow when the machine is busy
/// (other builds, other tests on the same cores), so a bound on it does not flake; wall-clock
/// time is kept for failure messages only.
///
/// The closure must be synchronous (no `await` inside): it then runs on the calling thread from
/// start to end, and that thread's CPU time is all it costs (the code measured starts no threads).
public struct CPUCost: Sendable, CustomStringConvertible {
    /// User plus system CPU time of the calling thread, in seconds.
    public var cpuSeconds: Double
    /// Wall-clock time, in seconds: information for messages, never a limit.
    public var wallSeconds: Double

    public var description: String {
        "\(Self.format(cpuSeconds)) s CPU (\(Self.format(wallSeconds)) s wall-clock)"
    }

    public static func measure(_ body: () throws -> Void) rethrows -> CPUCost {
        let wallStart = wallClock(), cpuStart = threadCPUTime()
        try body()
        return CPUCost(cpuSeconds: threadCPUTime() - cpuStart, wallSeconds: wallClock() - wallStart)
    }

    /// User plus system CPU time of the calling thread so far, in seconds.
    public static func threadCPUTime() -> Double {
        #if os(Linux)
        var usage = rusage()
        // RUSAGE_THREAD (1), which the Glibc module does not show.
        guard getrusage(__rusage_who_t(1), &usage) == 0 else { return 0 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
        #else
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
        #endif
    }

    /// Seconds of a `timeval` from `rusage` (also for a child's usage from `wait4`).
    public static func seconds(_ time: timeval) -> Double {
        Double(time.tv_sec) + Double(time.tv_usec) / 1e6
    }

    static func wallClock() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func format(_ value: Double) -> String {
        let milliseconds = Int((value * 1000).rounded())
        let fraction = String(milliseconds % 1000)
        return "\(milliseconds / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
    }
}

import Foundation

/// The time the program believes it is. Tests give the loops a clock they move by hand.
public protocol TimeSource: Sendable {
    func now() -> Date
    /// Real milliseconds until this clock reaches `date` (it may run faster than real time).
    func milliseconds(until date: Date, from now: Date) -> Double
}

extension TimeSource {
    public func milliseconds(until date: Date, from now: Date) -> Double {
        date.timeIntervalSince(now) * 1000
    }
}

/// Real time, or real time shifted to start at `--now`.
public struct SimulatedClock: TimeSource {
    private let offset: TimeInterval

    public init(start: Date?) {
        offset = start.map { $0.timeIntervalSinceNow } ?? 0
    }

    public func now() -> Date { Date().addingTimeInterval(offset) }
}

/// The kiosk's clock: real time, or simulated from `--now` at `--clock-rate` (60 plays one
/// minute per second). Simulated time runs on a monotonic clock, so it never jumps.
public struct KioskClock: TimeSource {
    private let start: Date?
    public let rate: Double
    private let began = ContinuousClock.now
    private let beganDate = Date()

    public init(start: Date?, rate: Double) {
        self.start = start
        self.rate = rate
    }

    public func now() -> Date {
        if start == nil, rate == 1 { return Date() }
        let elapsed = began.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (start ?? beganDate).addingTimeInterval(seconds * rate)
    }

    public func milliseconds(until date: Date, from now: Date) -> Double {
        date.timeIntervalSince(now) / rate * 1000
    }
}

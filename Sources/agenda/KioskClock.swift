import Foundation

/// The kiosk's clock: real time, or simulated from `--now` at `--clock-rate` (60 plays one
/// minute per second). Simulated time runs on a monotonic clock, so it never jumps.
struct KioskClock: Sendable {
    private let start: Date?
    let rate: Double
    private let began = ContinuousClock.now
    private let beganDate = Date()

    init(start: Date?, rate: Double) {
        self.start = start
        self.rate = rate
    }

    func now() -> Date {
        if start == nil, rate == 1 { return Date() }
        let elapsed = began.duration(to: .now)
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        return (start ?? beganDate).addingTimeInterval(seconds * rate)
    }

    /// Real milliseconds until simulated time reaches `date`.
    func milliseconds(until date: Date, from now: Date) -> Double {
        date.timeIntervalSince(now) / rate * 1000
    }
}

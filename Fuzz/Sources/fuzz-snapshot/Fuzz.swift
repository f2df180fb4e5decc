import Foundation
import AgendaFuzzSupport
import AgendaModel

/// libFuzzer entry: the snapshot reader (`ScheduleSnapshot.decode`, and `openingDay`) on arbitrary bytes. The first
/// byte chooses what the rest is: odd, a payload, sealed here with a correct header and digest
/// so that the field checks behind them are reached (a fuzzer cannot forge the digest); even,
/// a whole snapshot file. Never crashes or hangs; what it returns is safe to show.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = FuzzCheck.data(start, count)
    guard let mode = data.first else { return 0 }
    let rest = Array(data.dropFirst())
    let source = ContentDigest(high: 1, low: 2)
    let bytes = mode & 1 == 1 ? ScheduleSnapshot.seal(rest, source: source, build: "fuzz") : rest
    if let schedule = ScheduleSnapshot.decode(bytes, source: source, build: "fuzz") {
        FuzzCheck.check(schedule)
    }
    // The day decoded alone for the first screen, at a time the first byte also picks.
    let now = Date(timeIntervalSince1970: 1_700_000_000 + Double(mode) * 86_400)
    if let day = ScheduleSnapshot.openingDay(bytes, source: source, build: "fuzz", now: now) {
        FuzzCheck.check(day.schedule)
    }
    return 0
}

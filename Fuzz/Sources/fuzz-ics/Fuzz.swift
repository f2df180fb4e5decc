import AgendaFuzzSupport
import AgendaModel

/// libFuzzer entry: the iCalendar reader on arbitrary bytes.
/// Never crashes or hangs; a thrown ScheduleError is fine; what it returns is safe to show.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = FuzzCheck.data(start, count)
    FuzzCheck.read { () throws(ScheduleError) in try ICalendarReader.read(data, file: "fuzz.ics") }
    return 0
}

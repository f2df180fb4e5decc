import AgendaFuzzSupport
import AgendaModel

/// libFuzzer entry: the c3voc JSON reader on arbitrary bytes.
/// Never crashes or hangs; a thrown ScheduleError is fine; what it returns is safe to show.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = FuzzCheck.data(start, count)
    FuzzCheck.read { () throws(ScheduleError) in try C3VOCJSONReader.read(data, file: "fuzz.json") }
    return 0
}

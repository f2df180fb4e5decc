import AgendaFuzzSupport
import AgendaModel

/// libFuzzer entry: the CACIE page reader on arbitrary bytes.
/// Never crashes or hangs; a thrown ScheduleError is fine; what it returns is safe to show.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = FuzzCheck.data(start, count)
    FuzzCheck.read { () throws(ScheduleError) in try CACIEPageReader.read(data, file: "fuzz.txt") }
    return 0
}

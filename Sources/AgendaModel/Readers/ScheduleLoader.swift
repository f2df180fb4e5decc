import Foundation

/// Reads a schedule file of any supported format, chosen by its content, not its name.
public enum ScheduleLoader {
    public static func load(path: String) throws(ScheduleError) -> Schedule {
        // Size-limited: see ScheduleFile.
        return try read(ScheduleFile.read(path: path), file: path)
    }

    /// `release`: called with ranges of `data` the reader is done with (a mapped file gives
    /// their pages back; `MappedSchedule`). `spill`: where the long texts of frab XML go as
    /// they are found, instead of memory.
    public static func read(_ data: Data, file: String, release: ((Range<Int>) -> Void)? = nil,
                            spill: TextSpill? = nil) throws(ScheduleError) -> Schedule {
        switch ScheduleFormat.sniff(data) {
        case .xml: return try FrabXMLReader.read(data, file: file, release: release, spill: spill)
        case .json: return try C3VOCJSONReader.read(data, file: file)
        case .iCalendar: return try ICalendarReader.read(data, file: file)
        case .cacie, .unknown: break
        }
        let text = try TextDecoding.utf8(data, file: file)
        if CACIEPageReader.sniff(text.prefix(4096)) {
            return try CACIEPageReader.read(text: text, file: file)
        }
        if text.allSatisfy(\.isWhitespace) {
            throw ScheduleError(file: file, line: 1, message: "the file is empty")
        }
        throw ScheduleError(file: file, line: 1, message:
            "not a schedule this version reads (expected frab/pentabarf XML, c3voc JSON, iCalendar or a CACIE session page)")
    }
}

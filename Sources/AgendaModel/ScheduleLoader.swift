import Foundation

/// Reads a schedule file of any supported format, chosen by its content, not its name.
public enum ScheduleLoader {
    public static func load(path: String) throws(ScheduleError) -> Schedule {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
        } catch {
            throw ScheduleError(.missing, file: path, message: reason(for: error, path: path))
        }
        return try read(data, file: path)
    }

    public static func read(_ data: Data, file: String) throws(ScheduleError) -> Schedule {
        switch ScheduleFormat.sniff(data) {
        case .xml: return try FrabXMLReader.read(data, file: file)
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

    private static func reason(for error: Error, path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            return isDirectory.boolValue ? "is a directory, not a schedule file" : "cannot be read (permission denied?)"
        }
        return "no such file"
    }
}

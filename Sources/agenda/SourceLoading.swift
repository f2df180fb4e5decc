import ArgumentParser
import Foundation
import AgendaApp
import AgendaModel
import AgendaUI
import AgendaSources

extension SourceError {
    var failure: Strings.LoadFailure {
        switch kind {
        case .unavailable: .unavailable
        case .missing: .missing
        case .malformed: .malformed
        }
    }

    var exitStatus: Int32 {
        switch kind {
        case .unavailable: ExitStatus.unavailable
        case .missing: ExitStatus.noInput
        case .malformed: ExitStatus.dataError
        }
    }
}

enum SourceLoading {
    /// Loads each source; on failure prints the error and exits with its status.
    static func load(_ names: [String], settings: SourceSettings, language: Strings.Language = .en) throws -> [LoadedSource] {
        try names.map { name in
            let source = ScheduleSource(name, settings: settings)
            do throws(SourceError) {
                return try load(source)
            } catch {
                throw report(error, source, language: language)
            }
        }
    }

    static func load(_ source: ScheduleSource) throws(SourceError) -> LoadedSource {
        try LoadedSource.load(source)
    }

    /// Prints why `source` gave no schedule; the exit status to end with.
    static func report(_ error: SourceError, _ source: ScheduleSource, language: Strings.Language) -> ExitCode {
        if let summary = Strings.for(language).cannotLoad(error.failure, source.displayName) { printError(summary) }
        printError(error.description)
        return ExitCode(error.exitStatus)
    }

    /// `warning: URL: offline (connection refused); showing the copy of 2024-12-27 09:42`.
    static func warning(_ source: ScheduleSource, _ note: StaleNote, zone: TimeZone) -> String {
        let time = VenueTime(timeZone: zone)
        let what = note.kind == .offline ? "offline (\(note.cause))" : "the new version does not read (\(note.cause))"
        return "warning: \(source.displayName): \(what); using the copy of \(time.isoDay(note.asOf)) \(time.clock(note.asOf))"
    }
}

import Foundation
import AgendaModel

/// The XDG base folders this program keeps files under, looked up in one place: the
/// variable when it holds an absolute path (a relative one is invalid by the specification
/// and ignored), else its default under `$HOME`.
public enum XDGFolder: Sendable {
    /// `$XDG_CACHE_HOME`, default `~/.cache`: copies, snapshots, search indexes.
    case cache
    /// `$XDG_STATE_HOME`, default `~/.local/state`: favourites, filters, the kiosk's screen.
    case state
    /// `$XDG_DATA_HOME`, default `~/.local/share`: exported calendars.
    case data

    public func url(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        if let value = environment[variable], value.hasPrefix("/") { return URL(fileURLWithPath: value) }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(underHome)
    }

    private var variable: String {
        switch self {
        case .cache: "XDG_CACHE_HOME"
        case .state: "XDG_STATE_HOME"
        case .data: "XDG_DATA_HOME"
        }
    }

    private var underHome: String {
        switch self {
        case .cache: ".cache"
        case .state: ".local/state"
        case .data: ".local/share"
        }
    }
}

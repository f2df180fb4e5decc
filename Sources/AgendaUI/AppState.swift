import Foundation
import AgendaModel

public enum Pane: Sendable, Equatable { case list, detail }

/// Everything the browser shows, as plain data: the reducer changes it, the views draw it.
public struct AppState: Sendable {
    public var schedule: Schedule
    public var size: Size
    public var now: Date
    public let measure: TextMeasure

    /// Index into `schedule.sessions` of the highlighted session.
    public var selection = 0
    /// First session shown in the list.
    public var listTop = 0
    /// First line of the detail text shown.
    public var detailTop = 0
    public var focus: Pane = .list
    /// On narrow terminals the detail replaces the list while open.
    public var detailOpen = false
    public var helpVisible = false
    public var helpTop = 0
    public var shouldQuit = false

    public init(schedule: Schedule, size: Size, now: Date, measure: TextMeasure = .standard) {
        self.schedule = schedule
        self.size = size
        self.now = now
        self.measure = measure
    }

    public var layout: Layout { Layout(size: size) }
    public var selectedSession: Session? {
        schedule.sessions.indices.contains(selection) ? schedule.sessions[selection] : nil
    }
    /// Whether the detail pane is on screen (always beside the list on wide terminals).
    public var detailVisible: Bool { layout.sideBySide || detailOpen }
}

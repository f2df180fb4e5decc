import Foundation
import AgendaModel

public enum Pane: Sendable, Equatable { case list, detail }

/// Everything the browser shows, as plain data: the reducer changes it, the views draw it.
public struct AppState: Sendable {
    public var schedule: Schedule {
        didSet { longestRoom = Self.longestRoom(in: schedule, measure: measure) }
    }
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
    /// Cells of the longest room name, so the list gives short room names no more than they need.
    public private(set) var longestRoom: Int

    public init(schedule: Schedule, size: Size, now: Date, measure: TextMeasure = .standard) {
        self.schedule = schedule
        self.size = size
        self.now = now
        self.measure = measure
        longestRoom = Self.longestRoom(in: schedule, measure: measure)
    }

    private static func longestRoom(in schedule: Schedule, measure: TextMeasure) -> Int {
        Set(schedule.sessions.compactMap(\.room)).map(measure.cells).max() ?? 0
    }

    public var layout: Layout { Layout(size: size) }
    public var selectedSession: Session? {
        schedule.sessions.indices.contains(selection) ? schedule.sessions[selection] : nil
    }
    /// Whether the detail pane is on screen (always beside the list on wide terminals).
    public var detailVisible: Bool { layout.sideBySide || detailOpen }
}

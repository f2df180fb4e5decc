import AgendaCanvas

/// Where each part of the browser goes for a terminal size. The reducer and the views share
/// it, so a click is tested against exactly the rectangles that were drawn.
public struct Layout: Sendable, Equatable {
    public static let minimum = Size(width: 40, height: 10)
    /// From this width on, list and detail stand side by side.
    public static let sideBySideWidth = 100
    /// From this width on, the list gets more than half.
    public static let wideWidth = 120

    public let size: Size
    public let header: Rect
    public let list: Rect
    public let detail: Rect
    public let status: Rect
    public let sideBySide: Bool

    public var isTooSmall: Bool { size.width < Self.minimum.width || size.height < Self.minimum.height }

    /// `split: false` keeps the body one pane wide (the timetable needs every column).
    /// `listWants`: the cells the list needs to show its longest title and room whole.
    public init(size: Size, split: Bool = true, listWants: Int = 0) {
        self.size = size
        sideBySide = split && size.width >= Self.sideBySideWidth
        let bodyTop = 2, bodyHeight = max(0, size.height - 3)
        header = Rect(x: 0, y: 0, width: size.width, height: 2)
        status = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        if sideBySide {
            // Half each, or up to three fifths when that shows every title and room whole; from
            // 120 columns the list takes three fifths, so titles get 40 cells (the detail names
            // the room and says the rest).
            let listWidth = size.width >= Self.wideWidth ? size.width * 3 / 5
                : listWants <= size.width * 3 / 5 ? max(size.width / 2, listWants) : size.width / 2
            list = Rect(x: 0, y: bodyTop, width: listWidth, height: bodyHeight)
            // One column for the divider between the panes.
            detail = Rect(x: listWidth + 1, y: bodyTop, width: size.width - listWidth - 1, height: bodyHeight)
        } else {
            list = Rect(x: 0, y: bodyTop, width: size.width, height: bodyHeight)
            detail = list
        }
    }
}

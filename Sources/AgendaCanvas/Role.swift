/// What a cell means on screen; a theme in the terminal layer turns it into colours.
public enum Role: UInt8, Sendable, CaseIterable {
    case normal, dim, header, headerAccent, statusBar, statusKey
    case listTime, listRoom, selected, selectedInactive, running
    case title, subtitle, label, border, accent, warning
    case heading, tab, tabSelected, match, star, clash, banner, box, boxTitle, nowLine
    /// A track's own colour from the file; the cell's `tint` says which.
    case trackMark
    case clock, badge  // kiosk: the large clock, the "just started" mark
    case urgent        // kiosk: urgent notices, evacuation, ROOM FULL
    case blackout      // kiosk: outside the hours given with --on
    case qr            // kiosk: QR codes, dark modules drawn on light
    case caution, alarm // kiosk stage timer: five and two minutes left
    /// Kiosk block type: a space whose background is the ink of the role named after it
    /// (`.clock`, `.qr`, `.urgent`, `.caution`, `.alarm`), so a full cell is solid whatever the
    /// font; half cells keep their glyph in that role, on the same background.
    case clockInk, qrInk, urgentInk, cautionInk, alarmInk
    case link          // a web address, drawn as a hyperlink where the terminal has them
}

extension Role {
    /// Whether a blank cell of this role shows solid ink (block type), not background.
    public var isInk: Bool {
        switch self {
        case .clockInk, .qrInk, .urgentInk, .cautionInk, .alarmInk: true
        default: false
        }
    }
}

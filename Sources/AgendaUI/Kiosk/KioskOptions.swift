/// Which language the board's own labels use; session text is shown as the schedule gives it.
public enum KioskLanguage: String, Sendable, CaseIterable {
    case en, zh
    case bilingual = "en+zh"
}

/// How a kiosk was asked to look: fixed for its whole run.
public struct KioskOptions: Sendable, Equatable {
    /// A door screen for this room (as the schedule spells it); nil: the whole venue.
    public var room: String?
    public var language: KioskLanguage
    /// Dwell time of each venue page, in board-clock seconds.
    public var pageSeconds: Int
    /// ASCII-only drawing and English labels, for terminals outside a UTF-8 locale.
    public var ascii: Bool
    /// The Linux console's font (at most 512 glyphs): block and box drawing, but few other symbols.
    public var consoleFont: Bool
    /// Moves the whole board by a cell every few minutes, so no pixel burns in.
    public var burnInShift: Bool

    public init(room: String? = nil, language: KioskLanguage = .en, pageSeconds: Int = 10,
                ascii: Bool = false, consoleFont: Bool = false, burnInShift: Bool = true) {
        self.room = room
        self.language = language
        self.pageSeconds = max(1, pageSeconds)
        self.ascii = ascii
        self.consoleFont = consoleFont
        self.burnInShift = burnInShift
    }
}

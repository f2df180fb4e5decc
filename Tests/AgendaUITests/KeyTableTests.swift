import Foundation
import Testing
import AgendaCanvas
@testable import AgendaUI

/// The one key table: what each context binds is what it does, what help shows, and what the
/// manual and the guide list.
@Suite struct KeyTableTests {
    typealias Context = KeyMap.Context

    /// Characters a typing line is tried with.
    static let typed: [Character] = ["x", "q", "?", " ", "会"]

    /// Every binding of a context with the action it should give: keys as listed, typing with a
    /// few characters, mouse buttons at one point.
    static func bindings(_ context: Context) -> [(input: Input, action: Action)] {
        KeyMap.table(context).lines.flatMap(\.parts).flatMap { part -> [(input: Input, action: Action)] in
            switch part {
            case .keys(let keys): keys.map { (.key($0.0), $0.1) }
            case .typing(let make): typed.map { (.key(.char($0)), make($0)) }
            case .mouse(let buttons): buttons.map { (.mouse($0.button, x: 2, y: 3), $0.action(2, 3)) }
            }
        }
    }

    /// A state whose keys are looked up in `context`.
    static func state(in context: Context, settings: BrowserSettings = BrowserSettings()) -> AppState {
        var state = Fixtures.congress(settings: settings)
        switch context {
        case .browser: break
        case .search: state.apply(.startSearch)
        case .picker: state.apply(.togglePicker)
        case .pickerTyping: state.apply(.togglePicker); state.apply(.pickerFind)
        case .help: state.apply(.toggleHelp)
        case .links:
            state = RecordingViewTests.state()   // a session with several links
            state.apply(.openLink)
        }
        #expect(KeyMap.context(of: state) == context)
        return state
    }

    @Test(arguments: Context.allCases)
    func everyBindingGivesItsAction(_ context: Context) {
        let state = Self.state(in: context)
        for (input, action) in Self.bindings(context) {
            #expect(KeyMap.action(for: input, in: state) == action, "\(context): \(input)")
        }
    }

    @Test(arguments: Context.allCases)
    func noKeyIsBoundTwice(_ context: Context) {
        var keys: [Key] = [], buttons: [MouseButton] = [], typing = 0
        for part in KeyMap.table(context).lines.flatMap(\.parts) {
            switch part {
            case .keys(let bound):
                for (key, _) in bound {
                    #expect(!keys.contains(key), "\(context): \(key) twice")
                    keys.append(key)
                }
            case .typing: typing += 1
            case .mouse(let bound):
                for button in bound.map(\.button) {
                    #expect(!buttons.contains(button), "\(context): \(button) twice")
                    buttons.append(button)
                }
            }
        }
        // Typing takes every character: one of them bound as well would never be reached.
        #expect(typing <= 1)
        if typing == 1 { #expect(!keys.contains { if case .char = $0 { true } else { false } }, "\(context)") }
    }

    /// The help screen names every key the browser binds, in both languages and in words for a
    /// screen reader, and names nothing else.
    @Test(arguments: [(Strings.Language.en, false), (.en, true), (.zh, false), (.zh, true)])
    func helpNamesExactlyTheBrowsersKeys(_ language: Strings.Language, spoken: Bool) {
        let strings = Strings.for(language)
        let shown = HelpView.lines(strings, spoken: spoken)
        let words = Set(shown.flatMap { $0.keys.split(separator: " ").map(String.init) })
        var bound: Set<String> = []
        for part in KeyMap.table(.browser).lines.flatMap(\.parts) {
            switch part {
            case .keys(let keys): bound.formUnion(keys.map { KeyMap.name($0.0, spoken: spoken) })
            case .typing: bound.insert(strings.typedKeys)
            case .mouse: bound.insert(strings.mouseKeys)
            }
        }
        #expect(words == bound)
        #expect(shown.allSatisfy { !$0.text.isEmpty })
        #expect(shown.count == KeyMap.table(.browser).lines.count)
    }

    @Test func everyLineSaysWhatItDoesInBothLanguages() {
        for context in Context.allCases {
            for line in KeyMap.table(context).lines {
                #expect(!line.parts.isEmpty && !line.en.isEmpty && !line.zh.isEmpty, "\(context): \(line.en)")
            }
        }
    }

    /// Every action a person can ask for, one of each case. `isUsers` sorts every case, so a
    /// new one has to be placed there; one a person asks for belongs here too.
    static let userActions: [Action] = [
        .move(1), .page(1), .first, .last, .sideways(1), .changeDay(1), .open, .back, .switchPane, .cycleView(1),
        .jumpToNow, .startSearch, .searchType("x"), .searchErase, .searchDone, .nextMatch(1), .toggleFavourite,
        .toggleMyAgenda, .toggleChanges, .exportFavourites, .togglePicker, .pickerToggle, .pickerAll, .pickerFind,
        .pickerType("x"), .pickerErase, .pickerDone, .clearFilter, .toggleLocalTime, .toggleHelp, .redraw, .quit,
        .click(x: 0, y: 0), .wheel(1, x: 0, y: 0), .openLink, .copyLink, .chooseLink(1),
        .toggleStarredChanges,
    ]

    static func isUsers(_ action: Action) -> Bool {
        switch action {
        case .move, .page, .first, .last, .sideways, .changeDay, .open, .back, .switchPane, .cycleView, .jumpToNow,
             .startSearch, .searchType, .searchErase, .searchDone, .nextMatch, .toggleFavourite, .toggleMyAgenda,
             .toggleChanges, .exportFavourites, .togglePicker, .pickerToggle, .pickerAll, .pickerFind, .pickerType,
             .pickerErase, .pickerDone, .clearFilter, .toggleLocalTime, .toggleHelp, .redraw, .quit, .click, .wheel,
             .openLink, .copyLink, .chooseLink, .toggleStarredChanges:
            true
        case .resize, .tick, .wholeFileRead, .refreshed, .sourceStale, .indexReady, .favouritesChanged,
             .filterRestored, .notice, .exportProposed, .friendList, .venueRooms, .glyphsLearnt:
            false
        }
    }

    static func caseName(_ action: Action) -> Substring {
        String(describing: action).prefix { $0 != "(" }
    }

    @Test func everyActionAPersonAsksForHasAKeyAndEveryKeyAsksForOne() {
        let reachable = Context.allCases.flatMap { Self.bindings($0).map(\.action) }
        #expect(reachable.allSatisfy(Self.isUsers))
        let names = Set(reachable.map(Self.caseName))
        for action in Self.userActions {
            #expect(Self.isUsers(action))
            #expect(names.contains(Self.caseName(action)), "no key for \(action)")
        }
    }

    @Test(arguments: Context.allCases)
    func ctrlLRedrawsAndChangesNothingElse(_ context: Context) {
        var state = Self.state(in: context, settings: BrowserSettings(screenReader: true))
        state.announcement = "said before"
        let action = KeyMap.action(for: .key(.control("l")), in: state)
        #expect(action == .redraw)
        let overlay = state.overlay, editing = state.search.editing, typing = state.picker.typing
        state.apply(.redraw)
        #expect(state.takeEffects() == [.redraw])
        #expect(state.overlay == overlay && state.search.editing == editing && state.picker.typing == typing)
        #expect(state.announcement == "said before")
    }

    @Test func thePickerHasItsOwnActions() {
        let picker = Self.state(in: .picker)
        #expect(KeyMap.action(for: .key(.char(" ")), in: picker) == .pickerToggle)
        #expect(KeyMap.action(for: .key(.enter), in: picker) == .pickerToggle)
        #expect(KeyMap.action(for: .key(.char("/")), in: picker) == .pickerFind)
        #expect(KeyMap.action(for: .key(.char("?")), in: picker) == .togglePicker)
        #expect(KeyMap.action(for: .key(.char("v")), in: picker) == nil)
        let typing = Self.state(in: .pickerTyping)
        #expect(KeyMap.action(for: .key(.char("q")), in: typing) == .pickerType("q"))
        #expect(KeyMap.action(for: .key(.enter), in: typing) == .pickerDone)
        // Not typing keys: as in the picker.
        #expect(KeyMap.action(for: .key(.escape), in: typing) == .back)
        #expect(KeyMap.action(for: .key(.down), in: typing) == .move(1))
    }

    /// The names of the keys `context` binds, its fallback's included.
    static func boundNames(_ context: Context) -> Set<String> {
        var names: Set<String> = []
        var next: Context? = context
        while let context = next {
            for case .keys(let keys) in KeyMap.table(context).lines.flatMap(\.parts) {
                names.formUnion(keys.map { KeyMap.name($0.0, spoken: false) })
            }
            next = KeyMap.table(context).fallback
        }
        return names
    }

    /// The status line's hints name only keys that do something where they are shown.
    @Test func statusHintsNameBoundKeys() {
        var states = Context.allCases.map { Self.state(in: $0) }
        var detail = Fixtures.congress()
        detail.apply(.open)
        var results = Fixtures.congress()
        for action in [Action.startSearch, .searchType("a"), .searchDone] { results.apply(action) }
        states += [detail, results]
        for state in states {
            let context = KeyMap.context(of: state)
            for (keys, what) in StatusBarView.hints(state) {
                for name in keys.replacingOccurrences(of: "↑↓", with: "↑ ↓").split(separator: " ") {
                    #expect(Self.boundNames(context).contains(String(name)), "\(context): \(name) \(what)")
                }
            }
        }
    }

    // MARK: - The manual and the guide

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// agenda(1)'s KEYS lists are the table's. When they differ, the text is printed, and
    /// `AGENDA_RECORD=1` writes it into the file (as it does for snapshots: then read the diff).
    @Test func theManualListsTheKeyTable() throws {
        let file = Self.root.appendingPathComponent("docs/man/agenda-sections.mdoc")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix(".\\\" AGENDA_RECORD=1") })
        let end = try #require(lines.firstIndex { $0.hasPrefix(".\\\" End of the key table") })
        let expected = KeyMap.manualKeys
        #expect(expected.unicodeScalars.allSatisfy { $0.isASCII })
        guard lines[(start + 1)..<end].joined(separator: "\n") != expected else { return }
        if ProcessInfo.processInfo.environment["AGENDA_RECORD"] == "1" {
            let text = (lines[...start] + [Substring(expected)] + lines[end...]).joined(separator: "\n")
            try text.write(to: file, atomically: true, encoding: .utf8)
            Issue.record("rewrote the key lists of docs/man/agenda-sections.mdoc; check the diff and run again")
        } else {
            Issue.record("docs/man/agenda-sections.mdoc: the key lists differ from the table (AGENDA_RECORD=1 rewrites them):\n\(expected)")
        }
    }

    /// The guide's key table names every key the browser binds, and only those.
    @Test func theGuideNamesTheBrowsersKeys() throws {
        let file = Self.root.appendingPathComponent("docs/browsing-and-keys.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        let section = try #require(text.components(separatedBy: "### Keys\n").dropFirst().first)
        let rows = section.split(separator: "\n").drop { !$0.hasPrefix("|") }.prefix { $0.hasPrefix("|") }.dropFirst(2)
        var named: Set<String> = []
        for row in rows {
            let column = row.split(separator: "|", omittingEmptySubsequences: false)[1]
            let spans = column.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 1 }.map { String($0.element) }
            named.formUnion(spans.isEmpty ? [column.trimmingCharacters(in: .whitespaces)] : spans)
        }
        var bound: Set<String> = []
        for part in KeyMap.table(.browser).lines.flatMap(\.parts) {
            switch part {
            case .keys(let keys): bound.formUnion(keys.map { KeyMap.name($0.0, spoken: false) })
            case .typing: bound.insert(Strings.for(.en).typedKeys)
            case .mouse: bound.insert(Strings.for(.en).mouseKeys)
            }
        }
        #expect(named == bound, "in the guide, not bound: \(named.subtracting(bound)); bound, not in the guide: \(bound.subtracting(named))")
    }
}

import Foundation
import Testing
@testable import AgendaUI
@testable import AgendaModel

/// Issue 17: the moves a newcomer makes in the first five minutes.
private extension AppState {
    var sessionTitles: [String] { rows.compactMap { $0.session.map { schedule.sessions[$0].title } } }
    mutating func press(_ key: Key) { if let action = KeyMap.action(for: .key(key), in: self) { apply(action) } }
    mutating func press(_ text: String) { for c in text { press(.char(c)) } }
    var pickerLabels: [String] { picker.items.map(\.label) }
}

@Suite struct HelpClosingTests {
    @Test(arguments: [Key.char("q"), .escape, .char("?")])
    func closesTheHelpWithoutQuitting(_ key: Key) {
        var state = Fixtures.congress()
        state.press("?")
        #expect(state.overlay == .help)
        state.press(key)
        #expect(state.overlay == .none && !state.shouldQuit)
        state.press("q")
        #expect(state.shouldQuit)
    }
}

@Suite struct PickerTests {
    @Test func slashThenTypingNarrowsToMatchingChoicesUnderTheirHeadings() {
        var state = Fixtures.congress()
        state.press("p")
        state.press("/saal g")
        #expect(state.picker.typing && state.pickerLabels == ["Rooms", "Saal G"])
        state.press(.enter)
        state.press(" ")
        #expect(state.filter.hidden[.room] == ["Saal G"])
        state.press(.escape)  // first Esc drops the query, the second closes
        #expect(state.overlay == .picker && state.picker.query.isEmpty && state.pickerLabels.count > 3)
        state.press(.escape)
        #expect(state.overlay == .none && !state.sessionTitles.contains("开源硬件与教育"))
    }

    @Test func aWhileNarrowedKeepsOnlyThoseShown() {
        var state = Fixtures.congress()
        state.press("p")
        state.press("/saal")
        state.press(.backspace)
        state.press(.backspace)
        state.press("al 2")
        state.press(.enter)
        state.press("a")
        #expect(state.filter.hidden[.room] == ["Saal 1", "Saal G"])
        state.press("a")
        #expect(!state.filter.isActive)
    }

    @Test func homeEndAndGMoveToTheFirstAndLastChoice() {
        var state = Fixtures.congress()
        state.press("p")
        state.press("G")
        #expect(state.picker.cursor == state.picker.items.count - 1)
        state.press("g")
        #expect(state.picker.cursor == 1)  // past the "Rooms" heading
        state.press(.end)
        #expect(state.picker.cursor == state.picker.items.count - 1)
        state.press(.home)
        state.press(.pageDown)
        #expect(state.picker.cursor > 1)
        state.press(.pageUp)
        #expect(state.picker.cursor == 1)
    }

    @Test func xClearsTheFilterAndEveryChangeAsksToBeKept() {
        var state = Fixtures.congress()
        state.press("p")
        state.press(" ")
        state.press(.escape)
        #expect(state.filter.isActive && state.takeEffects() == [.filterChanged])
        #expect(Screen.render(state).text().contains("x show all"))
        state.press("x")
        #expect(!state.filter.isActive && state.takeEffects() == [.filterChanged])
        #expect(state.sessionTitles.count == 6)
    }

    @Test func aKeptFilterIsRestored() {
        var state = Fixtures.congress()
        state.restoreFilter([.room: ["Saal 2"]])
        #expect(state.filter.isActive && !state.sessionTitles.contains("Rust in Space"))
        #expect(Screen.render(state).text().contains("filtered"))
    }

    @Test func snapshotNarrowedPicker() {
        var state = Fixtures.congress()
        state.press("p")
        state.press("/saal")
        expectSnapshot(Screen.render(state), "picker-narrowed-120x40")
    }
}

@Suite struct FilterStoreTests {
    @Test func keepsHiddenValuesPerConferenceAcrossInstances() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("filters-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let conference = Conference(title: "Test Congress", timeZone: TimeZone(identifier: "UTC")!)
        let environment = ["XDG_STATE_HOME": directory.path]
        try FilterStore(conference: conference, environment: environment).save(["room": ["Saal 1", "Saal G"], "track": []])
        let loaded = FilterStore(conference: conference, environment: environment).load()
        #expect(loaded == ["room": ["Saal 1", "Saal G"]])
        let other = Conference(title: "Another", timeZone: TimeZone(identifier: "UTC")!)
        #expect(FilterStore(conference: other, environment: environment).load().isEmpty)
        #expect(FilterStore(conference: conference, environment: environment).file.path.hasSuffix("agenda/filters/test-congress.json"))
    }
}

import Foundation
import Testing
import AgendaApp
import AgendaCanvas
import AgendaModel
import AgendaSources
import AgendaUI

/// A new version of the file moves, renames and cancels starred talks: the browser says so
/// when it opens, once, and `C` lists those changes alone.
@Suite struct StarredChangesLoopTests {
    static let rewritten = BrowserLoopTests.twoDays
        .replacingOccurrences(of: "<date>2030-01-01T10:00:00+00:00</date><start>10:00</start>",
                              with: "<date>2030-01-01T10:30:00+00:00</date><start>10:30</start>")
        .replacingOccurrences(of: "Secondday Talk", with: "Secondday Renamed")
        .replacingOccurrences(of: #"<event guid="d1b" id="2"><date>2030-01-01T11:00:00+00:00</date><start>11:00</start><duration>00:30</duration><title>Firstday Closing</title></event>"#,
                              with: #"<event guid="d1c" id="9"><date>2030-01-01T15:00:00+00:00</date><start>15:00</start><duration>00:30</duration><title>Brand New</title></event>"#)

    @Test func afterARewriteTheBrowserSaysWhichStarredTalksChanged() throws {
        let home = try TemporaryHome()
        let path = home.file("two-days.xml")
        try Data(BrowserLoopTests.twoDays.utf8).write(to: path)
        let settings = SourceSettings(cache: ScheduleCache(directory: home.file("cache")))
        let first = try LoadedSource.load(ScheduleSource(path.path, settings: settings))
        try FavouritesStore(conference: first.schedule.conference, environment: home.environment)
            .merge(adding: ["d1a", "d1b", "d2a"], removing: [])
        try Data(Self.rewritten.utf8).write(to: path)
        let second = try LoadedSource.load(ScheduleSource(path.path, settings: settings))
        #expect(second.schedule.changedIndices.count == 4)

        let terminal = FakeTerminal(width: 200, height: 30)
        terminal.inputs = [.key(.char("C"))]
        let loop = BrowserLoop(schedule: second.schedule, terminal: terminal, clock: FakeClock(date("2029-12-31T12:00:00Z")),
                               configuration: .init(environment: home.environment), stopSignal: { 0 })
        loop.start()
        loop.step()
        #expect(terminal.bells == 1)
        let said = "⚠ 3 of your talks changed (C shows them): Firstday Opening (time); Firstday Closing (cancelled); "
            + "Secondday Renamed (title)"
        #expect(terminal.frames.first?.text().contains(said) == true, "\(terminal.frames.first?.text() ?? "")")
        // C: the changes to starred talks only (not the new one nobody starred).
        #expect(terminal.screen.contains("Changes to your stars") && !terminal.screen.contains("Brand New"), "\(terminal.screen)")
        #expect(terminal.screen.contains("Secondday Renamed") && terminal.screen.contains("Firstday Closing"))
        while loop.step() {}

        // Opened again: the same changes are not said twice in one run, and a refresh with
        // nothing new to say says nothing.
        var state = loop.state
        state.apply(.refreshed(second.schedule))
        #expect(!state.takeEffects().contains(.bell))
    }
}

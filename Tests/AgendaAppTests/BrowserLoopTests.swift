import Foundation
import Synchronization
import Testing
import AgendaApp
import AgendaCanvas
import AgendaModel
import AgendaSources
import AgendaUI

/// The whole browser driven in-process: keys in, frames and files out, with a fake terminal
/// and clock, as a user would meet it.
@Suite struct BrowserLoopTests {
    static let twoDays = """
        <schedule><conference><title>Two Days</title><time_zone_name>UTC</time_zone_name></conference>
        <day index="1" date="2030-01-01"><room name="Hall">
        <event guid="d1a" id="1"><date>2030-01-01T10:00:00+00:00</date><start>10:00</start><duration>00:30</duration><title>Firstday Opening</title></event>
        <event guid="d1b" id="2"><date>2030-01-01T11:00:00+00:00</date><start>11:00</start><duration>00:30</duration><title>Firstday Closing</title></event>
        </room></day>
        <day index="2" date="2030-01-02"><room name="Hall">
        <event guid="d2a" id="3"><date>2030-01-02T10:00:00+00:00</date><start>10:00</start><duration>00:30</duration><title>Secondday Talk</title></event>
        </room></day></schedule>
        """

    func browser(_ schedule: Schedule = BundledSchedule.load(), rest: (whole: WholeFileRead, isToday: Bool)? = nil,
                 terminal: FakeTerminal, home: TemporaryHome, now: Date = date("2021-10-22T10:00:00+08:00"),
                 signal: @escaping () -> Int32 = { 0 }) -> BrowserLoop {
        BrowserLoop(schedule: schedule, rest: rest, terminal: terminal, clock: FakeClock(now),
                    configuration: .init(environment: home.environment), stopSignal: signal)
    }

    @Test func startsMovesShowsHelpResizesAndQuits() throws {
        let home = try TemporaryHome()
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.inputs = [.key(.char("?"))]
        let loop = browser(terminal: terminal, home: home)
        loop.start()
        #expect(terminal.screen.contains("Plenary Session") && terminal.screen.contains("? help"), "\(terminal.screen)")
        #expect(loop.step())
        #expect(terminal.screen.contains("Keys"), "\(terminal.screen)")
        terminal.inputs = [.key(.escape), .resize(Size(width: 70, height: 20))]
        loop.step()
        loop.step()
        // Narrow: the list alone, no divider; the frame is the new size.
        #expect(!terminal.screen.contains("│") && terminal.screen.contains("Plenary Session"), "\(terminal.screen)")
        #expect(terminal.frames.last?.size == Size(width: 70, height: 20))
        terminal.inputs = [.key(.char("q"))]
        loop.step()
        #expect(!loop.step())
        guard case .quit = loop.finish() else { Issue.record("not a quit"); return }
        #expect(terminal.stopped)
    }

    /// The width probe is not waited for: its answer arrives after the first frame, and a
    /// terminal that draws ▽ two cells wide gets the screen again in ASCII, once; an answer of
    /// one cell changes nothing and draws nothing.
    @Test func theWidthProbesAnswerRedrawsOnlyWhenTheGlyphsChange() throws {
        let home = try TemporaryHome()
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let loop = browser(terminal: terminal, home: home)
        loop.start()
        let first = terminal.screen
        #expect(first.contains("│"), "\(first)")
        terminal.inputs = [.ambiguousWidth(1)]
        #expect(loop.step())
        #expect(terminal.screen == first)
        terminal.inputs = [.ambiguousWidth(2)]
        #expect(loop.step())
        #expect(!terminal.screen.contains("│") && terminal.screen.contains("Plenary Session"), "\(terminal.screen)")
    }

    /// The answer is an action of its own, not the user's: it changes only the glyphs.
    @Test func theWidthAnswerTurnsToASCIIOnlyWhenTwoCellsWide() {
        let state = AppState(schedule: BundledSchedule.load(), size: Size(width: 100, height: 30), now: date("2021-10-22T10:00:00+08:00"))
        #expect(KeyMap.action(for: .ambiguousWidth(2), in: state) == .glyphsLearnt(.ascii))
        #expect(KeyMap.action(for: .ambiguousWidth(1), in: state) == nil)
        var learnt = state
        learnt.apply(.glyphsLearnt(.ascii))
        #expect(learnt.glyphs == .ascii && learnt.cursor == state.cursor)
    }

    /// Ctrl-L is in the key table: its action asks the loop to draw the whole screen again.
    @Test func ctrlLDrawsTheWholeScreenAgain() throws {
        let home = try TemporaryHome()
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let loop = browser(terminal: terminal, home: home)
        loop.start()
        let frames = terminal.frames.count, invalidations = terminal.invalidations
        terminal.inputs = [.key(.control("l"))]
        #expect(loop.step())
        #expect(terminal.invalidations == invalidations + 1 && terminal.frames.count > frames)
        #expect(terminal.screen == terminal.frames[frames - 1].text())
    }

    @Test func aStarIsSavedToTheFavouritesFileAndExportedWithE() throws {
        let home = try TemporaryHome()
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.inputs = [.key(.char("f")), .key(.char("e")), .key(.char("e")), .key(.char("q"))]
        let loop = browser(terminal: terminal, home: home)
        guard case .quit = loop.run() else { Issue.record("not a quit"); return }
        #expect(loop.state.favourites.count == 1)
        let state = home.url.appendingPathComponent("state/agenda")
        let files = try FileManager.default.contentsOfDirectory(atPath: state.path + "/favourites")
        let text = try String(contentsOf: state.appendingPathComponent("favourites/" + files[0]), encoding: .utf8)
        #expect(text.contains(loop.state.favourites.first!), "\(text)")
        let exported = try FileManager.default.contentsOfDirectory(atPath: home.url.path + "/data/agenda")
        #expect(exported.contains { $0.hasSuffix(".ics") })
        #expect(loop.warnings.isEmpty)
    }

    /// The first `e` says where the file will go and writes nothing; the second writes it.
    @Test func eSaysWhereItWillWriteBeforeWriting() throws {
        let home = try TemporaryHome()
        let terminal = FakeTerminal(width: 120, height: 30)
        terminal.endWhenEmpty = false
        let loop = browser(terminal: terminal, home: home)
        loop.start()
        let folder = home.url.appendingPathComponent("data/agenda")
        terminal.inputs = [.key(.char("f")), .key(.char("e"))]
        while !terminal.inputs.isEmpty { #expect(loop.step()) }
        #expect(!FileManager.default.fileExists(atPath: folder.path))
        let asked = try #require(loop.state.exportPending)
        #expect(asked.hasPrefix(folder.path) && asked.hasSuffix(".ics"))
        #expect(terminal.screen.contains("Write 1 favourite to \(folder.path)"), "\(terminal.screen)")
        terminal.inputs = [.key(.char("e"))]
        #expect(loop.step())
        #expect(FileManager.default.fileExists(atPath: asked))
        #expect(terminal.screen.contains("1 favourite written to"))
    }

    @Test func aSignalEndsTheBrowserWithItsNumber() throws {
        let home = try TemporaryHome()
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let caught = Atomic<Int32>(0)
        let loop = browser(terminal: terminal, home: home, signal: { caught.load(ordering: .relaxed) })
        loop.start()
        #expect(loop.step())
        caught.store(15, ordering: .relaxed)
        #expect(!loop.step())
        guard case .signal(15) = loop.finish() else { Issue.record("not signal 15"); return }
    }

    /// The day read ahead on screen, then the whole file swapped in between frames.
    @Test func theWholeFileReplacesTheDayReadAheadAndKeepsTheDay() throws {
        let home = try TemporaryHome()
        let path = home.file("two-days.xml")
        try Data(Self.twoDays.utf8).write(to: path)
        let whole = try ScheduleLoader.load(path: path.path)
        let firstDay = Schedule(conference: whole.conference, sessions: Array(whole.sessions.prefix(2)))
            .withEmptyDays(whole.days.map(\.date))
        let release = DispatchSemaphore(value: 0)
        let source = ScheduleSource(path.path, settings: SourceSettings(cache: nil))
        let read = WholeFileRead(source) {
            release.wait()
            return .success(LoadedSource(source: source, schedule: whole, stale: nil))
        }
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let loop = browser(firstDay, rest: (read, false), terminal: terminal, home: home, now: date("2030-01-01T09:00:00Z"))
        loop.start()
        #expect(terminal.screen.contains("Firstday Opening"), "\(terminal.screen)")
        terminal.inputs = [.key(.right)]
        loop.step()
        #expect(terminal.screen.contains("Still reading"), "\(terminal.screen)")
        release.signal()
        #expect(keepStepping(loop.step) { terminal.screen.contains("Secondday Talk") }, "\(terminal.screen)")
        #expect(!terminal.screen.contains("Still reading"))
        #expect(loop.state.schedule.sessions.count == 3 && loop.state.day == 1)
    }

    /// `--refresh`: a new version of the file replaces the one on screen, the day kept.
    @Test func aRefreshedFileReplacesTheScheduleOnScreen() throws {
        let home = try TemporaryHome()
        let path = home.file("two-days.xml")
        try Data(Self.twoDays.utf8).write(to: path)
        let source = ScheduleSource(path.path, settings: SourceSettings(cache: nil))
        let loaded = try LoadedSource.load(source)
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let loop = BrowserLoop(schedule: loaded.schedule, terminal: terminal, clock: FakeClock(date("2030-01-02T09:00:00Z")),
                               configuration: .init(environment: home.environment, source: source, refreshEvery: 0.05),
                               stopSignal: { 0 })
        loop.start()
        #expect(terminal.screen.contains("Secondday Talk"), "\(terminal.screen)")
        try Data(Self.twoDays.replacingOccurrences(of: "Secondday Talk", with: "Renamed Talk").utf8).write(to: path)
        #expect(keepStepping(loop.step) { terminal.screen.contains("Renamed Talk") }, "\(terminal.screen)")
        #expect(loop.state.day == 1 && loop.state.staleNote == nil)
    }

    @Test func aWholeFileThatDoesNotReadEndsTheBrowserWithItsError() throws {
        let home = try TemporaryHome()
        let schedule = BundledSchedule.load()
        let source = try Self.brokenSource(in: home)
        let read = WholeFileRead(source)
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.endWhenEmpty = false
        let loop = browser(schedule, rest: (read, false), terminal: terminal, home: home)
        loop.start()
        #expect(keepStepping(loop.step) { false } == false)
        guard case .wholeReadFailed(let failed, _) = loop.finish() else { Issue.record("not a failed read"); return }
        #expect(failed.kind == .malformed && failed.description.contains("broken.xml:4:"), "\(failed)")
        #expect(terminal.stopped)
    }

    @Test func quittingBeforeTheWholeFileIsReadStillReportsItsError() throws {
        let home = try TemporaryHome()
        let source = try Self.brokenSource(in: home)
        let release = DispatchSemaphore(value: 0)
        let read = WholeFileRead(source) {
            release.wait()
            return Result { () throws(SourceError) in try LoadedSource.load(source) }
        }
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.inputs = [.key(.char("q"))]
        let loop = browser(BundledSchedule.load(), rest: (read, false), terminal: terminal, home: home)
        loop.start()
        loop.step()
        #expect(!loop.step())
        release.signal()
        guard case .wholeReadFailed = loop.finish() else { Issue.record("the error was not reported"); return }
    }

    /// A file whose fourth line holds a time that does not read.
    static func brokenSource(in home: TemporaryHome) throws -> ScheduleSource {
        let path = home.file("broken.xml")
        let text = twoDays.replacingOccurrences(of: "2030-01-01T11:00:00", with: "2030-01-01T25:99:00")
            .replacingOccurrences(of: "<start>11:00</start>", with: "<start>25:99</start>")
        try Data(text.utf8).write(to: path)
        return ScheduleSource(path.path, settings: SourceSettings(cache: nil))
    }
}

/// A star made while a large file's first day is on screen names the session the whole file
/// has, even when another day repeats its guid (merged files do): it is still starred when the
/// whole arrives, and the favourites file holds a key that matches it.
@Suite struct StarOnTheDayReadAheadTests {
    /// Four days of two rooms, ten events a room; day 3's first event repeats the guid of day 2's.
    static func programme() -> String {
        var xml = "<schedule><conference><title>Merged</title><start>2026-12-01</start><end>2026-12-04</end>"
            + "<time_zone_name>Europe/Berlin</time_zone_name></conference>\n"
        var id = 0
        for day in 1...4 {
            xml += "<day index=\"\(day)\" date=\"2026-12-0\(day)\">\n"
            for room in 0..<2 {
                xml += "<room name=\"Hall \(room)\">\n"
                for slot in 0..<10 {
                    id += 1
                    let time = String(format: "%02d:%02d", 9 + slot / 2, slot % 2 * 30)
                    let guid = day == 3 && room == 0 && slot == 0 ? "e-21" : "e-\(id)"
                    xml += "<event guid=\"\(guid)\" id=\"\(id)\"><date>2026-12-0\(day)T\(time):00+01:00</date>"
                        + "<start>\(time)</start><duration>00:30</duration><room>Hall \(room)</room>"
                        + "<title>Talk \(id) on day \(day)</title></event>\n"
                }
                xml += "</room>\n"
            }
            xml += "</day>\n"
        }
        return xml + "</schedule>\n"
    }

    @Test func theStarSurvivesTheWholeFile() throws {
        let home = try TemporaryHome()
        let path = home.file("merged.xml")
        try Data(Self.programme().utf8).write(to: path)
        let now = date("2026-12-02T08:00:00+01:00")
        let day = try #require(FrabXMLReadAhead.read(path: path.path, now: now, minimumBytes: 0))
        let source = ScheduleSource(path.path, settings: SourceSettings(cache: nil))
        let release = DispatchSemaphore(value: 0)
        let read = WholeFileRead(source) {
            release.wait()
            return Result { () throws(SourceError) in try LoadedSource.load(source) }
        }
        let terminal = FakeTerminal(width: 120, height: 40)
        terminal.endWhenEmpty = false
        let loop = BrowserLoop(schedule: day.schedule, rest: (read, day.isToday), terminal: terminal, clock: FakeClock(now),
                               configuration: .init(environment: home.environment), stopSignal: { 0 })
        loop.start()
        terminal.inputs = [.key(.char("g")), .key(.char("f"))]
        loop.step()
        loop.step()
        #expect(loop.state.selectedSession?.title == "Talk 21 on day 2", "\(terminal.screen)")
        let starred = try #require(loop.state.favourites.first)
        release.signal()
        #expect(keepStepping(loop.step) { !loop.state.readingRest })
        let whole = loop.state.schedule
        #expect(whole.sessions.count == 80)
        // The key names the same session in the whole file, and it is still starred.
        #expect(whole.sessions.filter { $0.key == starred }.map(\.title) == ["Talk 21 on day 2"])
        #expect(loop.state.favouriteIndices.map { whole.sessions[$0].title } == ["Talk 21 on day 2"])
        let stars = home.url.appendingPathComponent("state/agenda/favourites")
        let files = try FileManager.default.contentsOfDirectory(atPath: stars.path)
        let text = try String(contentsOf: stars.appendingPathComponent(files[0]), encoding: .utf8)
        #expect(text.contains("\"\(starred)\""), "\(text)")
    }
}

import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// A friend's list beside yours: their stars ☆, shared ones ✦, and where you part (!).
@Suite struct FriendListTests {
    /// You starred Opening (10:00), Café Ünïcode (10:30) and Kernel Debugging; Sam starred
    /// Opening and Rust in Space (10:30, beside your Café talk) and Closing.
    static func state(language: Strings.Language = .en) -> AppState {
        var state = Fixtures.congress(now: "2024-12-27T09:00:00+01:00", favourites: ["guid-1", "guid-2", "guid-8"],
                                      settings: BrowserSettings())
        if language == .zh {
            state = AppState(schedule: state.schedule, size: state.size, now: state.now, strings: .for(.zh),
                             favourites: ["guid-1", "guid-2", "guid-8"])
            state.apply(.resize(state.size))
        }
        state.apply(.friendList(name: "sam", keys: ["guid-1", "guid-3", "guid-9"]))
        return state
    }

    func row(_ screen: String, _ title: String) -> String {
        screen.split(separator: "\n").map(String.init).first { $0.contains(title) } ?? ""
    }

    @Test func theirStarsOursAndWhereWePartAreMarked() {
        let state = Self.state()
        let screen = Screen.render(state).text()
        #expect(row(screen, "Opening").hasPrefix(" ✦"))           // both of you
        #expect(row(screen, "Café Ünïcode").hasPrefix(" ★!"))     // yours, while Sam is elsewhere
        #expect(row(screen, "Rust in Space").hasPrefix(" ☆!"))    // theirs, while you are elsewhere
        #expect(!row(screen, "Lightning Talks").contains("☆"))
        #expect(state.friend?.apart == [1, 2])
    }

    @Test func theDetailSaysWhoseAndWhereTheOtherIs() throws {
        var state = Self.state()
        let rust = try #require(state.schedule.sessions.firstIndex { $0.title == "Rust in Space" })
        while state.selected != rust { state.apply(.move(1)) }
        state.apply(.open)
        let screen = Screen.render(state).text()
        #expect(screen.contains("☆ in sam's list"))
        #expect(screen.contains("Apart     you: Café Ünïcode, 10:30–11:30"))
        state.apply(.back)
        state.apply(.first)
        #expect(state.selectedSession?.title == "Opening")
        #expect(Screen.render(state).text().contains("✦ both of you (you and sam)"))
    }

    @Test func starringTheirTalkEndsTheParting() throws {
        var state = Self.state()
        let rust = try #require(state.schedule.sessions.firstIndex { $0.title == "Rust in Space" })
        while state.selected != rust { state.apply(.move(1)) }
        state.apply(.toggleFavourite)
        #expect(state.starred(rust) == .both)
        // You now clash with yourself (Café and Rust), not with Sam.
        #expect(state.friend?.apart.isEmpty == true && state.clashes.contains(rust))
    }

    /// With ASCII marks, no mark of these is drawn in anything else (☆ would fold to *).
    @Test func asciiMarks() throws {
        var state = Fixtures.congress(now: "2024-12-27T09:00:00+01:00", favourites: ["guid-1", "guid-2"],
                                      settings: BrowserSettings(glyphs: .ascii))
        state.apply(.friendList(name: "sam", keys: ["guid-1", "guid-3"]))
        var recorded = RecordingViewTests.state(settings: BrowserSettings(glyphs: .ascii))
        recorded.apply(.open)
        var screens = [Screen.render(state), Screen.render(recorded)]
        let rust = try #require(state.schedule.sessions.firstIndex { $0.title == "Rust in Space" })
        while state.selected != rust { state.apply(.move(1)) }
        state.apply(.open)
        screens.append(Screen.render(state))
        let list = screens[0].text()
        #expect(row(list, "Opening").hasPrefix(" #") && row(list, "Rust in Space").hasPrefix(" +!"), "\(list)")
        #expect(screens[1].text().contains("o Off the record"))
        for canvas in screens {
            let symbols = canvas.cells.filter { !$0.isContinuation && !$0.scalar.isASCII && !$0.scalar.properties.isAlphabetic }
            #expect(symbols.isEmpty, "\(symbols.map { String($0.scalar) })\n\(canvas.text())")
        }
    }

    @Test func inChinese() throws {
        var state = Self.state(language: .zh)
        let rust = try #require(state.schedule.sessions.firstIndex { $0.title == "Rust in Space" })
        while state.selected != rust { state.apply(.move(1)) }
        state.apply(.open)
        let screen = Screen.render(state).text()
        #expect(screen.contains("☆ 在 sam 的列表中") && screen.contains("你: Café Ünïcode"))
    }
}

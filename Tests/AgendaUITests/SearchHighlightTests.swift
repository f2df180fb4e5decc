import Foundation
import Testing
import AgendaCanvas
@testable import AgendaUI
@testable import AgendaModel

/// What a result row shows of a search: the query's places in the title, and the word that
/// says why a result whose title does not hold it is listed (more in `ResultCueTests`).
@Suite struct SearchHighlightTests {
    private func searching(_ text: String, sessions: [Session]? = nil) -> AppState {
        var state = Fixtures.congress()
        if let sessions {
            state = AppState(schedule: Schedule(conference: state.schedule.conference, sessions: sessions),
                             size: state.size, now: state.now)
        }
        state.apply(.startSearch)
        for character in text { state.apply(.searchType(character)) }
        return state
    }

    @Test func asciiAndAccentedTextsHighlightAlike() {
        var folding = SearchFolding()
        let words = WordStart.words(of: folding.fold("ker"))
        #expect(folding.matches(ofWords: words, in: "Kernel, KERNELS and bunker") == [0..<3, 8..<11])
        // Scalar offsets past an accented letter, not byte offsets.
        #expect(folding.matches(ofWords: words, in: "Über Kernel kérnel") == [5..<8, 12..<15])
        #expect(folding.matches(ofWords: words, in: "") == [])
        #expect(folding.matches(ofWords: [], in: "Kernel") == [])
    }

    @Test func wordsSplitOnceFindWhatTheQueryFinds() {
        var folding = SearchFolding()
        for (query, text) in [("space rust", "Rust in Space, rusty"), ("café ü", "Le Café Ünïcode"),
                              ("硬件 open", "Open 开源硬件"), ("a a", "a b a")] {
            let folded = folding.fold(query)
            #expect(folding.matches(ofWords: WordStart.words(of: folded), in: text) == folding.matches(of: folded, in: text))
        }
        #expect(folding.matches(of: folding.fold("space rust"), in: "Rust in Space") == [0..<4, 8..<13])
    }

    @Test func aMatchAfterAnAccentedLetterIsDrawnInTheMatchRole() {
        var canvas = Canvas(size: Size(width: 30, height: 1))
        let used = SessionListView.drawHighlighted("Über Kernel", ranges: [5..<8], x: 2, y: 0, role: .normal,
                                                   measure: .standard, into: &canvas)
        #expect(used == 11)
        #expect((2..<13).map { canvas[$0, 0].role } == Array(repeating: .normal, count: 5)
            + Array(repeating: .match, count: 3) + Array(repeating: .normal, count: 3))
        #expect(canvas.text().hasPrefix("  Über Kernel"))
    }

    @Test func rangesPastTheTextDrawItWhole() {
        var canvas = Canvas(size: Size(width: 30, height: 1))
        let used = SessionListView.drawHighlighted("Kernel", ranges: [0..<2, 4..<9], x: 0, y: 0, role: .normal,
                                                   measure: .standard, into: &canvas)
        #expect(used == 6)
        #expect(canvas.text() == "Kernel")
        #expect((0..<6).map { canvas[$0, 0].role } == [.match, .match, .normal, .normal, .normal, .normal])
    }

    @Test func aTitleOrSubtitleMatchNeedsNoCue() {
        let start = Fixtures.date("2024-12-27T10:00:00+01:00")
        let sessions = [
            Session(id: "1", title: "Kernel Debugging", start: start, end: start.addingTimeInterval(3600), persons: ["Kerstin"]),
            Session(id: "2", title: "Debugging", subtitle: "Inside the kernel", start: start, end: start.addingTimeInterval(3600)),
            Session(id: "3", title: "Debugging", start: start, end: start.addingTimeInterval(3600), room: "Kernel Hall"),
        ]
        let state = searching("ker", sessions: sessions)
        func index(_ id: String) -> Int { state.schedule.sessions.firstIndex { $0.id == id }! }
        #expect(state.search.matches.count == 3)
        #expect(state.matchCue(index("1")) == nil)
        #expect(state.matchCue(untitled: index("2")) == nil)
        #expect(state.matchCue(untitled: index("3")) == state.strings.cueRoom)
    }
}

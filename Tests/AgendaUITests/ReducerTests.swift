import Testing
import AgendaCanvas
@testable import AgendaUI

/// Moving, paging, opening and closing: the browser's basic navigation.
@Suite struct NavigationTests {
    @Test func moveClampsAtBothEnds() {
        var state = Fixtures.manySessions(10)
        state.apply(.move(-1))
        #expect(state.selected == 0)
        state.apply(.move(25))
        #expect(state.selected == 9)
    }

    @Test func listScrollsToKeepSelectionVisible() {
        var state = Fixtures.manySessions(50)  // 80×24: 21 list rows
        #expect(state.layout.list.height == 21)
        state.apply(.move(30))
        // Three rows stay visible below the selection, and three above it on the way back.
        #expect(state.listTop == 13)
        state.apply(.move(-25))
        #expect(state.listTop == 2 && state.selected == 5)
    }

    @Test func pageMovesByAScreenLessOneRow() {
        var state = Fixtures.manySessions(50)
        state.apply(.page(1))
        #expect(state.selected == 20)
        state.apply(.page(-1))
        #expect(state.selected == 0)
        state.apply(.last)
        #expect(state.selected == 49 && state.listTop == 29)
        state.apply(.first)
        #expect(state.selected == 0 && state.listTop == 0)
    }

    @Test func narrowOpenAndBack() {
        var state = Fixtures.manySessions(5)
        state.apply(.open)
        #expect(state.detailOpen && state.focus == .detail)
        state.apply(.move(3))
        #expect(state.detailTop == 3 && state.selected == 0)
        state.apply(.back)
        #expect(!state.detailOpen && state.focus == .list)
    }

    @Test func wideOpenFocusesTheDetailPane() {
        var state = Fixtures.manySessions(5, size: Size(width: 120, height: 40))
        state.apply(.open)
        #expect(!state.detailOpen && state.focus == .detail)
        state.apply(.switchPane)
        #expect(state.focus == .list)
        state.apply(.switchPane)
        #expect(state.focus == .detail)
    }

    @Test func tabTogglesDetailWhenNarrow() {
        var state = Fixtures.manySessions(5)
        state.apply(.switchPane)
        #expect(state.detailOpen)
        state.apply(.switchPane)
        #expect(!state.detailOpen && state.focus == .list)
    }

    @Test func detailScrollStopsAtTheEnd() {
        var state = Fixtures.manySessions(3)
        state.apply(.open)
        state.apply(.last)
        let end = state.detailTop
        #expect(end > 0)
        state.apply(.move(10))
        #expect(state.detailTop == end)
        state.apply(.first)
        #expect(state.detailTop == 0)
    }

    @Test func selectingAnotherSessionResetsDetailScroll() {
        var state = Fixtures.manySessions(3, size: Size(width: 120, height: 40))
        state.apply(.switchPane)
        state.apply(.move(5))
        #expect(state.detailTop == 5)
        state.apply(.switchPane)
        state.apply(.move(1))
        #expect(state.detailTop == 0 && state.selected == 1)
    }

    @Test func helpCapturesKeysUntilClosed() {
        var state = Fixtures.manySessions(5)
        state.apply(.toggleHelp)
        #expect(state.overlay == .help)
        state.apply(.move(1))
        #expect(state.selected == 0)
        state.apply(.back)
        #expect(state.overlay == .none)
        state.apply(.toggleHelp)
        state.apply(.quit)
        #expect(state.shouldQuit)
    }

    @Test func helpFitsEightyByTwentyFourAndScrollsWhenSmaller() {
        var state = Fixtures.manySessions(5, size: Size(width: 80, height: 24))
        state.apply(.toggleHelp)
        #expect(HelpView.maxTop(state) == 0)
        state.apply(.resize(Size(width: 60, height: 14)))
        state.apply(.last)
        #expect(state.helpTop == HelpView.maxTop(state) && state.helpTop > 0)
    }

    @Test func clickSelectsTheRowUnderThePointer() {
        var state = Fixtures.manySessions(50)
        state.apply(.move(30))  // listTop 13
        state.apply(.click(x: 5, y: state.layout.list.y + 3))
        #expect(state.selected == 16)
        state.apply(.click(x: 5, y: 0))  // header: nothing
        #expect(state.selected == 16)
    }

    @Test func clickInDetailFocusesIt() {
        var state = Fixtures.manySessions(5, size: Size(width: 120, height: 40))
        state.apply(.click(x: 100, y: 10))
        #expect(state.focus == .detail)
        state.apply(.click(x: 10, y: 3))
        #expect(state.focus == .list && state.selected == 1)
    }

    @Test func wheelScrollsWhatIsUnderThePointer() {
        var state = Fixtures.manySessions(50, size: Size(width: 120, height: 40))
        state.apply(.wheel(3, x: 10, y: 10))
        #expect(state.selected == 3 && state.detailTop == 0)
        state.apply(.wheel(3, x: 100, y: 10))
        #expect(state.selected == 3 && state.detailTop == 3)
    }

    @Test func resizeKeepsSelectionVisibleAndClampsScroll() {
        var state = Fixtures.manySessions(50, size: Size(width: 120, height: 40))
        state.apply(.move(30))
        state.apply(.resize(Size(width: 80, height: 12)))
        #expect(state.selected == 30)
        #expect(state.listTop <= 30 && 30 < state.listTop + state.layout.list.height)
        state.apply(.resize(Size(width: 5, height: 2)))
        #expect(state.layout.isTooSmall)
        state.apply(.resize(Size(width: 80, height: 24)))
        #expect(!state.layout.isTooSmall && state.selected == 30)
    }

    @Test func emptyScheduleDoesNotTrap() {
        var state = Fixtures.manySessions(0)
        for action in [Action.move(1), .page(1), .last, .first, .open, .click(x: 3, y: 3), .wheel(3, x: 3, y: 3),
                       .toggleFavourite, .toggleMyAgenda, .cycleView(1), .cycleView(1), .cycleView(1), .jumpToNow,
                       .sideways(1), .changeDay(1), .startSearch, .searchType("x"), .togglePicker] {
            state.apply(action)
        }
        #expect(state.selected == nil)
        _ = Screen.render(state)
    }
}

@Suite struct KeyMapTests {
    @Test(arguments: [
        (Input.key(.down), Action.move(1)), (.key(.char("j")), .move(1)),
        (.key(.up), .move(-1)), (.key(.char("k")), .move(-1)),
        (.key(.pageDown), .page(1)), (.key(.pageUp), .page(-1)),
        (.key(.home), .first), (.key(.char("g")), .first),
        (.key(.end), .last), (.key(.char("G")), .last),
        (.key(.left), .sideways(-1)), (.key(.right), .sideways(1)),
        (.key(.char("[")), .changeDay(-1)), (.key(.char("]")), .changeDay(1)),
        (.key(.enter), .open), (.key(.escape), .back), (.key(.tab), .switchPane),
        (.key(.char("v")), .cycleView(1)), (.key(.char("t")), .jumpToNow),
        (.key(.char("/")), .startSearch), (.key(.char("n")), .nextMatch(1)), (.key(.char("N")), .nextMatch(-1)),
        (.key(.char("f")), .toggleFavourite), (.key(.char(" ")), .toggleFavourite), (.key(.char("F")), .toggleMyAgenda),
        (.key(.char("p")), .togglePicker), (.key(.char("z")), .toggleLocalTime),
        (.key(.char("?")), .toggleHelp), (.key(.char("q")), .quit),
        (.mouse(.left, x: 2, y: 3), .click(x: 2, y: 3)),
        (.mouse(.wheelDown, x: 2, y: 3), .wheel(3, x: 2, y: 3)),
        (.resize(Size(width: 9, height: 9)), .resize(Size(width: 9, height: 9))),
    ])
    func mapping(input: Input, action: Action) {
        #expect(KeyMap.action(for: input, in: Fixtures.manySessions(3)) == action)
    }

    @Test func whileSearchingLettersType() {
        var state = Fixtures.manySessions(3)
        state.apply(.startSearch)
        #expect(KeyMap.action(for: .key(.char("q")), in: state) == .searchType("q"))
        #expect(KeyMap.action(for: .key(.backspace), in: state) == .searchErase)
        #expect(KeyMap.action(for: .key(.enter), in: state) == .searchDone)
        #expect(KeyMap.action(for: .key(.down), in: state) == .move(1))
    }

    @Test func unknownKeysDoNothing() {
        #expect(KeyMap.action(for: .key(.char("w")), in: Fixtures.manySessions(3)) == nil)
    }

    @Test func everyHelpLineHasBothLanguages() {
        for binding in KeyMap.Context.allCases.flatMap({ KeyMap.table($0).lines }) {
            #expect(!binding.en.isEmpty && !binding.zh.isEmpty)
        }
    }
}

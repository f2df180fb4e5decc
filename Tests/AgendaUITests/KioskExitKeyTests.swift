import Testing
@testable import AgendaUI

@Suite struct KioskExitKeyTests {
    @Test func namesAndCharactersAndControlKeys() {
        #expect(ExitKey.parse("q") == .char("q"))
        #expect(ExitKey.parse("Q") == .char("Q"))
        #expect(ExitKey.parse("esc") == .escape && ExitKey.parse("Escape") == .escape)
        #expect(ExitKey.parse("enter") == .enter && ExitKey.parse("tab") == .tab)
        #expect(ExitKey.parse("ctrl-x") == .control("x"))
        #expect(ExitKey.parse("C-X") == .control("x"))
        #expect(ExitKey.parse("^c") == .control("c"))
        #expect(ExitKey.parse("ctrl-\\") == .control("\\"))
    }

    @Test func rejectsWhatNoKeyCanSend() {
        for text in ["", "qq", "ctrl-", "ctrl-é", "ctrl-xy", " ", "f13"] {
            #expect(ExitKey.parse(text) == nil, "\(text)")
        }
    }
}

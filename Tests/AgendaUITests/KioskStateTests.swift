import Foundation
import Testing
import AgendaCanvas
@testable import AgendaModel
@testable import AgendaUI

/// The board's content at the times that matter, for a door screen (Room 201) and the venue.
@Suite struct KioskStateTests {
    func room(_ time: String) -> (KioskState, KioskContent) {
        let state = KioskFixtures.state(at: time, room: "Room 201")
        return (state, state.content)
    }

    func text(_ state: KioskState) -> String { KioskBoard.render(state).text() }

    @Test func longBeforeSaysWhenTheProgrammeStartsAndWithWhat() {
        let (state, content) = room("10-01 10:00")
        guard case .startsLater(let first, let continues) = content else { Issue.record("\(content)"); return }
        #expect(first.title == "Higher Education Partnerships" && !continues)
        let screen = text(state)
        #expect(screen.contains("The programme starts on Friday 22 October 2021 at 13:30"))
        #expect(screen.contains("Higher Education Partnerships") && screen.contains("starts in 21 d 3 h"))
    }

    @Test func minutesBeforeShowsNextWithCountdown() {
        let (state, content) = room("10-22 13:20")
        guard case .room(let outlook) = content else { Issue.record("\(content)"); return }
        #expect(outlook.current == nil)
        #expect(outlook.next?.title == "Higher Education Partnerships")
        #expect(outlook.later.map(\.id) == ["b0", "late"])
        let screen = text(state)
        #expect(screen.contains("Nothing on right now"))
        #expect(screen.contains("13:30–15:00  starts in 10 min"))
        #expect(screen.contains("15:30–17:00  Workshop 1") && screen.contains("17:15–18:00  Closing Remarks"))
    }

    @Test func atTheStartItIsNowAndJustStarted() {
        let (state, content) = room("10-22 13:30")
        guard case .room(let outlook) = content else { Issue.record("\(content)"); return }
        #expect(outlook.current?.id == "a0" && outlook.next?.id == "b0")
        let screen = text(state)
        #expect(screen.contains("just started"))
        #expect(screen.contains("Li Wei, Anna Schmidt"))
        #expect(screen.contains("1 h 30 min left"))
        #expect(screen.contains("starts in 2 h"))
    }

    @Test func inTheMiddleShowsProgressWithoutTheMark() {
        let (state, content) = room("10-22 14:15")
        guard case .room(let outlook) = content else { Issue.record("\(content)"); return }
        #expect(outlook.current?.id == "a0")
        let screen = text(state)
        #expect(!screen.contains("just started"))
        // The done part of the bar is solid: spaces on ink.
        #expect(screen.contains("45 min left") && KioskBoard.render(state).cells.filter { $0.role == .clockInk }.count >= 10)
        #expect(screen.contains("starts in 1 h 15 min"))
    }

    @Test func justStartedLastsFiveMinutes() {
        #expect(text(room("10-22 13:34").0).contains("just started"))
        #expect(!text(room("10-22 13:35").0).contains("just started"))
    }

    @Test func inAGapNothingIsOnAndNextIsCountedDown() {
        let (state, content) = room("10-22 15:10")
        guard case .room(let outlook) = content else { Issue.record("\(content)"); return }
        #expect(outlook.current == nil && outlook.next?.id == "b0")
        #expect(text(state).contains("starts in 20 min"))
    }

    @Test func atTheEndOfTheDayNothingMoreHereThenTomorrowMorning() {
        let (state, content) = room("10-22 18:30")
        guard case .nothingMoreHere(let next) = content else { Issue.record("\(content)"); return }
        #expect(next?.id == "d2-201")
        let screen = text(state)
        #expect(screen.contains("Nothing more here today") && screen.contains("Next here"))
        #expect(screen.contains("Sat 23 Oct 2021  09:00–10:30"))
        #expect(screen.contains("Student Mobility after the Pandemic"))
        #expect(screen.contains("starts in 14 h 30 min"))
        #expect(screen.contains("Day 1 · Friday 22 October 2021"))
    }

    @Test func afterTheLastSessionOfTheRoomNothingMoreInThisRoom() {
        // The conference goes on (the closing plenary on the 26th), but not in Room 201.
        let (state, content) = room("10-23 11:00")
        #expect(content == .nothingMoreHere(next: nil))
        #expect(text(state).contains("Nothing more in this room"))
        // Once the last session anywhere is over, the programme has ended.
        let (after, ended) = room("10-26 11:00")
        #expect(ended == .ended)
        #expect(text(after).contains("The programme has ended"))
    }

    @Test func afterTheConferenceTheVenueHasEnded() {
        let state = KioskFixtures.state(at: "10-27 09:00")
        #expect(state.content == .ended)
        let screen = text(state)
        #expect(screen.contains("The programme has ended") && screen.contains("Thank you for coming"))
        var options = state.options
        options.closing = "See you in 2022"
        let closing = KioskState(schedule: state.schedule, now: state.now, size: state.size, options: options)
        #expect(text(closing).contains("See you in 2022") && !text(closing).contains("Thank you for coming"))
    }

    @Test func aGapOfDaysSaysTheProgrammeContinues() {
        let state = KioskFixtures.state(at: "10-24 12:00")
        guard case .startsLater(let first, let continues) = state.content else { Issue.record("\(state.content)"); return }
        #expect(first.id == "closing" && continues)
        #expect(text(state).contains("Day 3 continues on Tuesday 26 October 2021 at 09:00"))
    }

    @Test func afterTheDaysLastSessionTheVenueSaysWhenTheNextDayOpens() {
        let state = KioskFixtures.state(at: "10-22 18:30")
        guard case .startsLater(let first, let continues) = state.content else { Issue.record("\(state.content)"); return }
        #expect(first.id == "d2-201" && continues)
        let screen = text(state)
        #expect(screen.contains("Nothing more today"))
        #expect(screen.contains("Day 2 continues on Saturday 23 October 2021 at 09:00"))
        #expect(screen.contains("starts in 14 h 30 min"))
    }

    @Test func venueHidesWhatIsMoreThan23HoursAhead() {
        // 17:30: the late talk runs in Room 201; the Hall's next session is days away.
        let state = KioskFixtures.state(at: "10-22 17:30")
        guard case .venue(let rooms) = state.content else { Issue.record("\(state.content)"); return }
        // Every room keeps its place; those with nothing ahead say so.
        #expect(rooms.filter { !$0.isEmpty }.map(\.room) == ["Room 201", "Room 202"])
        #expect(rooms.first?.room == "Convention Hall No. 1" && rooms.count == 7)
        #expect(!text(state).contains("Closing Plenary"))
        #expect(text(state).contains("Convention Hall No. 1 —"))
    }

    @Test func aClockBefore2020IsNotBelieved() {
        let state = KioskState(schedule: KioskFixtures.congress, now: Date(timeIntervalSince1970: 86400),
                               size: Size(width: 80, height: 24), options: KioskOptions())
        #expect(state.content == .clockNotSet)
        #expect(text(state).contains("clock not set") && !text(state).contains("1970"))
    }

    @Test func roomsByGuidAndSeveralRooms() {
        var schedule = KioskFixtures.congress
        schedule.conference.roomGuids = ["f00d": "Room 202"]
        let both = KioskState(schedule: schedule, now: KioskFixtures.at("10-22 14:15"), size: Size(width: 80, height: 24),
                              options: KioskOptions(rooms: ["F00D", "room 201"]))
        #expect(both.doorRooms == ["Room 202", "Room 201"])
        guard case .venue(let rooms) = both.content else { Issue.record("\(both.content)"); return }
        #expect(rooms.map(\.room) == ["Room 202", "Room 201"])
        #expect(text(both).contains("Room 202 · Room 201"))
        let unknown = KioskState(schedule: schedule, now: both.now, size: both.size, options: KioskOptions(rooms: ["Hall 9"]))
        #expect(unknown.content == .unknownRooms(["Hall 9"]))
        #expect(text(unknown).contains("Hall 9 is not in this schedule") && text(unknown).contains("Room 301"))
    }

    @Test func venuePagesTurnEveryPageSeconds() {
        // Twenty-four rooms with a talk on now (a row each): more than one 80×24 page holds.
        var sessions: [Session] = []
        for i in 1...24 {
            sessions.append(KioskFixtures.session("r\(i)", "Talk \(i)", "10-22 14:00", "10-22 15:00", "Room \(100 + i)"))
        }
        var state = KioskFixtures.state(Schedule(conference: KioskFixtures.congress.conference, sessions: sessions), at: "10-22 14:15")
        guard case .venue(let rooms) = state.content else { Issue.record("\(state.content)"); return }
        #expect(rooms.count == 24)
        let first = state.page
        #expect(first.count == 2)
        #expect(text(state).contains("Page \(first.index + 1)/2"))
        state.now += 10
        #expect(state.page.index == 1 - first.index)
        state.now += 10
        #expect(state.page.index == first.index)
        // Every room appears on one page or the other.
        let both = text(state) + { var s = state; s.now += 10; return text(s) }()
        for room in rooms.compactMap(\.room) { #expect(both.contains(room)) }
    }

    @Test func roomsWithNothingSoonCollapseIntoOneLaterLine() {
        // 14:15: six workshops run; the Hall has nothing for days: one mention, not a block.
        let state = KioskFixtures.state(at: "10-22 14:15")
        #expect(state.page.count == 1)
        let screen = text(state)
        let later = screen.split(separator: "\n").first { $0.contains("Later") }
        #expect(later?.contains("Convention Hall No. 1 —") == true)
        #expect(screen.components(separatedBy: "Convention Hall No. 1").count == 2)
        // Before 13:30 the workshops start within the hour and keep their blocks.
        #expect(!text(KioskFixtures.state(at: "10-22 12:45")).contains("Later  Room 201"))
    }

    @Test func wideScreensFitTheVenueOnOnePage() {
        let state = KioskFixtures.state(at: "10-22 14:15", size: (160, 45))
        #expect(state.page.count == 1)
        #expect(!text(state).contains("Page "))
    }

    @Test func theMomentChangesOnlyWithTheMinuteOrThePage() {
        var state = KioskFixtures.state(at: "10-22 14:15")
        let moment = state.moment, frame = KioskBoard.render(state)
        state.now += 9.5
        #expect(state.moment == moment)
        #expect(KioskBoard.render(state) == frame, "same moment, same frame: nothing to write")
        state.now += 0.5
        #expect(state.moment != moment)
    }

    @Test func burnInShiftWalksOneCellEveryFiveMinutes() {
        var state = KioskFixtures.state(at: "10-22 14:15")
        var offsets: [String] = []
        for _ in 0..<4 {
            offsets.append("\(state.shift)")
            state.now += 5 * 60
        }
        #expect(Set(offsets).count == 4)
        #expect(offsets[0] == "\(state.shift)")
        #expect(KioskFixtures.state(at: "10-22 14:16").shift == KioskFixtures.state(at: "10-22 14:15").shift)
    }

    @Test func aFailedUpdateIsMarkedAndTheBoardStays() {
        var state = KioskFixtures.state(at: "10-22 14:15", room: "Room 201")
        state.updateFailedAt = KioskFixtures.at("10-22 14:02")
        let screen = text(state)
        #expect(screen.contains("update failed at 14:02"))
        #expect(screen.contains("Higher Education Partnerships"))
    }

    @Test func asciiModeWritesOnlyAscii() {
        for time in ["10-22 13:31", "10-22 14:15", "10-01 10:00", "10-27 10:00"] {
            for schedule in [KioskFixtures.congress, KioskFixtures.chinese] {
                for room in [nil, schedule.rooms.first!] {
                    let state = KioskFixtures.state(schedule, at: time, room: room, language: .bilingual, ascii: true)
                    let screen = text(state)
                    let ascii = screen.unicodeScalars.allSatisfy { $0.isASCII }
                    #expect(ascii, "\(screen)")
                }
            }
        }
    }

    @Test(arguments: [(0, 0), (1, 1), (10, 3), (20, 5), (30, 8), (40, 10), (56, 16), (100, 40), (300, 100)])
    func anySizeDrawsWithoutTrappingAndShowsTheTime(width: Int, height: Int) {
        for time in ["10-22 13:31", "10-22 14:15", "10-01 10:00", "10-27 10:00"] {
            for room in [nil, "Room 201"] {
                let state = KioskFixtures.state(at: time, room: room, language: .bilingual, size: (width, height))
                let canvas = KioskBoard.render(state)
                #expect(canvas.size == Size(width: width, height: height))
                if width >= 20, height >= 6 { #expect(!canvas.text().allSatisfy { $0 == " " || $0 == "\n" }) }
            }
        }
    }
}

/// A door screen on a machine without libqrencode draws no code and says what to install on
/// its status line; other warnings come first, and the venue board never mentions it.
@Suite struct KioskWithoutQRLibraryTests {
    @Test func doorScreenSaysWhatQRCodesNeed() {
        var state = KioskFixtures.state(at: "10-22 14:15", room: "Room 201",
                                        qrCodes: .missing("QR codes need libqrencode4 (apt install libqrencode4)"))
        let screen = KioskBoard.render(state).text()
        #expect(screen.contains("QR codes need libqrencode4"), "\(screen)")
        state.apply(.reloadFailed)
        #expect(!KioskBoard.render(state).text().contains("libqrencode4"))
    }

    @Test func noHintWhenNoCodeIsWanted() {
        let state = KioskFixtures.state(at: "10-22 14:15", room: "Room 201", qr: .none,
                                        qrCodes: .missing("QR codes need libqrencode4 (apt install libqrencode4)"))
        #expect(!KioskBoard.render(state).text().contains("libqrencode4"))
    }
}

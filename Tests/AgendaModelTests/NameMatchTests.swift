import Foundation
import Testing
@testable import AgendaModel

/// Names typed on the command line or in the picker: any case and accents, a unique prefix or
/// word, else the nearest names.
@Suite struct NameMatchTests {
    static let rooms = ["K.1.105 (La Fontaine)", "Amphithéâtre 1200", "Amphithéâtre 1600", "Callelongue", "Saal 1", "Saal 10"]

    @Test func theNameItselfInAnyCaseAndAccents() {
        #expect(NameMatch("Saal 1", among: Self.rooms) == .found("Saal 1"))
        #expect(NameMatch("amphitheatre 1200", among: Self.rooms) == .found("Amphithéâtre 1200"))
        #expect(NameMatch("CALLELONGUE", among: Self.rooms) == .found("Callelongue"))
    }

    @Test func aUniquePrefixOrWord() {
        #expect(NameMatch("K.1.105", among: Self.rooms) == .found("K.1.105 (La Fontaine)"))
        #expect(NameMatch("fontaine", among: Self.rooms) == .found("K.1.105 (La Fontaine)"))
        #expect(NameMatch("calle", among: Self.rooms) == .found("Callelongue"))
        #expect(NameMatch("amphi 16", among: Self.rooms) == .found("Amphithéâtre 1600"))
        #expect(NameMatch("Saal 10", among: Self.rooms) == .found("Saal 10"))
    }

    @Test func severalThatFitAreNamed() {
        #expect(NameMatch("amphitheatre", among: Self.rooms) == .ambiguous(["Amphithéâtre 1200", "Amphithéâtre 1600"]))
        let message = NameMatch("saal", among: Self.rooms).message("room", typed: "saal", names: Self.rooms)
        #expect(message == "room \"saal\" fits several: \"Saal 1\", \"Saal 10\"")
        // Alike once folded, so neither is meant; typed exactly, the one.
        #expect(NameMatch("cafe sud", among: ["Café Süd", "Cafe Süd"]) == .ambiguous(["Café Süd", "Cafe Süd"]))
        #expect(NameMatch("Cafe Süd", among: ["Café Süd", "Cafe Süd"]) == .found("Cafe Süd"))
    }

    @Test func noneGivesTheNearest() {
        #expect(NameMatch("Sal 1", among: Self.rooms) == .none(nearest: ["Saal 1", "Saal 10"]))
        #expect(NameMatch("amfitheatre 1200", among: Self.rooms) == .none(nearest: ["Amphithéâtre 1200", "Amphithéâtre 1600"]))
        #expect(NameMatch("", among: Self.rooms) == .none(nearest: []))
        let message = NameMatch("Nope", among: ["A", "B"]).message("track", typed: "Nope", names: ["A", "B"])
        #expect(message == "no track \"Nope\" in the schedule; its tracks: \"A\", \"B\"")
        #expect(NearestNames.to("amfitheatre 1200", among: Self.rooms).first == "Amphithéâtre 1200")
    }

    @Test func chineseNamesMatchAnywhere() {
        #expect(NameMatch("会场", among: ["主会场", "分会场A"]) == .ambiguous(["主会场", "分会场A"]))
        #expect(NameMatch("主会", among: ["主会场", "分会场A"]) == .found("主会场"))
    }

    @Test func thePickerNarrowsByTheSameWords() {
        #expect(NameMatch.fits("amphi 1200", "Amphithéâtre 1200"))
        #expect(NameMatch.fits("fontaine", "K.1.105 (La Fontaine)"))
        #expect(!NameMatch.fits("ontaine", "K.1.105 (La Fontaine)"))
        #expect(NameMatch.fits("", "anything"))
    }

    @Test func listFiltersByWhatTheNameMeans() throws {
        let schedule = try PentabarfFixture.schedule()
        let titles = { (query: ScheduleQuery) in query.apply(to: schedule).map { schedule.sessions[$0].title } }
        #expect(titles(ScheduleQuery(room: "k.1")) == ["Kernel news"])
        #expect(titles(ScheduleQuery(room: "JANS")) == ["Welcome", "Closing"])
        #expect(titles(ScheduleQuery(room: "Jansen")).isEmpty)
        #expect(ScheduleQuery(room: "k.1").unmatchedNameWarnings(in: schedule).isEmpty)
        #expect(ScheduleQuery(room: "k.1").ambiguousNames(in: schedule).isEmpty)
        // "1" begins a word of K.1.105 and of AW1.120 (a room without sessions).
        #expect(ScheduleQuery(room: "1").ambiguousNames(in: schedule) == ["room \"1\" fits several: \"K.1.105\", \"AW1.120\""])
    }

    @Test func anAmbiguousFilterListsNothingAndSaysWhich() {
        let zone = TimeZone(identifier: "UTC")!
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let schedule = Schedule(conference: Conference(title: "T", timeZone: zone), sessions: [
            Session(id: "1", title: "One", start: start, end: start + 1800, room: "Saal 1", track: "Security"),
            Session(id: "2", title: "Two", start: start, end: start + 1800, room: "Saal GLITCH", track: "Sécurité"),
        ])
        let query = ScheduleQuery(room: "saal")
        #expect(query.apply(to: schedule).isEmpty)
        #expect(query.ambiguousNames(in: schedule) == ["room \"saal\" fits several: \"Saal 1\", \"Saal GLITCH\""])
        #expect(ScheduleQuery(track: "securite").apply(to: schedule) == [1])
        #expect(ScheduleQuery(room: "glitch").apply(to: schedule) == [1])
    }

    @Test func theKioskAndTheNoticesNameRoomsTheSameWay() throws {
        let schedule = try PentabarfFixture.schedule()
        #expect(schedule.room(named: "k.1.105") == "K.1.105")
        #expect(schedule.room(named: "h.2") == "H.2215")
        #expect(schedule.room(named: "aw1") == "AW1.120")
    }
}

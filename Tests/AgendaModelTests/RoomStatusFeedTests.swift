import Foundation
import Testing
@testable import AgendaModel

/// The room-status feed as FOSDEM publishes it, read where a notices file is.
@Suite struct RoomStatusFeedTests {
    static let zone = TimeZone(identifier: "Europe/Brussels")!

    static func read(_ text: String) throws -> VenueNotices {
        try VenueNotices.read(Data(text.utf8), file: "status.json", zone: zone)
    }

    @Test func statesAsNumbersOrNumericStrings() throws {
        let feed = try Self.read("""
            [{"roomname": "Janson", "state": 1},
             {"roomname": "K.1.105 (La Fontaine)", "state": "2", "id": 42},
             {"roomname": "H.1302 (Depage)", "state": " 0"}]
            """)
        #expect(feed.notices.isEmpty)
        #expect(feed.rooms.map(\.key) == ["Janson", "K.1.105 (La Fontaine)", "H.1302 (Depage)"])
        #expect(feed.rooms.map(\.status.status) == [.full, .evacuate, .open])
        #expect(feed.rooms.map(\.line) == [1, 2, 3])
        #expect(try Self.read("[]").rooms.isEmpty)
    }

    /// A bad entry is passed over with a warning naming its line: the rest of the feed, an
    /// evacuation among it, still reads.
    @Test func badEntriesArePassedOverSayingWhereAndWhat() throws {
        let cases: [(String, String)] = [
            ("{\"roomname\": \"Janson\", \"state\": 3}", "state \"3\" of room \"Janson\" is not 0 (open), 1 (full) or 2 (evacuate)"),
            ("{\"roomname\": \"Janson\", \"state\": \"full\"}", "state \"full\""),
            ("{\"roomname\": \"Janson\"}", "room \"Janson\" has no \"state\""),
            ("{\"state\": 1}", "without a \"roomname\""),
            ("1", "room status 1 is passed over"),
        ]
        for (entry, message) in cases {
            let text = "[" + entry + ",\n{\"roomname\": \"H.1302\", \"state\": 2}]"
            let feed = try VenueNotices.read(Data(("\n" + text).utf8), file: "status.json", zone: Self.zone)
            #expect(feed.rooms.map(\.key) == ["H.1302"] && feed.rooms.first?.status.status == .evacuate, "\(text)")
            #expect(feed.warnings.count == 1 && feed.warnings[0].contains(message), "\(feed.warnings)")
            #expect(feed.warnings.first?.hasPrefix("status.json:") == true, "\(feed.warnings)")
        }
    }

    /// A room name with control characters reaches no screen as such.
    @Test func namesAreSanitised() throws {
        let feed = try Self.read("[{\"roomname\": \"Jan\\u001b[31mson\", \"state\": 1}]")
        #expect(!feed.rooms[0].key.unicodeScalars.contains { $0.value < 0x20 })
    }
}

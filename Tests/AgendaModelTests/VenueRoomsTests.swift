import Foundation
import Testing
@testable import AgendaModel

/// The venue file: per-room extras and a map template (c3nav links rooms by guid).
@Suite struct VenueRoomsTests {
    static func read(_ text: String) throws -> VenueRooms {
        try VenueRooms.read(Data(text.utf8), file: "venue.json")
    }

    @Test func aTemplateFillsInTheRoomOrItsGuid() throws {
        let byGuid = try Self.read(#"{"map": "https://38c3.c3nav.de/l/{room_guid}/"}"#)
        #expect(byGuid.extras(for: "Saal 1", guid: "ba69-42", names: { _ in false })?.map == "https://38c3.c3nav.de/l/ba69-42/")
        // No guid in the schedule: no link rather than a broken one.
        #expect(byGuid.extras(for: "Saal 1", guid: nil, names: { _ in false }) == nil)
        let byName = try Self.read(#"{"map": "https://map.example/?room={room}"}"#)
        #expect(byName.extras(for: "Saal 1/2 & Ä", guid: nil, names: { _ in false })?.map == "https://map.example/?room=Saal%201%2F2%20&%20%C3%84")
    }

    @Test func aRoomsOwnEntriesGiveItsExtras() throws {
        let venue = try Self.read("""
            {"map": "https://map.example/{room}",
             "rooms": {"Saal 1": {"stream": "https://stream.example/s1", "interpretation": "EN/DE, channel 2",
                                  "dect": "8011", "note": "Step-free via lift B"},
                       "ba69-42": {"map": "https://map.example/special", "stream": "https://other.example/"},
                       "Saal 2": {"dect": "8012"}}}
            """)
        let names: (String) -> Bool = { $0 == "Saal 1" || $0 == "ba69-42" }
        let extras = try #require(venue.extras(for: "Saal 1", guid: "ba69-42", names: names))
        // The first entry naming the room gives each field; the room's own map beats the template.
        #expect(extras == VenueRooms.Extras(map: "https://map.example/special", stream: "https://stream.example/s1",
                                            interpretation: "EN/DE, channel 2", dect: "8011", note: "Step-free via lift B"))
        #expect(venue.extras(for: "Saal 3", guid: nil, names: { _ in false })?.map == "https://map.example/Saal%203")
        #expect(venue.warnings.isEmpty)
    }

    @Test func mistakesSayWhere() throws {
        let warned = try Self.read("{\"rooms\": {\n\"Saal 1\": {\"phone\": \"1\"}}, \"colour\": 1}")
        #expect(warned.warnings.contains { $0.hasPrefix("venue.json:2: warning: unknown key \"phone\"") }, "\(warned.warnings)")
        #expect(warned.warnings.contains { $0.contains("unknown key \"colour\"") })
        for (text, message) in [("[]", "not a venue file"), ("{\"rooms\": []}", "\"rooms\" must be an object"),
                                ("{\"rooms\": {\"A\": {\"dect\": [1]}}}", "\"dect\" must be text"),
                                ("{\"rooms\": {\"A\": 3}}", "room \"A\" must be an object")] {
            do throws(ScheduleError) {
                _ = try VenueRooms.read(Data(text.utf8), file: "venue.json")
                Issue.record("read: \(text)")
            } catch {
                #expect(error.description.contains(message), "\(error.description)")
            }
        }
        let clean = try Self.read(#"{"rooms": {"A": {"note": "Lift\u001b[31m B"}}}"#)
        #expect(!(clean.entries[0].extras.note ?? "").unicodeScalars.contains { $0.value < 0x20 })
    }
}

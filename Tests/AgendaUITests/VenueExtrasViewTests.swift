import Foundation
import Testing
import AgendaCanvas
import AgendaModel
@testable import AgendaUI

/// `--venue FILE` in the browser: the room's interpretation, DECT and note in the detail, its
/// stream and map among the links `o` offers.
@Suite struct VenueExtrasViewTests {
    static let venue = """
        {"map": "https://nav.example.org/l/{room}/",
         "rooms": {"saal 1": {"stream": "https://streaming.example.org/saal1", "interpretation": "English, channel 2",
                              "dect": "8011", "note": "Step-free via lift B"}}}
        """

    @Test func theDetailSaysWhatTheVenueSaysOfTheRoom() throws {
        var state = Fixtures.congress(size: Size(width: 120, height: 40), now: "2024-12-27T10:45:00+01:00")
        state.apply(.venueRooms(try VenueRooms.read(Data(Self.venue.utf8), file: "venue.json")))
        state.apply(.jumpToNow)
        #expect(state.selectedSession?.room == "Saal 1")
        let text = Screen.render(state).text()
        for part in ["Interp.", "English, channel 2", "DECT", "8011", "Step-free via lift B",
                     "https://streaming.example.org/saal1", "https://nav.example.org/l/Saal%201/"] {
            #expect(text.contains(part), "\(part)\n\(text)")
        }
        let links = state.webLinks(of: try #require(state.selected)).map(\.url)
        #expect(links.contains("https://streaming.example.org/saal1") && links.contains("https://nav.example.org/l/Saal%201/"))
        // Another room: the map from the template only.
        while state.selectedSession?.room == "Saal 1" { state.apply(.move(1)) }
        let room = try #require(state.selectedSession?.room).replacingOccurrences(of: " ", with: "%20")
        let other = Screen.render(state).text()
        #expect(!other.contains("8011") && other.contains("https://nav.example.org/l/\(room)/"), "\(other)")
    }
}

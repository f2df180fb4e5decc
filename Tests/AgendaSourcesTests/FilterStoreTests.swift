import Foundation
import Testing
import AgendaModel
@testable import AgendaSources

@Suite struct FilterStoreTests {
    @Test func keepsHiddenValuesPerConferenceAcrossInstances() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("filters-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let conference = Conference(title: "Test Congress", timeZone: TimeZone(identifier: "UTC")!)
        let environment = ["XDG_STATE_HOME": directory.path]
        try FilterStore(conference: conference, environment: environment).save(["room": ["Saal 1", "Saal G"], "track": []])
        let loaded = FilterStore(conference: conference, environment: environment).load()
        #expect(loaded == ["room": ["Saal 1", "Saal G"]])
        let other = Conference(title: "Another", timeZone: TimeZone(identifier: "UTC")!)
        #expect(FilterStore(conference: other, environment: environment).load().isEmpty)
        #expect(FilterStore(conference: conference, environment: environment).file.path.hasSuffix("agenda/filters/test-congress.json"))
    }
}

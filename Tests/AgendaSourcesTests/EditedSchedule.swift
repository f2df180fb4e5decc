import Foundation

/// An excerpt of the 38C3 schedule (Tests/Fixtures) and an edited copy of it, as a new version
/// from the organisers would be: the opening moved (to 11:00 in Saal GLITCH), one talk
/// renamed, one deleted, one added.
enum EditedSchedule {
    static let original = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/schedules/38c3-excerpt.xml").standardizedFileURL
    /// Sessions in the excerpt: the first three in Saal 1 on each of the four days, and Bebetta.
    static let sessionCount = 13

    static let moved = "270fa44c-821a-577f-8ca3-33e8d4a8c2a7"
    static let renamed = "78910469-adfa-5c79-8529-1a9d66ef9e6a"
    static let deleted = "48d32c48-214a-5387-9b87-ae7338bc181f"
    static let added = "00000000-0000-4000-8000-00000000a9e0"
    static let newTitle = "A Renamed Talk About Change Tracking"

    static func originalData() throws -> Data { try Data(contentsOf: original) }

    static func editedData() throws -> Data {
        var text = try String(contentsOf: original, encoding: .utf8)
        func block(_ guid: String) -> Range<String.Index> {
            let start = text.range(of: "<event guid=\"\(guid)\"")!.lowerBound
            let end = text.range(of: "</event>", range: start..<text.endIndex)!.upperBound
            return start..<end
        }
        var opening = String(text[block(moved)])
        opening = opening.replacingOccurrences(of: "2024-12-27T10:30:00+01:00", with: "2024-12-27T11:00:00+01:00")
            .replacingOccurrences(of: "<start>10:30</start>", with: "<start>11:00</start>")
            .replacingOccurrences(of: "<room>Saal 1</room>", with: "<room>Saal GLITCH</room>")
        text.replaceSubrange(block(moved), with: opening)
        let renamedBlock = block(renamed)
        let renamedText = String(text[renamedBlock])
        let title = renamedText.range(of: "<title>")!.upperBound..<renamedText.range(of: "</title>")!.lowerBound
        text.replaceSubrange(renamedBlock, with: renamedText.replacingCharacters(in: title, with: newTitle))
        text.replaceSubrange(block(deleted), with: "")
        let newEvent = """
            <event guid="\(added)" id="99999">
                            <date>2024-12-27T16:00:00+01:00</date>
                            <start>16:00</start>
                            <duration>00:40</duration>
                            <room>Saal 1</room>
                            <title>A Brand New Talk</title>
                            <language>en</language>
                            <persons><person id="1">Newcomer</person></persons>
                        </event>
            """
        let firstEvent = text.range(of: "<event guid=")!.lowerBound
        text.insert(contentsOf: newEvent + "\n            ", at: firstEvent)
        return Data(text.utf8)
    }
}

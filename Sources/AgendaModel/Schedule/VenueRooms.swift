import Foundation

/// What a venue knows about its rooms beyond the schedule (`agenda kiosk --venue FILE`):
///
///     {"map": "https://38c3.c3nav.de/l/{room_guid}/",
///      "rooms": {"Saal 1": {"stream": "https://streaming.media.ccc.de/38c3/saal1",
///                           "interpretation": "English and German, channel 2",
///                           "dect": "8011", "note": "Step-free entrance via lift B",
///                           "map": "https://38c3.c3nav.de/l/saal-1/"}}}
///
/// `map` at the top is a template for every room: `{room}` is the room's name and
/// `{room_guid}` its guid from the schedule, both percent-encoded; a room's own `map` wins.
/// Room keys are names or guids, as in a notices file. Every field may be left out; all text
/// is sanitised as schedule text is.
public struct VenueRooms: Sendable, Equatable {
    /// A room's extras, as shown on its door screen (and in the browser's detail).
    public struct Extras: Sendable, Equatable {
        public var map: String?
        public var stream: String?
        public var interpretation: String?
        public var dect: String?
        public var note: String?

        public init(map: String? = nil, stream: String? = nil, interpretation: String? = nil, dect: String? = nil, note: String? = nil) {
            self.map = map
            self.stream = stream
            self.interpretation = interpretation
            self.dect = dect
            self.note = note
        }

        public var isEmpty: Bool { self == Extras() }

        /// `other`'s fields where this has none.
        func filled(from other: Extras) -> Extras {
            Extras(map: map ?? other.map, stream: stream ?? other.stream, interpretation: interpretation ?? other.interpretation,
                   dect: dect ?? other.dect, note: note ?? other.note)
        }
    }

    public struct Entry: Sendable, Equatable {
        public var key: String
        public var line: Int
        public var extras: Extras
    }

    public var mapTemplate: String?
    public var entries: [Entry] = []
    /// What was read but looked wrong (unknown keys), as `FILE:LINE: warning: …`.
    public var warnings: [String] = []

    public init(mapTemplate: String? = nil, entries: [Entry] = []) {
        self.mapTemplate = mapTemplate
        self.entries = entries
    }

    /// The extras of `room` (its guid, if the schedule gives one): of every entry whose key
    /// `names` it, the first to give each field; the map from the template when none does.
    public func extras(for room: String, guid: String?, names: (String) -> Bool) -> Extras? {
        var extras = Extras()
        for entry in entries where names(entry.key) { extras = extras.filled(from: entry.extras) }
        if extras.map == nil, let template = mapTemplate { extras.map = Self.expand(template, room: room, guid: guid) }
        return extras.isEmpty ? nil : extras
    }

    /// The template with `{room}` and `{room_guid}` filled in; nil when it wants a guid the room lacks.
    static func expand(_ template: String, room: String, guid: String?) -> String? {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        func encode(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        if template.contains("{room_guid}") {
            guard let guid else { return nil }
            return template.replacingOccurrences(of: "{room_guid}", with: encode(guid))
                .replacingOccurrences(of: "{room}", with: encode(room))
        }
        return template.replacingOccurrences(of: "{room}", with: encode(room))
    }

    public static func load(path: String) throws(ScheduleError) -> VenueRooms {
        try read(ScheduleFile.read(path: path, limit: 1 << 20), file: path)
    }

    public static func read(_ data: Data, file: String) throws(ScheduleError) -> VenueRooms {
        try data.withBytes { bytes throws(ScheduleError) in
            try TextDecoding.validateUTF8(bytes, file: file)
            let document = try JSONParser.parse(bytes, file: file)
            defer { withExtendedLifetime(document) {} }
            return try read(document.root, file: file)
        }
    }

    static let fields = ["map", "stream", "interpretation", "dect", "note"]

    private static func read(_ root: JSONValue, file: String) throws(ScheduleError) -> VenueRooms {
        guard let top = root.object else {
            throw ScheduleError(file: file, line: 1, column: 1, message: "not a venue file: expected {\"map\": \"…\", \"rooms\": {…}}")
        }
        var result = VenueRooms()
        func warn(_ line: Int, _ message: String) { result.warnings.append("\(Sanitizer.line(file)):\(line): warning: \(message)") }
        func text(_ object: JSONObject, _ key: String) throws(ScheduleError) -> String? {
            guard let value = object[key], !value.isNull else { return nil }
            guard let given = value.text, value.object == nil, value.array == nil else {
                throw ScheduleError(file: file, line: object.line, column: object.column, message: "\"\(key)\" must be text")
            }
            let clean = Sanitizer.line(given).trimmingCharacters(in: .whitespaces)
            return clean.isEmpty ? nil : clean
        }
        for (name, _) in top.members where !["map", "rooms"].contains(name.text ?? "") {
            warn(top.line, "unknown key \"\(Sanitizer.line(name.text ?? ""))\" ignored")
        }
        result.mapTemplate = try text(top, "map")
        if let map = top["rooms"], !map.isNull {
            guard let rooms = map.object else {
                throw ScheduleError(file: file, line: top.line, column: top.column, message: "\"rooms\" must be an object of room names (or guids)")
            }
            for (name, value) in rooms.members {
                let room = Sanitizer.line(name.text ?? "")
                guard let entry = value.object else {
                    throw ScheduleError(file: file, line: rooms.line, column: rooms.column, message: "room \"\(room)\" must be an object")
                }
                for (field, _) in entry.members where !fields.contains(field.text ?? "") {
                    warn(entry.line, "unknown key \"\(Sanitizer.line(field.text ?? ""))\" of room \"\(room)\" ignored")
                }
                let extras = Extras(map: try text(entry, "map"), stream: try text(entry, "stream"),
                                    interpretation: try text(entry, "interpretation"), dect: try text(entry, "dect"),
                                    note: try text(entry, "note"))
                result.entries.append(Entry(key: room, line: entry.line, extras: extras))
            }
        }
        return result
    }
}

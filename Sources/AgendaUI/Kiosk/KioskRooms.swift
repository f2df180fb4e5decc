import AgendaModel

extension Schedule {
    /// The room `given` means: a room guid the file declares, else a name (exact, else the
    /// only match with case and accents folded). A screen set up by guid follows its room
    /// through a rename.
    public func kioskRoom(_ given: String) -> String? {
        if let named = conference.roomGuids[given] ?? conference.roomGuids.first(where: {
            $0.key.caseInsensitiveCompare(given) == .orderedSame
        })?.value, rooms.contains(named) {
            return named
        }
        return room(named: given)
    }

    /// Whether a key of a venue or notices file (a name, in any case and accents, or a guid)
    /// means `room`. A name two rooms share once folded ("Saal 1", "SAAL 1") means both.
    public func venueKey(_ key: String, means room: String) -> Bool {
        if let named = kioskRoom(key) { return named == room }
        var folding = SearchFolding()
        return folding.fold(key) == folding.fold(room)
    }

    /// `room`'s extras from a venue file (`--venue`), its guid from this schedule: for door
    /// screens and the browser's detail.
    public func extras(of room: String, in venue: VenueRooms) -> VenueRooms.Extras? {
        guard !venue.entries.isEmpty || venue.mapTemplate != nil else { return nil }
        let guid = conference.roomGuids.first { $0.value == room }?.key
        return venue.extras(for: room, guid: guid) { venueKey($0, means: room) }
    }
}

extension KioskState {
    /// The door screen's rooms as this version of the schedule names them, in the order given;
    /// nil on a venue board. Those it does not know are in `unknownRooms`.
    public var doorRooms: [String]? {
        guard !options.rooms.isEmpty else { return nil }
        var seen = Set<String>()
        return options.rooms.compactMap { schedule.kioskRoom($0) }.filter { seen.insert($0).inserted }
    }

    /// The rooms asked for that this schedule does not have (as given, sanitised).
    public var unknownRooms: [String] {
        options.rooms.filter { schedule.kioskRoom($0) == nil }.map { Sanitizer.line($0) }
    }
}

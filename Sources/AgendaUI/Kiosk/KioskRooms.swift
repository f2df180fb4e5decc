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

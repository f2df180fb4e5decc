import Foundation

/// A session's texts in another language, from another edition of the same programme.
public struct SessionTranslation: Sendable, Equatable {
    /// `zh`, as the edition's session gives it.
    public var language: String
    public var title: String
    public var subtitle: String?
    public var room: String?
    public var persons: [String]
    public var abstract: String?
    public var description: String?

    public init(_ session: Session, language: String) {
        self.language = language
        title = session.title
        subtitle = session.subtitle
        room = session.room
        persons = session.persons
        abstract = session.abstract
        description = session.description
    }
}

extension Session {
    /// The session's texts in `language`, when an edition in it was merged in.
    public func translation(_ language: String) -> SessionTranslation? {
        translations.first { $0.language == language }
    }

    /// The title to lead with: the Chinese edition's when `chinese` and there is one, else the
    /// session's own. Every list, board and measure that leads with a title asks this.
    public func leadTitle(chinese: Bool) -> String {
        chinese ? translation("zh")?.title ?? title : title
    }

    /// The room to lead with, as `leadTitle`: the Chinese edition's name under `chinese`.
    public func leadRoom(chinese: Bool) -> String? {
        chinese ? translation("zh")?.room ?? room : room
    }
}

extension Schedule {
    /// Several schedules as one programme where an English and a Chinese edition describe the
    /// same session: a Chinese session (language `zh`) with the same start and end as exactly
    /// one session of another language, from another schedule, becomes that session's
    /// translation instead of a second session. The other edition stays the session (its key,
    /// room, filters), whichever file came first; a slot that two sessions of either edition
    /// share is not guessed at: those stay apart.
    public static func mergingEditions(_ schedules: [Schedule]) -> Schedule? {
        guard schedules.count > 1 else { return schedules.first }
        struct Slot: Hashable { var start: Date, end: Date }
        var others: [Slot: [(Int, Int)]] = [:], chinese: [Slot: [(Int, Int)]] = [:]
        for (s, schedule) in schedules.enumerated() {
            for (k, session) in schedule.sessions.enumerated() {
                let slot = Slot(start: session.start, end: session.end)
                if session.language == "zh" { chinese[slot, default: []].append((s, k)) }
                else { others[slot, default: []].append((s, k)) }
            }
        }
        var parts = schedules
        var absorbed = Set<[Int]>()
        for (slot, zh) in chinese {
            guard zh.count == 1, let en = others[slot], en.count == 1, en[0].0 != zh[0].0 else { continue }
            let translation = SessionTranslation(schedules[zh[0].0].sessions[zh[0].1], language: "zh")
            parts[en[0].0].appendTranslation(translation, at: en[0].1)
            absorbed.insert([zh[0].0, zh[0].1])
        }
        guard !absorbed.isEmpty else { return concatenatingTracked(schedules) }
        for s in parts.indices {
            parts[s] = parts[s].removingSessions { absorbed.contains([s, $0]) }
        }
        // The English edition's conference leads, whichever file came first; the Chinese
        // edition's name for it is kept for a Chinese interface.
        if let zh = absorbed.first?[0] { parts[0].conference.titles["zh"] = schedules[zh].conference.title }
        if let lead = parts.firstIndex(where: { $0.sessions.contains { !$0.translations.isEmpty } }), lead != 0 {
            parts[lead].conference.titles = parts[0].conference.titles
            parts.insert(parts.remove(at: lead), at: 0)
        }
        return concatenatingTracked(parts)
    }

    mutating func appendTranslation(_ translation: SessionTranslation, at index: Int) {
        var sessions = self.sessions
        sessions[index].translations.append(translation)
        let changes = self.changes, warnings = self.warnings
        self = Schedule(conference: conference, sessions: sessions)
        self.changes = changes
        self.warnings = warnings
    }

    func removingSessions(_ remove: (Int) -> Bool) -> Schedule {
        let kept = sessions.indices.filter { !remove($0) }
        // Rooms only the removed sessions had go with them (a Chinese room name whose
        // sessions became translations); rooms the file lists without sessions stay.
        let gone = Set(sessions.indices.filter(remove).compactMap { sessions[$0].room })
            .subtracting(kept.compactMap { sessions[$0].room })
        var conference = self.conference
        conference.rooms.removeAll { gone.contains($0) }
        var schedule = Schedule(conference: conference, sessions: kept.map { sessions[$0] })
        schedule.warnings = warnings
        if !changes.isEmpty { schedule.changes = kept.map { change(at: $0) } }
        return schedule
    }
}

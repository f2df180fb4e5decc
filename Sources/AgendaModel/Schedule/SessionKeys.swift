import Foundation

/// The identity rule: which of a session's fields name it across versions of its file.
///
/// Titles are edited and talks move, so a key never contains the title, and holds the start
/// only when nothing else tells two sessions apart:
/// the guid when present and unique in the file; else the id when unique in the file; else
/// id and start. CACIE pages have neither: their sessions are known by start and room.
public enum SessionKeys {
    /// Keys for sessions read from one file, in the same order. Sessions that are part of a
    /// file (a day read ahead) are given the guids and ids that repeat in the whole of it, so
    /// that their keys are the whole file's.
    static func assign(guids: [String?], ids: [String], starts: [Date],
                       repeatedGuids: Set<String> = [], repeatedIDs: Set<String> = []) -> [String] {
        var guidCount: [String: Int] = [:], idCount: [String: Int] = [:]
        for guid in guids { if let guid, !guid.isEmpty { guidCount[guid, default: 0] += 1 } }
        for id in ids where !id.isEmpty { idCount[id, default: 0] += 1 }
        return ids.indices.map { k in
            if let guid = guids[k], guidCount[guid] == 1, !repeatedGuids.contains(guid) { return guid }
            if idCount[ids[k]] == 1, !repeatedIDs.contains(ids[k]) { return ids[k] }
            return idAndStart(ids[k], starts[k])
        }
    }

    /// For a session made without its file (tests, tools), taken as unique: guid, else id
    /// (else the start).
    static func standalone(id: String, guid: String?, start: Date) -> String {
        if let guid, !guid.isEmpty { return guid }
        return id.isEmpty ? idAndStart(id, start) : id
    }

    static func idAndStart(_ id: String, _ start: Date) -> String {
        "\(id)|\(Int(start.timeIntervalSince1970))"
    }

    /// A CACIE session: its start and its room.
    static func startAndRoom(_ start: Date, _ room: String?) -> String {
        "cacie|\(Int(start.timeIntervalSince1970))|\(room ?? "")"
    }

    /// The key the version before this rule gave (`id|title|start` without a guid), so stars
    /// stored under it can be found again.
    public static func legacy(_ session: Session) -> String {
        if let guid = session.guid, !guid.isEmpty { return guid }
        return "\(session.id)|\(session.title)|\(Int(session.start.timeIntervalSince1970))"
    }
}

extension SessionKeys {
    /// The iCalendar UID of an exported session: the guid when it is the key, else the key
    /// at the conference's host (or acronym), so a calendar that imports a newer export updates
    /// its entries instead of adding copies.
    public static func uid(_ session: Session, in conference: Conference) -> String {
        if let guid = session.guid, guid == session.key { return guid }
        let local = session.key.map { $0 == "|" || $0 == " " || $0 == "@" ? "-" : $0 }
        return String(local) + "@" + domain(conference)
    }

    static func domain(_ conference: Conference) -> String {
        if let url = conference.url, let host = URLComponents(string: url)?.host, !host.isEmpty { return host }
        let name = (conference.shortTitle ?? conference.title).lowercased().split { !$0.isLetter && !$0.isNumber }
        return name.isEmpty ? "agenda" : name.joined(separator: "-")
    }
}

import AgendaModel

/// One address the detail lists and `o` and `y` offer, with the word it is shown under.
public struct LabelledLink: Sendable, Equatable {
    public var label: String
    public var title: String?
    public var url: String
    public var kind: SessionLink.Kind?

    /// `Feedback: https://…`, `Attached: Slides — https://…`: a line of the link chooser.
    public var line: String {
        if let title, title != url { return "\(label): \(title) — \(url)" }
        return "\(label): \(url)"
    }
}

extension AppState {
    /// The session's talk page, then its links as the file gave them, then its room's stream;
    /// then the stream and map the venue gives for its room (`--venue`).
    public func links(of index: Int) -> [LabelledLink] {
        let session = schedule.sessions[index]
        var links: [LabelledLink] = []
        if let url = session.url, !url.isEmpty { links.append(LabelledLink(label: strings.talkPage, url: url)) }
        for link in schedule.links(of: session) where !links.contains(where: { $0.url == link.url }) {
            links.append(LabelledLink(label: strings.linkKind(link.kind), title: link.title, url: link.url, kind: link.kind))
        }
        if let extras = roomExtras(of: index) {
            if let stream = extras.stream, !links.contains(where: { $0.url == stream }) {
                links.append(LabelledLink(label: strings.linkKind(.stream), url: stream, kind: .stream))
            }
            if let map = extras.map, !links.contains(where: { $0.url == map }) { links.append(LabelledLink(label: strings.map, url: map)) }
        }
        return links
    }

    /// The venue's extras for the session's room (`--venue`).
    func roomExtras(of index: Int) -> VenueRooms.Extras? {
        schedule.sessions[index].room.flatMap { schedule.extras(of: $0, in: venue) }
    }

    /// The links `o` may open and `y` copy: web addresses only.
    public func webLinks(of index: Int) -> [LabelledLink] { links(of: index).filter { SessionLink.isWeb($0.url) } }
}

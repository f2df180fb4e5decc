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
    /// The session's talk page, then its links as the file gave them, then its room's stream.
    public func links(of index: Int) -> [LabelledLink] {
        let session = schedule.sessions[index]
        var links: [LabelledLink] = []
        if let url = session.url, !url.isEmpty { links.append(LabelledLink(label: strings.talkPage, url: url)) }
        for link in schedule.links(of: session) where !links.contains(where: { $0.url == link.url }) {
            links.append(LabelledLink(label: strings.linkKind(link.kind), title: link.title, url: link.url, kind: link.kind))
        }
        return links
    }

    /// The links `o` may open and `y` copy: web addresses only.
    public func webLinks(of index: Int) -> [LabelledLink] { links(of: index).filter { SessionLink.isWeb($0.url) } }
}

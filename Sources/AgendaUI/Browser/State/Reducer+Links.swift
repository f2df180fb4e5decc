import Foundation
import AgendaModel

/// The links `o` opens and `y` copies: the selected session's web addresses, one at once,
/// or a chooser when it has several.
public struct LinkChooser: Sendable, Equatable {
    public internal(set) var links: [LabelledLink] = []
    public internal(set) var cursor = 0
    /// Copy (`y`) rather than open (`o`) what is chosen.
    public internal(set) var copy = false
}

extension AppState {
    mutating func chooseLinks(copy: Bool) {
        guard let index = selected else { return }
        let links = webLinks(of: index)
        switch links.count {
        case 0: notify(strings.noLink, until: now.addingTimeInterval(5))
        case 1: use(links[0], copy: copy)
        default:
            linkChooser = LinkChooser(links: links, cursor: 0, copy: copy)
            overlay = .links
        }
    }

    mutating func applyInLinks(_ action: Action) {
        let count = linkChooser.links.count
        switch action {
        case .move(let n): linkChooser.cursor = max(0, min(count - 1, linkChooser.cursor + n))
        case .first: linkChooser.cursor = 0
        case .last: linkChooser.cursor = max(0, count - 1)
        case .open, .openLink, .copyLink, .toggleFavourite:
            guard linkChooser.links.indices.contains(linkChooser.cursor) else { return }
            overlay = .none
            use(linkChooser.links[linkChooser.cursor], copy: action == .copyLink || (action != .openLink && linkChooser.copy))
        case .chooseLink(let n):
            guard linkChooser.links.indices.contains(n - 1) else { return }
            overlay = .none
            use(linkChooser.links[n - 1], copy: linkChooser.copy)
        case .back, .click, .quit: overlay = .none
        default: break
        }
    }

    /// Hands the address to the run loop and says what was done with it.
    private mutating func use(_ link: LabelledLink, copy: Bool) {
        guard SessionLink.isWeb(link.url) else { return }
        effects.append(copy ? .copyURL(link.url) : .openURL(link.url))
        notify(copy ? strings.copied(link.url) : strings.opening(link.url), until: now.addingTimeInterval(5))
    }
}

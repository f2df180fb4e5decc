import Foundation
import AgendaModel

/// A friend's stars shown beside yours (`agenda --with FILE`): theirs marked `☆`, the ones
/// you share `✦`, and where your choices part (yours and theirs at the same time) said.
public struct FriendStars: Sendable, Equatable {
    public var name: String
    public var keys: Set<String>
    /// Sessions of the programme only they starred.
    public internal(set) var theirs: [Int] = []
    /// Sessions one of you starred that overlap one only the other starred.
    public internal(set) var apart: Set<Int> = []

    public init(name: String, keys: Set<String>) {
        self.name = name
        self.keys = keys
    }
}

extension AppState {
    mutating func setFriend(name: String, keys: Set<String>) {
        friend = FriendStars(name: name, keys: keys)
        refreshFriend()
    }

    /// Works out whose stars are whose and where you part, after either list or the programme changes.
    mutating func refreshFriend() {
        guard var friend else { return }
        let sessions = schedule.sessions
        let theirs = sessions.indices.filter { friend.keys.contains(sessions[$0].key) }
        let mineOnly = favouriteIndices.filter { !friend.keys.contains(sessions[$0].key) }
        let theirsOnly = theirs.filter { !favourites.contains(sessions[$0].key) }
        var apart: Set<Int> = []
        for mine in mineOnly {
            for other in theirsOnly where sessions[other].start < sessions[mine].end && sessions[mine].start < sessions[other].end {
                apart.insert(mine)
                apart.insert(other)
            }
        }
        friend.theirs = theirs
        friend.apart = apart
        self.friend = friend
    }

    public enum Starred: Sendable { case mine, theirs, both }

    /// Whose star the session carries, when any.
    public func starred(_ index: Int) -> Starred? {
        let key = schedule.sessions[index].key
        let mine = favourites.contains(key), theirs = friend?.keys.contains(key) == true
        switch (mine, theirs) {
        case (true, true): return .both
        case (true, false): return .mine
        case (false, true): return .theirs
        case (false, false): return nil
        }
    }

    /// The mark of a friend's star (`☆`) and of one you share (`✦`); ASCII where marks are folded
    /// (`☆` would fold to the `*` of your own stars).
    public func friendMark(_ starred: Starred) -> String {
        switch starred {
        case .mine: glyphs.folds ? "*" : "★"
        case .both: glyphs.folds ? "#" : "✦"
        case .theirs: glyphs.folds ? "+" : "☆"
        }
    }

    /// The sessions of the other list that run at the same time as `index`, when you part there.
    public func apartPartners(of index: Int) -> [Int] {
        guard let friend, friend.apart.contains(index) else { return [] }
        let session = schedule.sessions[index]
        let mine = favourites.contains(session.key)
        return friend.apart.sorted().filter { other in
            other != index && favourites.contains(schedule.sessions[other].key) != mine
                && schedule.sessions[other].start < session.end && session.start < schedule.sessions[other].end
        }
    }
}

import Foundation

/// Whether a session will be recorded and where to watch it, from what the publisher wrote:
/// the session's own word first, then its room's.
extension Schedule {
    /// Room policies under which a session that says nothing is not recorded.
    static let unrecordedRoomPolicies: Set<String> = ["recording_forbidden", "recording_not_possible", "not_recorded_by_default"]

    /// The publisher says the session will not be recorded.
    public func isNotRecorded(_ session: Session) -> Bool {
        if let own = session.doNotRecord { return own }
        guard let room = session.room, let policy = conference.roomRecording[room] else { return false }
        return Self.unrecordedRoomPolicies.contains(policy)
    }

    public func isNotRecorded(at index: Int) -> Bool { isNotRecorded(sessions[index]) }

    /// The session's links, then its room's stream when that is an address and the session
    /// is streamed: what `o` offers.
    public func links(of session: Session) -> [SessionLink] {
        var links = session.links
        if session.doNotStream != true, let room = session.room, let stream = conference.roomStreams[room],
           SessionLink.isWeb(stream), !links.contains(where: { $0.url == stream }) {
            links.append(SessionLink(title: nil, url: stream, kind: .stream))
        }
        return links
    }

    /// The room's stream id as the file gives it, when it is not an address.
    public func streamID(of session: Session) -> String? {
        guard session.doNotStream != true, let room = session.room, let stream = conference.roomStreams[room],
              !SessionLink.isWeb(stream) else { return nil }
        return stream
    }
}

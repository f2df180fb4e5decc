import AgendaModel

extension Schedule {
    /// A short digest of what the board shows from this version (FNV-1a over each session's
    /// key, times, room and title): the same on every screen that shows the same version.
    var kioskVersion: String {
        var hash = FNV1a()
        for session in sessions {
            hash.add("\(session.key)|\(session.start.timeIntervalSince1970)|\(session.end.timeIntervalSince1970)|\(session.room ?? "")|\(session.title)\n".utf8)
        }
        let hex = String(hash.value >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

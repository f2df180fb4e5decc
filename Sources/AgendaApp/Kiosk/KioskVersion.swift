import AgendaModel

extension Schedule {
    /// A short digest of what the board shows from this version (FNV-1a over each session's
    /// key, times, room and title): the same on every screen that shows the same version.
    var kioskVersion: String {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for session in sessions {
            for byte in "\(session.key)|\(session.start.timeIntervalSince1970)|\(session.end.timeIntervalSince1970)|\(session.room ?? "")|\(session.title)\n".utf8 {
                value ^= UInt64(byte)
                value = value &* 0x100_0000_01b3
            }
        }
        let hex = String(value >> 32, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

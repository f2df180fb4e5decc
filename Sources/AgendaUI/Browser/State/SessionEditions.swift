import AgendaModel

/// A session's texts in the order a screen shows them: the edition in the interface's
/// language first (the Chinese one under `--lang zh`, when merged in), the other after it.
struct SessionEditions {
    let lead: SessionTranslation
    let other: SessionTranslation?

    init(_ session: Session, chineseFirst: Bool) {
        let own = SessionTranslation(session, language: session.language ?? "")
        guard let chinese = session.translation("zh") else {
            lead = own
            other = nil
            return
        }
        (lead, other) = chineseFirst ? (chinese, own) : (own, chinese)
    }
}

extension AppState {
    /// The title a list row or timetable box shows: the Chinese edition's under `--lang zh`.
    func title(of session: Session) -> String {
        session.leadTitle(chinese: strings.language == .zh)
    }

    /// The room a list row shows: the Chinese edition's name under `--lang zh`.
    func room(of session: Session) -> String? {
        session.leadRoom(chinese: strings.language == .zh)
    }

    /// Whether the list names each row's room: not under a heading that already does.
    var listShowsRoom: Bool { list != .day(.byRoom) && list != .day(.nowNext) }
}

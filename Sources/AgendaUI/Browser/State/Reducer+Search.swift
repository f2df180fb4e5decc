import AgendaModel

extension AppState {
    /// Keys while the search line is open. Returns false for actions the list should handle
    /// (moving the selection while typing is allowed).
    mutating func applyWhileSearching(_ action: Action) -> Bool {
        switch action {
        case .searchType(let character):
            search.query.append(character)
            runSearch(narrowing: true)
        case .searchErase:
            guard !search.query.isEmpty else { return true }
            search.query.removeLast()
            runSearch(narrowing: false)
        case .searchDone:
            search.editing = false
        case .back:
            cancelSearch()
        default:
            return false
        }
        return true
    }

    /// Ends the search on the session chosen in it: the list returns to that session's day.
    mutating func clearSearch() {
        search = SearchState()
        if special == nil, mode != .nowNext,
           let selected, let sessionDay = schedule.dayIndex(ofSession: selected), sessionDay != day {
            day = sessionDay
            timetable = TimetablePosition()
        }
        rebuildRows(keepSelection: true)
    }

    /// Esc while typing: the search is dropped and the list returns to where it was before `/`.
    mutating func cancelSearch() {
        guard let origin = search.origin else { return clearSearch() }
        search = SearchState()
        special = origin.special
        day = origin.day
        timetable = origin.timetable
        selected = origin.selected
        place = origin.selected ?? place
        rebuildRows(keepSelection: true)
        listTop = origin.listTop
        if selected == origin.selected { detailTop = origin.detailTop }
        clampScrolling()
    }

    /// Filters as you type. One more letter only needs to look inside the previous matches,
    /// and Backspace returns to a result already computed.
    mutating func runSearch(narrowing: Bool) {
        if searchIndex == nil { searchIndex = SearchIndex(schedule.sessions) }
        let folded = searchIndex!.fold(search.query)
        if narrowing {
            let within = !search.folded.isEmpty && folded.starts(with: search.folded) ? search.hits : nil
            if !search.folded.isEmpty { search.earlier.append((search.folded, search.hits)) }
            search.hits = searchIndex!.search(folded, within: within)
        } else {
            while let last = search.earlier.last, last.0.count > folded.count { search.earlier.removeLast() }
            if let last = search.earlier.last, last.0 == folded {
                search.hits = last.1
                search.earlier.removeLast()
            } else {
                search.hits = searchIndex!.search(folded)
            }
        }
        search.setFolded(folded)
        rebuildRows(keepSelection: true)
    }

    /// Installs an index built elsewhere for the schedule numbered `version`; a stale one is ignored.
    mutating func installSearchIndex(_ index: SearchIndex, version: Int) {
        guard searchIndex == nil, version == scheduleVersion else { return }
        searchIndex = index
    }

    /// Why a session is among the results when its title does not say: the speaker, room or
    /// track that matched, or that the words are in its text. Nil when the title (or the
    /// subtitle) matches. Only short fields are looked at: a result none of them explains
    /// matched in its text, which the index has already said.
    public func matchCue(_ index: Int) -> String? {
        guard !search.folded.isEmpty, matchRanges(in: title(of: schedule.sessions[index])).isEmpty else { return nil }
        return matchCue(untitled: index)
    }

    /// `matchCue` for a result whose title is known not to hold the query (the list has just
    /// looked for it there to highlight it).
    func matchCue(untitled index: Int) -> String? {
        let session = schedule.sessions[index]
        let words = search.words
        var folding = SearchFolding()
        func has(_ text: String?) -> Bool { text.map { !folding.matches(ofWords: words, in: $0).isEmpty } ?? false }
        if has(session.subtitle) { return nil }
        if let person = session.persons.first(where: has) { return strings.cueSpeaker(person) }
        if has(session.room) { return strings.cueRoom }
        if has(session.track) { return strings.cueTrack }
        return strings.cueText
    }

    /// Where the query occurs in `text`, for highlighting (scalar offsets).
    public func matchRanges(in text: String) -> [Range<Int>] {
        guard !search.words.isEmpty else { return [] }
        // Folding caches what it decomposes for the whole process: a fresh one costs nothing.
        var folding = SearchFolding()
        return folding.matches(ofWords: search.words, in: text)
    }
}

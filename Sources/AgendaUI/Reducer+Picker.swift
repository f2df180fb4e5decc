import AgendaModel

extension AppState {
    /// `p`: rooms, tracks, languages and types of the schedule, each with a check box.
    mutating func openPicker() {
        var items: [PickerState.Item] = []
        let titles: [Filter.Facet: String] = [.room: strings.rooms, .track: strings.tracks,
                                              .language: strings.languages, .type: strings.types]
        for facet in Filter.Facet.allCases {
            // Rooms in the publisher's order, every one; other facets sorted.
            let values = facet == .room ? rooms.names
                : Set(schedule.sessions.map { Filter.value(of: $0, facet) })
                    .sorted { $0.localizedStandardCompare($1) == .orderedAscending }
            guard values.count > 1 else { continue }  // nothing to choose between
            items.append(.init(facet: facet, value: nil, label: titles[facet]!))
            for value in values {
                let label = value.isEmpty ? (facet == .track ? strings.noTrack : facet == .room ? strings.noRoom : "–") : value
                items.append(.init(facet: facet, value: value, label: label))
            }
        }
        picker = PickerState(items: items, cursor: items.firstIndex { $0.value != nil } ?? 0, top: 0)
        overlay = .picker
    }

    mutating func applyInPicker(_ action: Action) {
        let items = picker.items
        switch action {
        case .move(let n): movePicker(by: n)
        case .page(let n): movePicker(by: n * max(1, PickerView.visibleRows(self) - 1))
        case .toggleFavourite, .open:
            guard items.indices.contains(picker.cursor), let value = items[picker.cursor].value else { return }
            let facet = items[picker.cursor].facet
            var hidden = filter.hidden[facet, default: []]
            if hidden.contains(value) { hidden.remove(value) } else { hidden.insert(value) }
            filter.hidden[facet] = hidden
            rebuildRows(keepSelection: true)
        case .pickerAll:
            guard items.indices.contains(picker.cursor) else { return }
            let facet = items[picker.cursor].facet
            let all = Set(items.filter { $0.facet == facet }.compactMap(\.value))
            filter.hidden[facet] = filter.hidden[facet, default: []].isEmpty ? all : []
            rebuildRows(keepSelection: true)
        case .back, .togglePicker, .click:
            overlay = .none
        default:
            break
        }
        let visible = PickerView.visibleRows(self)
        if picker.cursor < picker.top + 1 { picker.top = max(0, picker.cursor - 1) }
        if picker.cursor >= picker.top + visible { picker.top = picker.cursor - visible + 1 }
    }

    /// Moves over `n` choices; section headings are passed over.
    private mutating func movePicker(by n: Int) {
        let items = picker.items
        let step = n > 0 ? 1 : -1
        var next = picker.cursor
        for _ in 0..<abs(n) {
            var candidate = next + step
            while items.indices.contains(candidate), items[candidate].value == nil { candidate += step }
            guard items.indices.contains(candidate) else { break }
            next = candidate
        }
        picker.cursor = next
    }
}

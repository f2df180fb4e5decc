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
        picker = PickerState(items: items, all: items, cursor: items.firstIndex { $0.value != nil } ?? 0, top: 0)
        overlay = .picker
    }

    mutating func applyInPicker(_ action: Action) {
        let items = picker.items
        switch action {
        case .move(let n): movePicker(by: n)
        case .page(let n): movePicker(by: n * max(1, PickerView.visibleRows(self) - 1))
        case .first: movePicker(by: -items.count)
        case .last: movePicker(by: items.count)
        case .pickerFind: picker.typing = true
        case .pickerType(let c):
            picker.query.append(c)
            narrowPicker()
        case .pickerErase:
            if !picker.query.isEmpty { picker.query.removeLast() }
            narrowPicker()
        case .pickerDone: picker.typing = false
        case .pickerToggle:
            guard items.indices.contains(picker.cursor), let value = items[picker.cursor].value else { return }
            let facet = items[picker.cursor].facet
            var hidden = filter.hidden[facet, default: []]
            if hidden.contains(value) { hidden.remove(value) } else { hidden.insert(value) }
            hide(hidden, in: facet)
        case .pickerAll:
            guard items.indices.contains(picker.cursor) else { return }
            let facet = items[picker.cursor].facet
            // All of the facet, or, while narrowed, all of what the query left.
            let all = Set(picker.all.filter { $0.facet == facet }.compactMap(\.value))
            let chosen = picker.query.isEmpty ? all : Set(items.filter { $0.facet == facet }.compactMap(\.value))
            let hidden = filter.hidden[facet, default: []]
            if picker.query.isEmpty {
                hide(hidden.isEmpty ? all : [], in: facet)
            } else {
                // "Only these": hide the rest of the facet, or show them all again.
                let rest = all.subtracting(chosen)
                hide(hidden == rest ? [] : rest, in: facet)
            }
        case .clearFilter: clearFilter()
        case .back where picker.typing || !picker.query.isEmpty:
            picker.typing = false
            picker.query = ""
            narrowPicker()
        case .back, .togglePicker, .click:
            overlay = .none
        default:
            break
        }
        let visible = PickerView.visibleRows(self)
        if picker.cursor < picker.top + 1 { picker.top = max(0, picker.cursor - 1) }
        if picker.cursor >= picker.top + visible { picker.top = picker.cursor - visible + 1 }
        picker.top = max(0, min(picker.top, picker.items.count - visible))
    }

    private mutating func hide(_ hidden: Set<String>, in facet: Filter.Facet) {
        var new = filter
        new.hidden[facet] = hidden.isEmpty ? nil : hidden
        setFilter(new)
        rebuildRows(keepSelection: true)
        effects.append(.filterChanged)
    }

    /// `x`: every room, track, language and type shown again.
    mutating func clearFilter() {
        guard filter.isActive else { return }
        setFilter(Filter())
        rebuildRows(keepSelection: true)
        effects.append(.filterChanged)
    }

    /// A filter kept from an earlier run (values no longer in the schedule hide nothing).
    mutating func restoreFilter(_ hidden: [Filter.Facet: Set<String>]) {
        setFilter(Filter(hidden: hidden.filter { !$0.value.isEmpty }))
        rebuildRows(keepSelection: true)
        if isRunning { apply(.jumpToNow) }
    }

    /// Keeps the choices the query names as `--room` would (`NameMatch.fits`: words of the label
    /// begun, case and accents aside), with their headings.
    private mutating func narrowPicker() {
        let current = picker.items.indices.contains(picker.cursor) ? picker.items[picker.cursor] : nil
        var shown: [PickerState.Item] = []
        var heading: PickerState.Item?
        for item in picker.all {
            guard item.value != nil else { heading = item; continue }
            guard NameMatch.fits(picker.query, item.label) else { continue }
            if let h = heading { shown.append(h); heading = nil }
            shown.append(item)
        }
        picker.items = shown
        picker.cursor = current.flatMap { c in shown.firstIndex(of: c) } ?? shown.firstIndex { $0.value != nil } ?? 0
        picker.top = 0
    }

    /// Moves over `n` choices; section headings are passed over.
    private mutating func movePicker(by n: Int) {
        let items = picker.items
        guard n != 0 else { return }
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

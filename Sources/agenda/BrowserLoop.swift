import Foundation
import AgendaModel
import AgendaRemote
import AgendaTerminal
import AgendaUI

/// Runs the full-screen browser until the user quits or a signal arrives.
struct BrowserLoop {
    struct Settings {
        var theme: ThemeName
        var language: Strings.Language
        var reminderLead: TimeInterval
        var bell: Bool
        var glyphs: GlyphsChoice = .auto
        var screenReader = false
    }

    /// The schedule shown first: the whole programme, or the day read ahead of `rest` (let go
    /// of when the whole arrives).
    private(set) var schedule: Schedule
    let clock: SimulatedClock
    let settings: Settings
    /// Set when the schedule is a cached copy standing in for an unreachable URL.
    var stale: StaleNote?
    /// The source of the schedule, checked for new versions every `refreshEvery` seconds (`--refresh`).
    var source: ScheduleSource?
    var refreshEvery: TimeInterval?
    /// The whole file being read while `schedule` is one day of it, and whether that day is today.
    var rest: (whole: WholeFileRead, isToday: Bool)?
    /// Applied to every new version (`--zone`).
    var adjust: @Sendable (Schedule) -> Schedule = { $0 }
    private var strings: Strings { .for(settings.language) }

    /// Returns the exit status: 0, 2 for an unusable terminal, or 128+signal.
    mutating func run() -> Int32 {
        TerminalLocale.setUp()
        do {
            try Terminal.preflight(environment: ProcessInfo.processInfo.environment)
        } catch {
            printError(error.message(settings.language))
            return ExitStatus.unusableTerminal
        }
        let store = FavouritesStore(conference: schedule.conference)
        let stored = store.load()
        if let warning = stored.warning { printError(strings.warning + warning) }
        // Stars of an old key form are found against the whole programme, not one day of it.
        let starred = rest == nil ? FavouritesMigration.apply(store, stored: stored.keys, schedule: schedule) : stored.keys
        let favourites = FavouritesSync(store: store)
        // Before curses: a cache folder that fails its checks is said on a plain terminal.
        let snapshots = Snapshots.store()

        // Before curses starts, so that ncurses does not install its own handlers for these;
        // and before the probe, so a Ctrl-C while it waits cannot leave echo off.
        Signals.install()
        let glyphs = settings.glyphs.resolve(environment: ProcessInfo.processInfo.environment,
                                             screenReader: settings.screenReader)
        let terminal: Terminal
        do {
            terminal = try Terminal(options: .init(theme: settings.theme, showCursor: settings.screenReader))
        } catch {
            printError(error.message(settings.language))
            return ExitStatus.unusableTerminal
        }
        defer { terminal.stop() }

        var state = AppState(schedule: schedule, size: terminal.size, now: clock.now(), measure: terminal.measure,
                             strings: .for(settings.language), favourites: starred)
        state.reminderLead = settings.reminderLead
        state.bellEnabled = settings.bell
        state.glyphs = glyphs
        state.screenReader = settings.screenReader
        state.setStaleNote(stale)
        // The rooms and tracks chosen last time for this conference.
        let filters = FilterStore(conference: schedule.conference)
        let kept = filters.load()
        if !kept.isEmpty {
            state.restoreFilter(Dictionary(uniqueKeysWithValues: kept.compactMap { name, values in
                Filter.Facet(rawValue: name).map { ($0, values) } }))
        }
        state.apply(.tick(clock.now()))
        if let rest {
            // The day read ahead: opened on what is on now when it is today, as the whole will be.
            if rest.isToday { state.apply(.jumpToNow) }
            state.readingRest = true
        }
        terminal.useTrackColours(state.tintColours)
        terminal.present(Screen.render(state))
        rest?.whole.start()
        CacheWrites.start()
        var saveError: String?
        var background: BackgroundIndex?
        var indexed: [Session] = []
        var refresher: BackgroundRefresh?
        /// The whole programme is on screen: fold its search text on the other core while the
        /// user reads (or map the index kept from last time), and check for new versions.
        func wholeShown(_ schedule: Schedule, source: ScheduleSource?) {
            background = BackgroundIndex(schedule.sessions, store: snapshots)
            indexed = schedule.sessions
            // New versions are fetched and parsed off the main thread; a 304 never reaches this loop.
            if let source, let refreshEvery { refresher = BackgroundRefresh([(0, source)], every: refreshEvery) }
        }
        var reading = rest?.whole
        if reading == nil { wholeShown(schedule, source: source) }
        /// Whether a key or click changed what the day read ahead shows (then the whole keeps it).
        var touched = false

        while !state.shouldQuit, Signals.caught == 0, !terminal.inputClosed {
            // Wake at least twice a second for signals and the clock, and often while the rest
            // of the file is read; draw only on change.
            let input = terminal.nextInput(timeout: reading == nil ? 500 : 10)
            var changed = false
            if let whole = reading, let result = whole.take() {
                reading = nil
                switch result {
                case .success(let loaded):
                    schedule = adjust(loaded.schedule)
                    state.replaceSchedule(schedule)
                    state.readingRest = false
                    if !touched { state.showOpening() }
                    let migrated = FavouritesMigration.apply(store, stored: stored.keys, schedule: schedule)
                    if migrated != stored.keys { state.setFavourites(migrated) }
                    terminal.useTrackColours(state.tintColours)
                    wholeShown(schedule, source: loaded.source)
                    rest = nil
                    changed = true
                case .failure(let error):
                    terminal.stop()
                    if let saveError { printError(strings.warning + saveError) }
                    return SourceLoading.report(error, whole.source, language: settings.language).rawValue
                }
            }
            if state.needsSearchIndex, let index = background?.take() {
                state.installSearchIndex(index, for: indexed)
            }
            for (_, outcome) in refresher?.take() ?? [] {
                switch outcome {
                case .updated(let fetched):
                    let newer = adjust(fetched)
                    state.replaceSchedule(newer)
                    state.setStaleNote(nil)
                    background = BackgroundIndex(newer.sessions, store: snapshots)
                    indexed = newer.sessions
                    terminal.useTrackColours(state.tintColours)
                case .stale(let note): state.setStaleNote(note)
                case .restored, .unchanged: state.setStaleNote(nil)
                }
                changed = true
            }
            if let input, let action = KeyMap.action(for: input, in: state) {
                state.apply(action)
                if case .resize = action {} else { touched = true }
                changed = true
            }
            let now = clock.now()
            if Int(now.timeIntervalSince1970 / 60) != Int(state.now.timeIntervalSince1970 / 60) {
                state.apply(.tick(now))
                changed = true
            }
            for effect in state.takeEffects() {
                switch effect {
                case .bell: terminal.bell()
                case .exportFavourites:
                    let text: String
                    do {
                        let (file, count) = try FavouritesExport.write(state.schedule, favourites: state.favourites)
                        text = state.strings.exported(count, Sanitizer.line(file.path))
                    } catch {
                        text = "⚠ " + state.strings.exportFailed(Sanitizer.line(FavouritesExport.file(for: state.schedule.conference).path))
                    }
                    state.notify(text, until: now.addingTimeInterval(30))
                    changed = true
                case .filterChanged:
                    do {
                        try filters.save(Dictionary(uniqueKeysWithValues: state.filter.hidden.map { ($0.key.rawValue, $0.value) }))
                    } catch {
                        state.notify("⚠ " + strings.couldNotSaveFilter(Sanitizer.line(filters.file.path)), until: now.addingTimeInterval(30))
                    }
                    changed = true
                case .favouriteChanged(let key, let starred):
                    do {
                        state.setFavourites(try favourites.record(key: key, starred: starred))
                        saveError = nil
                    } catch {
                        saveError = strings.couldNotSaveFavourites(store.file.path) + ": \(error)"
                        state.notify("⚠ " + Sanitizer.line(saveError!), until: now.addingTimeInterval(60))
                    }
                    changed = true
                }
            }
            // Stars another browser made, and stars of ours that could not be written before.
            if let keys = favourites.poll(now: Date()) {
                state.setFavourites(keys)
                saveError = nil
                changed = true
            }
            if changed, !state.shouldQuit { terminal.present(Screen.render(state)) }
        }
        terminal.stop()
        if let saveError { printError(strings.warning + saveError) }
        let signal = Signals.caught
        // Quit before the whole file was read: a file unreadable further on still says so, with
        // its status, as it would have before anything was shown (a signal does not wait).
        if signal == 0, let whole = reading, case .failure(let error) = whole.wait() {
            return SourceLoading.report(error, whole.source, language: settings.language).rawValue
        }
        return signal == 0 ? 0 : 128 + signal
    }
}

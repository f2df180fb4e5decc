import Foundation
import AgendaModel
import AgendaSources
import AgendaUI
import AgendaCanvas

/// The full-screen browser: keys and background results in, frames and effects out.
///
/// A small interpreter around `AppState`: every change to what is shown is an `Action` through
/// its reducer; the effects the reducer asks for (a star to save, the bell, an export) are
/// carried out here. Background work (the whole file, the search index, refreshes) reports
/// through one mailbox. The terminal and the clock are protocols, so tests drive the whole
/// browser in-process.
public final class BrowserLoop {
    public struct Configuration {
        public var language: Strings.Language
        public var settings: BrowserSettings
        /// For the favourites, filter and export files (XDG folders, HOME).
        public var environment: [String: String]
        /// Where search indexes are kept (nil: built each time).
        public var snapshots: SnapshotStore?
        /// The source, checked for new versions every `refreshEvery` seconds (`--refresh`).
        public var source: ScheduleSource?
        public var refreshEvery: TimeInterval?
        /// Set when the schedule is a cached copy standing in for an unreachable URL.
        public var stale: StaleNote?
        /// Applied to every new version (`--zone`).
        public var adjust: @Sendable (Schedule) -> Schedule
        /// Opens a web address in the user's browser (`LinkOpener`); false when it could not.
        public var openLink: @Sendable (String) -> Bool
        /// A friend's list to show beside yours (`--with FILE`): their name and stars.
        public var friend: (name: String, keys: Set<String>)?
        /// The venue's extras for its rooms (`--venue FILE`): shown in the detail.
        public var venue: VenueRooms?

        public init(language: Strings.Language = .en, settings: BrowserSettings = BrowserSettings(),
                    environment: [String: String] = ProcessInfo.processInfo.environment,
                    snapshots: SnapshotStore? = nil, source: ScheduleSource? = nil, refreshEvery: TimeInterval? = nil,
                    stale: StaleNote? = nil, adjust: @escaping @Sendable (Schedule) -> Schedule = { $0 },
                    openLink: (@Sendable (String) -> Bool)? = nil) {
            self.language = language
            self.settings = settings
            self.environment = environment
            self.snapshots = snapshots
            self.source = source
            self.refreshEvery = refreshEvery
            self.stale = stale
            self.adjust = adjust
            self.openLink = openLink ?? { [environment] url in LinkOpener.open(url, environment: environment) }
        }
    }

    /// How the browser ended.
    public enum End: Sendable {
        case quit
        /// Terminal input ended (EOF, hang-up).
        case inputClosed
        case signal(Int32)
        /// The whole file, read after its first day was shown, does not read.
        case wholeReadFailed(SourceError, ScheduleSource)
    }

    /// What background work posts.
    enum Arrival: Sendable {
        case action(Action)
        case refresh(ScheduleSource.Refresh)
    }

    public private(set) var state: AppState
    /// Said on stderr once the terminal is restored (a star that could not be saved).
    public private(set) var warnings: [String] = []
    private let terminal: any TerminalDevice
    private let clock: any TimeSource
    private let configuration: Configuration
    private let stopSignal: () -> Int32
    private var strings: Strings { .for(configuration.language) }

    private let store: FavouritesStore
    private let stored: Set<String>
    private let favourites: FavouritesSync
    private let filters: FilterStore
    private let mailbox = Mailbox<Arrival>()
    /// The whole file being read while the state shows one day of it.
    private var reading: WholeFileRead?
    /// A key or click changed what the day read ahead shows (then the whole keeps it).
    private var touched = false
    private var saveError: String?

    /// The favourites file of `conference`, read before the terminal starts (so that a warning
    /// about it is printed where it can be read).
    public static func stars(of conference: Conference, environment: [String: String]) -> FavouritesStore.LoadResult {
        FavouritesStore(conference: conference, environment: environment).load()
    }

    /// `rest`: the whole file being read while `schedule` is the day it opens on, and whether
    /// that day is today. `stars`: the favourites file as read (`stars(of:)`; read here when
    /// nil). `stopSignal`: a terminating signal caught (0: none).
    public init(schedule: Schedule, rest: (whole: WholeFileRead, isToday: Bool)? = nil,
                stars: FavouritesStore.LoadResult? = nil,
                terminal: any TerminalDevice, clock: any TimeSource, configuration: Configuration,
                stopSignal: @escaping () -> Int32 = { Signals.caught }) {
        self.terminal = terminal
        self.clock = clock
        self.configuration = configuration
        self.stopSignal = stopSignal
        store = FavouritesStore(conference: schedule.conference, environment: configuration.environment)
        let loaded = stars ?? store.load()
        stored = loaded.keys
        // Stars of an old key form are found against the whole programme, not one day of it.
        let starred = rest == nil ? FavouritesMigration.apply(store, stored: stored, schedule: schedule) : stored
        favourites = FavouritesSync(store: store)
        filters = FilterStore(conference: schedule.conference, environment: configuration.environment)
        var settings = configuration.settings
        settings.readingAhead = rest != nil
        state = AppState(schedule: schedule, size: terminal.size, now: clock.now(), measure: terminal.measure,
                         strings: .for(configuration.language), favourites: starred, settings: settings)
        reading = rest?.whole
        if stars == nil, let warning = loaded.warning { warnings.append(strings.warning + warning) }
        state.apply(.sourceStale(configuration.stale))
        // The rooms and tracks chosen last time for this conference.
        let kept = filters.load()
        if !kept.isEmpty {
            state.apply(.filterRestored(Dictionary(uniqueKeysWithValues: kept.compactMap { name, values in
                Filter.Facet(rawValue: name).map { ($0, values) } })))
        }
        if let friend = configuration.friend { state.apply(.friendList(name: friend.name, keys: friend.keys)) }
        if let venue = configuration.venue { state.apply(.venueRooms(venue)) }
        state.apply(.tick(clock.now()))
        // The day read ahead: opened on what is on now when it is today, as the whole will be.
        if rest?.isToday == true { state.apply(.jumpToNow) }
    }

    /// Runs until the user quits, input ends or a signal arrives; the terminal is stopped.
    public func run() -> End {
        start()
        while step() {}
        return finish()
    }

    /// The first frame, then the work that waits for it.
    public func start() {
        terminal.useTrackColours(state.tintColours)
        terminal.present(Screen.render(state))
        reading?.start()
        CacheWrites.start()
        if reading == nil { wholeShown(source: configuration.source) }
    }

    /// One turn: an input (waiting for it at most a moment), background results, the clock,
    /// the effects; a frame when anything changed. False when the browser should end.
    @discardableResult
    public func step() -> Bool {
        guard !state.shouldQuit, stopSignal() == 0, !terminal.inputClosed else { return false }
        // Wake at least twice a second for signals and the clock, and often while the rest of
        // the file is read; draw only on change.
        let input = terminal.nextInput(timeout: reading == nil ? 500 : 10)
        var changed = false
        if let whole = reading, let result = whole.take() {
            reading = nil
            switch result {
            case .success(let loaded):
                let schedule = configuration.adjust(loaded.schedule)
                state.apply(.wholeFileRead(schedule, reopen: !touched))
                let migrated = FavouritesMigration.apply(store, stored: stored, schedule: schedule)
                if migrated != stored { state.apply(.favouritesChanged(migrated)) }
                terminal.useTrackColours(state.tintColours)
                wholeShown(source: loaded.source)
                changed = true
            case .failure(let error):
                failedWhole = (error, whole.source)
                return false
            }
        }
        for arrival in mailbox.take() {
            switch arrival {
            case .action(let action): state.apply(action)
            case .refresh(.updated(let fetched)):
                state.apply(.refreshed(configuration.adjust(fetched)))
                SearchIndexWork.start(state.schedule.sessions, store: configuration.snapshots,
                                      version: state.scheduleVersion, into: mailbox)
                terminal.useTrackColours(state.tintColours)
            case .refresh(.stale(let note)): state.apply(.sourceStale(note))
            case .refresh(.restored), .refresh(.unchanged): state.apply(.sourceStale(nil))
            }
            changed = true
        }
        if let input, let action = KeyMap.action(for: input, in: state) {
            state.apply(action)
            switch action {
            case .resize, .redraw, .glyphsLearnt: break
            default: touched = true
            }
            changed = true
        }
        let now = clock.now()
        if Int(now.timeIntervalSince1970 / 60) != Int(state.now.timeIntervalSince1970 / 60) {
            state.apply(.tick(now))
            changed = true
        }
        if perform(state.takeEffects(), now: now) { changed = true }
        // Stars another browser made, and stars of ours that could not be written before.
        if let keys = favourites.poll(now: Date()) {
            state.apply(.favouritesChanged(keys))
            saveError = nil
            changed = true
        }
        if changed, !state.shouldQuit { terminal.present(Screen.render(state)) }
        return true
    }

    private var failedWhole: (SourceError, ScheduleSource)?

    /// Stops the terminal and says how the browser ended.
    public func finish() -> End {
        terminal.stop()
        if let saveError { warnings.append(strings.warning + saveError) }
        if let (error, source) = failedWhole { return .wholeReadFailed(error, source) }
        let signal = stopSignal()
        if signal != 0 { return .signal(signal) }
        // Quit before the whole file was read: a file unreadable further on still says so, as
        // it would have before anything was shown (a signal does not wait).
        if let whole = reading, case .failure(let error) = whole.wait() { return .wholeReadFailed(error, whole.source) }
        return state.shouldQuit ? .quit : .inputClosed
    }

    /// The whole programme is on screen: fold its search text on another thread while the
    /// user reads (or map the index kept from last time), and check for new versions.
    private func wholeShown(source: ScheduleSource?) {
        SearchIndexWork.start(state.schedule.sessions, store: configuration.snapshots,
                              version: state.scheduleVersion, into: mailbox)
        // New versions are fetched and parsed off the main thread; a 304 never reaches this loop.
        if let source, let every = configuration.refreshEvery {
            SourceWatch.start([(0, source)], every: every, into: mailbox) { .refresh($0.1) }
        }
    }

    /// Carries out what the reducer asked for; true when that changed the screen.
    private func perform(_ effects: [Effect], now: Date) -> Bool {
        var changed = false
        for effect in effects {
            switch effect {
            case .bell: terminal.bell()
            case .openURL(let url):
                if !configuration.openLink(url) {
                    state.apply(.notice("⚠ " + state.strings.couldNotOpen(Sanitizer.line(url)), until: now.addingTimeInterval(30)))
                    changed = true
                }
            case .copyURL(let url): terminal.send(.copy(url))
            case .notify(let title, let body): terminal.send(.notify(title: title, body: body))
            case .redraw:
                terminal.invalidate()
                changed = true
            case .proposeExport:
                let file = FavouritesExport.file(for: state.schedule.conference, environment: configuration.environment)
                state.apply(.exportProposed(path: Sanitizer.line(file.path)))
                changed = true
            case .exportFavourites:
                let text: String
                do {
                    let (file, count) = try FavouritesExport.write(state.schedule, favourites: state.favourites,
                                                                   alarm: state.reminderLead, environment: configuration.environment)
                    text = state.strings.exported(count, Sanitizer.line(file.path))
                } catch {
                    let file = FavouritesExport.file(for: state.schedule.conference, environment: configuration.environment)
                    text = "⚠ " + state.strings.exportFailed(Sanitizer.line(file.path))
                }
                state.apply(.notice(text, until: now.addingTimeInterval(30)))
                changed = true
            case .filterChanged:
                do {
                    try filters.save(Dictionary(uniqueKeysWithValues: state.filter.hidden.map { ($0.key.rawValue, $0.value) }))
                } catch {
                    state.apply(.notice("⚠ " + strings.couldNotSaveFilter(Sanitizer.line(filters.file.path)),
                                        until: now.addingTimeInterval(30)))
                }
                changed = true
            case .favouriteChanged(let key, let starred):
                do {
                    state.apply(.favouritesChanged(try favourites.record(key: key, starred: starred)))
                    saveError = nil
                } catch {
                    let message = strings.couldNotSaveFavourites(store.file.path) + ": \(error)"
                    saveError = message
                    state.apply(.notice("⚠ " + Sanitizer.line(message), until: now.addingTimeInterval(60)))
                }
                changed = true
            }
        }
        return changed
    }
}

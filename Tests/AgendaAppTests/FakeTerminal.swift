import Foundation
import Synchronization
import AgendaApp
import AgendaCanvas
import AgendaUI

/// A terminal for driving the run loops in-process: inputs queued by the test, every frame
/// kept. When the inputs run out, input ends (as a hang-up would), so a loop always stops.
final class FakeTerminal: TerminalDevice {
    var size: Size
    let measure = TextMeasure.standard
    private(set) var inputClosed = false
    var inputs: [Input] = []
    private(set) var frames: [Canvas] = []
    private(set) var bells = 0
    private(set) var invalidations = 0
    private(set) var stopped = false
    private(set) var trackColours: [String] = []
    /// Inputs end when the queue is empty (false: the queue just answers nothing).
    var endWhenEmpty = true

    init(width: Int, height: Int) { size = Size(width: width, height: height) }

    func nextInput(timeout: Int32) -> Input? {
        guard !inputs.isEmpty else {
            if endWhenEmpty { inputClosed = true }
            return nil
        }
        let input = inputs.removeFirst()
        if case .resize(let new) = input { size = new }
        return input
    }

    func present(_ canvas: Canvas) { frames.append(canvas) }
    func invalidate() { invalidations += 1 }
    func bell() { bells += 1 }
    func useTrackColours(_ hexes: [String]) { trackColours = hexes }
    /// Every control sequence asked for, in order.
    private(set) var controls: [TerminalControl] = []
    func send(_ control: TerminalControl) { controls.append(control) }
    func stop() { stopped = true }

    /// The last frame as text.
    var screen: String { frames.last?.text() ?? "" }

    func type(_ text: String) { inputs += text.map { .key(.char($0)) } }
}

/// A clock the test moves.
final class FakeClock: TimeSource {
    private let current: Mutex<Date>
    init(_ start: Date) { current = Mutex(start) }
    func now() -> Date { current.withLock { $0 } }
    func advance(_ seconds: TimeInterval) { current.withLock { $0 = $0.addingTimeInterval(seconds) } }
}

/// A HOME with its own XDG folders, removed at the end of the test.
final class TemporaryHome {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-app-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }

    var environment: [String: String] {
        ["HOME": url.path, "XDG_STATE_HOME": url.path + "/state", "XDG_DATA_HOME": url.path + "/data",
         "XDG_CACHE_HOME": url.path + "/cache", "XDG_CONFIG_HOME": url.path + "/config"]
    }

    func file(_ name: String) -> URL { url.appendingPathComponent(name) }
}

/// Steps `step` until `done` or a generous hang guard (work on other threads is awaited).
func keepStepping(_ step: () -> Bool, until done: () -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(30)
    while !done() {
        guard Date() < deadline, step() else { return done() }
        Thread.sleep(forTimeInterval: 0.005)
    }
    return true
}

func date(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }

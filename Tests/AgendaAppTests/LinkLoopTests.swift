import Foundation
import Synchronization
import Testing
@testable import AgendaApp
import AgendaCanvas
import AgendaModel
import AgendaUI

/// The loop carries out `o` and `y`: the opener gets the address, the terminal the clipboard.
@Suite struct LinkLoopTests {
    static let schedule = """
        {"schedule": {"conference": {"title": "L", "time_zone_name": "UTC",
          "days": [{"date": "2030-01-01", "rooms": {"Hall": [
            {"id": 1, "guid": "a", "date": "2030-01-01T10:00:00+00:00", "duration": "00:30", "title": "Linked",
             "url": "https://e.org/talk/1", "feedback_url": "https://e.org/talk/1/feedback", "do_not_record": true}]}}]}}}
        """

    @Test func oOpensTheChosenLinkAndYCopiesIt() throws {
        let home = try TemporaryHome()
        let opened = Mutex<[String]>([])
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.inputs = [.key(.char("o")), .key(.char("2")), .key(.char("y")), .key(.enter)]
        let schedule = try ScheduleLoader.read(Data(Self.schedule.utf8), file: "l.json")
        let loop = BrowserLoop(schedule: schedule, terminal: terminal, clock: FakeClock(date("2030-01-01T09:00:00Z")),
                               configuration: .init(environment: home.environment,
                                                    openLink: { url in opened.withLock { $0.append(url) }; return true }),
                               stopSignal: { 0 })
        loop.start()
        #expect(terminal.screen.contains("⊘ Linked"), "\(terminal.screen)")
        while loop.step() {}
        #expect(opened.withLock { $0 } == ["https://e.org/talk/1/feedback"])
        #expect(terminal.controls == [.copy("https://e.org/talk/1")])
    }

    @Test func aBrowserThatCannotStartIsSaid() throws {
        let home = try TemporaryHome()
        let terminal = FakeTerminal(width: 100, height: 30)
        terminal.inputs = [.key(.char("o")), .key(.enter)]
        let schedule = try ScheduleLoader.read(Data(Self.schedule.utf8), file: "l.json")
        let loop = BrowserLoop(schedule: schedule, terminal: terminal, clock: FakeClock(date("2030-01-01T09:00:00Z")),
                               configuration: .init(environment: home.environment, openLink: { _ in false }), stopSignal: { 0 })
        loop.start()
        while loop.step() {}
        #expect(terminal.screen.contains("could not start a browser for https://e.org/talk/1"), "\(terminal.screen)")
    }

    @Test func theCommandComesFromBrowserOrXdgOpen() {
        let url = "https://e.org/a?b=c&d=$(reboot)"
        #expect(LinkOpener.command(for: url, environment: [:]) == ["xdg-open", url])
        #expect(LinkOpener.command(for: url, environment: ["BROWSER": "firefox:chromium"]) == ["firefox", url])
        #expect(LinkOpener.command(for: url, environment: ["BROWSER": "open -a Safari %s"]) == ["open", "-a", "Safari", url])
        #expect(LinkOpener.command(for: "file:///etc/passwd", environment: [:]) == nil)
        #expect(LinkOpener.command(for: "javascript:x", environment: ["BROWSER": "firefox"]) == nil)
    }

    /// Spawned with an argument vector: the address reaches the program as one argument,
    /// shell characters and all, and nothing runs them.
    @Test func theProgramGetsTheAddressAsOneArgument() throws {
        let home = try TemporaryHome()
        let script = home.file("browser.sh"), out = home.file("argv.txt"), marker = home.file("pwned")
        try Data("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"\(out.path)\"\n".utf8).write(to: script)
        chmod(script.path, 0o755)
        let url = "https://e.org/x;touch$IFS\(marker.path)?q='a b'"
        let environment = ["BROWSER": script.path, "PATH": "/usr/bin:/bin"]
        // Spaces are no web address: the same without them.
        let address = url.replacingOccurrences(of: " ", with: "%20")
        let argv = try #require(LinkOpener.command(for: address, environment: environment))
        let pid = try #require(LinkOpener.spawn(argv, environment: environment))
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == address + "\n")
        #expect(!FileManager.default.fileExists(atPath: marker.path))
    }
}

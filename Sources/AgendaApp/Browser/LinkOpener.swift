import Foundation
import Glibc
import AgendaModel

/// Opens a web address in the user's browser: the first program `$BROWSER` names (a list
/// separated by colons, `%s` standing for the address), else `xdg-open`. Started with an
/// argument vector (`posix_spawnp`), never through a shell, in a session of its own with its
/// input and output on /dev/null, so it cannot draw over the screen or read its keys.
public enum LinkOpener {
    /// The program and its arguments for `url`; nil for anything but an http(s) address.
    public static func command(for url: String, environment: [String: String]) -> [String]? {
        guard SessionLink.isWeb(url) else { return nil }
        let first = environment["BROWSER"]?.split(separator: ":").first.map(String.init) ?? ""
        let words = first.split(separator: " ").map(String.init)
        guard !words.isEmpty else { return ["xdg-open", url] }
        if words.contains(where: { $0.contains("%s") }) {
            return words.map { $0.replacingOccurrences(of: "%s", with: url) }
        }
        return words + [url]
    }

    /// Starts the command and waits for it on a thread of its own; false when it could not start.
    public static func open(_ url: String, environment: [String: String]) -> Bool {
        guard let command = command(for: url, environment: environment), let pid = spawn(command, environment: environment) else {
            return false
        }
        Thread.detachNewThread {
            var status: Int32 = 0
            _ = waitpid(pid, &status, 0)
        }
        return true
    }

    /// glibc's `POSIX_SPAWN_SETSID`, a GNU extension the Glibc module does not bring in.
    private static let newSession: Int32 = 0x80

    /// Starts `argv` (looked up on PATH) and gives its process id; the caller reaps it.
    static func spawn(_ argv: [String], environment: [String: String]) -> pid_t? {
        guard let program = argv.first else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // Its own session: no signal from our terminal (Ctrl-C, a hang-up) reaches it. Default
        // signal handling and an empty mask, whatever the browser set for itself.
        var defaults = sigset_t(), empty = sigset_t()
        sigfillset(&defaults)
        sigemptyset(&empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setflags(&attributes, Int16(Self.newSession | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let arguments = argv.map { strdup($0) } + [nil]
        let variables = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            arguments.forEach { free($0) }
            variables.forEach { free($0) }
        }
        var pid: pid_t = 0
        let status = posix_spawnp(&pid, program, &actions, &attributes, arguments, variables)
        return status == 0 ? pid : nil
    }
}

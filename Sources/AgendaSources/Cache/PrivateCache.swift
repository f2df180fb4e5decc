import Foundation
import Glibc
import Synchronization
import AgendaModel

/// The cache's folders, handed out only while they are the user's alone: `$XDG_CACHE_HOME/agenda`
/// (default `~/.cache/agenda`) and the folders under it, each a real folder (not a symlink)
/// owned by the user and writable by no one else. Another user who could write there could
/// plant a copy to be shown as a URL's schedule, or link a folder to theirs and have this
/// program remove or write files in it.
///
/// Folders are created 0700. Every use checks the folders again from the root down (an
/// `lstat` each); the first that fails switches the whole cache off for the rest of the run,
/// with one warning naming the folder and why. Files in them are opened without following
/// links (`O_NOFOLLOW`).
public final class PrivateCache: Sendable {
    public let root: URL
    /// Whose the folders must be: this process's effective user (a test passes another).
    let owner: uid_t
    private let warn: @Sendable (String) -> Void
    private let off = Mutex(false)

    public init(root: URL, owner: uid_t = geteuid(), warn: @escaping @Sendable (String) -> Void = PrivateCache.printWarning) {
        self.root = root
        self.owner = owner
        self.warn = warn
    }

    public convenience init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(root: Self.rootURL(environment))
    }

    /// `$XDG_CACHE_HOME/agenda`, or `~/.cache/agenda` when it is unset or not absolute.
    public static func rootURL(_ environment: [String: String]) -> URL {
        XDGFolder.cache.url(environment).appendingPathComponent("agenda")
    }

    /// The folder `components` under the root (the root itself for none), when it and every
    /// folder above it up to the root pass the checks. `create`: missing ones are made (0700);
    /// otherwise a missing one is nil, without a warning.
    public func folder(_ components: [String], create: Bool) -> URL? {
        guard !off.withLock({ $0 }) else { return nil }
        if create { makeParent() }
        var folder = root
        for depth in 0...components.count {
            if depth > 0 { folder.appendPathComponent(components[depth - 1]) }
            if create, mkdir(folder.path, 0o700) != 0, errno != EEXIST { return nil }
            switch Self.check(folder.path, owner: owner) {
            case .fine: continue
            case .missing: return nil
            case .unsafe(let why): return switchOff(folder.path, why)
            }
        }
        return folder
    }

    /// Checks the root and every folder in it, so that a planted folder is said before any
    /// source is loaded (and before a terminal is taken over), not at the first write.
    public func checkAll() {
        guard folder([], create: false) != nil,
              let names = try? FileManager.default.contentsOfDirectory(atPath: root.path) else { return }
        for name in names.sorted() {
            var info = stat()
            guard lstat(root.appendingPathComponent(name).path, &info) == 0,
                  info.st_mode & S_IFMT == S_IFDIR || info.st_mode & S_IFMT == S_IFLNK else { continue }
            guard folder([name], create: false) != nil else { return }
        }
    }

    /// A file of the cache, read whole when it is a regular file (never through a link) of at
    /// most `limit` bytes.
    public static func read(_ file: URL, limit: Int) -> Data? {
        try? ScheduleFile.read(path: file.path, limit: limit, regularOnly: true, followLinks: false)
    }

    /// Whether `file` is a regular file (a link is not).
    public static func isFile(_ file: URL) -> Bool {
        var info = stat()
        return lstat(file.path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }

    /// Why `path` may not be a folder of the cache; nil when it may.
    public static func problem(at path: String, owner: uid_t) -> String? {
        if case .unsafe(let why) = check(path, owner: owner) { return why }
        return nil
    }

    enum Check: Equatable {
        case fine, missing, unsafe(String)
    }

    static func check(_ path: String, owner: uid_t) -> Check {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            return errno == ENOENT ? .missing : .unsafe("cannot be examined (\(String(cString: strerror(errno))))")
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: break
        case S_IFLNK: return .unsafe("is a symbolic link")
        default: return .unsafe("is not a folder")
        }
        if info.st_uid != owner { return .unsafe("belongs to another user (uid \(info.st_uid))") }
        if info.st_mode & (S_IWGRP | S_IWOTH) != 0 { return .unsafe("is writable by other users") }
        return .fine
    }

    /// `$XDG_CACHE_HOME` itself (not checked: it may well be a link), made 0700 as the XDG
    /// specification asks when it is missing.
    private func makeParent() {
        var missing: [String] = []
        var parent = root.deletingLastPathComponent()
        var info = stat()
        while parent.path != "/", stat(parent.path, &info) != 0, errno == ENOENT {
            missing.append(parent.path)
            parent.deleteLastPathComponent()
        }
        for path in missing.reversed() { mkdir(path, 0o700) }
    }

    private func switchOff(_ path: String, _ why: String) -> URL? {
        let first = off.withLock { off in
            defer { off = true }
            return !off
        }
        if first {
            warn("the cache folder \(Sanitizer.line(path)) \(why); nothing is cached or read from the cache in this run"
                 + " (remove it: agenda makes the folder anew, for you alone)")
        }
        return nil
    }

    /// `agenda: warning: …` on standard error, with `write(2)`: never a trap, whatever stderr is.
    public static let printWarning: @Sendable (String) -> Void = { message in
        let line = Array("agenda: warning: \(message)\n".utf8)
        _ = line.withUnsafeBytes { Glibc.write(2, $0.baseAddress, $0.count) }
    }
}

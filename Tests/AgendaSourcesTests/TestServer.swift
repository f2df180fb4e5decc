import Foundation
import AgendaSources

/// `Tests/e2e/schedule_server.py` on 127.0.0.1, started for a test and stopped by it.
final class TestServer: @unchecked Sendable {
    let process = Process()
    let port: Int
    let file: URL
    let directory: URL

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("e2e/schedule_server.py")

    /// Serves `content` (replace it with `publish`).
    init(content: Data) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-remote-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        file = directory.appendingPathComponent("served.xml")
        try content.write(to: file)
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Self.script.path, file.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // "PORT n" on the first line.
        var line = Data()
        let handle = output.fileHandleForReading
        while !line.contains(UInt8(ascii: "\n")) {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty { break }
            line.append(byte)
        }
        guard let text = String(data: line, encoding: .utf8), text.hasPrefix("PORT "),
              let port = Int(text.dropFirst(5).trimmingCharacters(in: .whitespacesAndNewlines)) else {
            process.terminate()
            throw CocoaError(.fileReadUnknown)
        }
        self.port = port
    }

    func url(_ path: String) -> String { "http://127.0.0.1:\(port)\(path)" }

    func publish(_ content: Data) throws {
        let temporary = directory.appendingPathComponent("next.xml")
        try content.write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else { throw CocoaError(.fileWriteUnknown) }
    }

    func stats() throws -> [String: Any] {
        guard case .success(.fetched(let data, _)) = HTTPFetcher.fetch(URL(string: url("/stats"))!) else { return [:] }
        return try JSONSerialization.jsonObject(with: data) as? [String: Any] ?? [:]
    }

    /// Kills the server and waits (briefly) until it is gone. Not `waitUntilExit`, which can
    /// hang when called from a test's thread.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGKILL)
        for _ in 0..<200 where process.isRunning { usleep(10_000) }
    }

    deinit {
        stop()
        try? FileManager.default.removeItem(at: directory)
    }
}

/// A fresh cache directory for one test.
func temporaryCache() -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("agenda-cache-\(UUID().uuidString)")
}

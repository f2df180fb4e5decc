import ArgumentParser
import Foundation
import AgendaModel

/// `agenda bench-parse FILE...`: parse throughput for the benchmark script (hidden from help).
/// Reads each file once into memory, then times only the parse, best of `--repeat` runs; and
/// the parse with every abstract and description made readable, as a search or an export
/// makes them (a reader may leave them as the bytes it found until they are read).
struct BenchParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-parse", abstract: "Print parse throughput as JSON lines.", shouldDisplay: false)

    @Argument var files: [String]
    @Option var `repeat` = 5

    func run() throws {
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            var best = Double.infinity, bestWithTexts = Double.infinity
            var sessions = 0, textBytes = 0
            for _ in 0..<max(1, self.repeat) {
                let started = DispatchTime.now().uptimeNanoseconds
                let schedule = try ScheduleLoader.read(data, file: file)
                let read = DispatchTime.now().uptimeNanoseconds
                var bytes = 0
                for session in schedule.sessions {
                    bytes += (session.abstract?.utf8.count ?? 0) + (session.description?.utf8.count ?? 0)
                }
                let made = DispatchTime.now().uptimeNanoseconds
                best = min(best, Double(read - started) / 1e9)
                bestWithTexts = min(bestWithTexts, Double(made - started) / 1e9)
                textBytes = bytes
                sessions = schedule.sessions.count
            }
            let megabytes = Double(data.count) / 1_000_000
            let line: [String: Any] = ["file": file, "bytes": data.count, "sessions": sessions,
                                       "seconds": best, "MBps": megabytes / best, "secondsWithTexts": bestWithTexts, "textBytes": textBytes]
            let json = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
    }
}

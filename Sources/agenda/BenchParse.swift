import ArgumentParser
import Foundation
import AgendaModel

/// `agenda bench-parse FILE...`: parse throughput for the benchmark script (hidden from help).
/// Reads each file once into memory, then times only the parse, best of `--repeat` runs.
struct BenchParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-parse", abstract: "Print parse throughput as JSON lines.", shouldDisplay: false)

    @Argument var files: [String]
    @Option var `repeat` = 5

    func run() throws {
        for file in files {
            let data = try Data(contentsOf: URL(fileURLWithPath: file))
            var best = Double.infinity
            var sessions = 0
            for _ in 0..<max(1, self.repeat) {
                let started = DispatchTime.now().uptimeNanoseconds
                let schedule = try ScheduleLoader.read(data, file: file)
                let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
                best = min(best, seconds)
                sessions = schedule.sessions.count
            }
            let megabytes = Double(data.count) / 1_000_000
            let line: [String: Any] = ["file": file, "bytes": data.count, "sessions": sessions,
                                       "seconds": best, "MBps": megabytes / best]
            let json = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
    }
}

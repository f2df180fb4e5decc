import ArgumentParser
import Foundation
import AgendaModel

/// `agenda bench-parse FILE...`: parse throughput for the benchmark script (hidden from help).
/// Reads each file once into memory, then times only the parse, best of `--repeat` rounds; and
/// the parse with every abstract and description made readable, as a search or an export makes
/// them (a reader may leave them as the bytes it found until they are read). Each round reads
/// every file once, in turn, so that the files being compared share the machine's quiet and
/// busy moments (a shared machine's speed moves by half within seconds).
struct BenchParse: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-parse", abstract: "Print parse throughput as JSON lines.", shouldDisplay: false)

    @Argument var files: [String]
    @Option var `repeat` = 5

    struct Best {
        var seconds = Double.infinity, withTexts = Double.infinity
        var sessions = 0, textBytes = 0
    }

    func run() throws {
        let contents = try files.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        var best = Array(repeating: Best(), count: files.count)
        for _ in 0..<max(1, self.repeat) {
            for (k, file) in files.enumerated() {
                let started = DispatchTime.now().uptimeNanoseconds
                let schedule = try ScheduleLoader.read(contents[k], file: file)
                let read = DispatchTime.now().uptimeNanoseconds
                var bytes = 0
                for session in schedule.sessions {
                    bytes += (session.abstract?.utf8.count ?? 0) + (session.description?.utf8.count ?? 0)
                }
                let made = DispatchTime.now().uptimeNanoseconds
                best[k].seconds = min(best[k].seconds, Double(read - started) / 1e9)
                best[k].withTexts = min(best[k].withTexts, Double(made - started) / 1e9)
                best[k].sessions = schedule.sessions.count
                best[k].textBytes = bytes
            }
        }
        for (k, file) in files.enumerated() {
            let megabytes = Double(contents[k].count) / 1_000_000
            let line: [String: Any] = ["file": file, "bytes": contents[k].count, "sessions": best[k].sessions,
                                       "seconds": best[k].seconds, "MBps": megabytes / best[k].seconds,
                                       "secondsWithTexts": best[k].withTexts, "textBytes": best[k].textBytes]
            let json = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys])
            print(String(decoding: json, as: UTF8.self))
        }
    }
}

import Foundation
import Testing
import Synchronization
@testable import AgendaModel

/// The size limit in front of every reader: refused before parsing, whatever the kind of file.
@Suite struct ScheduleFileTests {
    func temporaryFile(_ bytes: Int) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-size-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(repeating: 0x41, count: bytes)))
        return path
    }

    @Test func atTheLimitReadsPastItIsRefused() throws {
        let path = try temporaryFile(1000)
        defer { unlink(path) }
        #expect(try ScheduleFile.read(path: path, limit: 1000).count == 1000)
        do {
            _ = try ScheduleFile.read(path: path, limit: 999)
            Issue.record("a file over the limit was read")
        } catch {
            #expect(error.kind == .malformed)
            #expect(error.description.contains("too large"))
        }
    }

    /// A schedule rewritten and truncated by another process while it is read and parsed:
    /// each read is a snapshot in memory of its own, which parses or fails with an error,
    /// never a SIGBUS (as a mapping of the file gave when pages vanished under it).
    @Test func aFileTruncatedWhileReadIsNeverACrash() throws {
        let event = (0..<1500).map { i in
            "<event guid=\"g\(i)\" id=\"\(i)\"><date>2024-12-27T10:00:00+01:00</date><start>10:00</start><duration>00:30</duration>"
                + "<title>Talk \(i) with a title long enough to fill pages</title><abstract>\(String(repeating: "text ", count: 40))</abstract></event>"
        }.joined()
        let full = Data("<schedule><conference><title>T</title></conference><day index=\"1\" date=\"2024-12-27\"><room name=\"R\">\(event)</room></day></schedule>".utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-shrink-\(UUID().uuidString).xml").path
        #expect(FileManager.default.createFile(atPath: path, contents: full))
        defer { unlink(path) }
        let stop = StopFlag()
        let writer = Thread {
            let descriptor = open(path, O_WRONLY)
            defer { close(descriptor) }
            var cut = 0
            while !stop.value.load(ordering: .relaxed) {
                // Rewritten in place, then cut short: the shape of `cp` over a file being read.
                ftruncate(descriptor, off_t(cut % full.count))
                cut += 65_537
                _ = full.withUnsafeBytes { pwrite(descriptor, $0.baseAddress!, $0.count, 0) }
            }
        }
        writer.start()
        defer { stop.value.store(true, ordering: .relaxed) }
        var parsed = 0, refused = 0
        for _ in 0..<30 {
            let data = try ScheduleFile.read(path: path)
            #expect(data.count <= full.count)
            do { _ = try ScheduleLoader.read(data, file: path); parsed += 1 } catch { refused += 1 }
        }
        #expect(parsed + refused == 30)
    }

    /// A watched path that became a FIFO is refused at once: reading it would wait for a writer.
    @Test func aFIFOIsRefusedWithoutBlockingWhenOnlyRegularFilesAreWanted() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-fifo-\(UUID().uuidString)").path
        #expect(mkfifo(path, 0o600) == 0)
        defer { unlink(path) }
        do {
            _ = try ScheduleFile.read(path: path, regularOnly: true)
            Issue.record("a FIFO was read")
        } catch {
            #expect(error.message.contains("not a regular file"))
        }
        #expect(ScheduleFile.examine(path: path) == .other)
    }

    @Test func endlessDevicesStopAtTheLimit() {
        #expect(throws: ScheduleError.self) { try ScheduleFile.read(path: "/dev/zero", limit: 1 << 20) }
    }

    @Test func missingAndDirectoriesAreMissing() {
        for path in ["/nonexistent/agenda.xml", FileManager.default.temporaryDirectory.path] {
            do {
                _ = try ScheduleFile.read(path: path)
                Issue.record("\(path) was read")
            } catch {
                #expect(error.kind == .missing)
            }
        }
    }

    @Test func theLoaderUsesTheLimit() throws {
        let path = try temporaryFile(ScheduleFile.maxBytes + 1)
        defer { unlink(path) }
        do {
            _ = try ScheduleLoader.load(path: path)
            Issue.record("read")
        } catch {
            #expect(error.message.contains("too large"))
        }
    }
}

final class StopFlag: Sendable {
    let value = Atomic<Bool>(false)
}

@Suite struct SessionLimitTests {
    @Test func moreThanTheSessionLimitIsRefusedWithTheLine() {
        var json = #"{"schedule":{"conference":{"title":"M","days":[{"date":"2024-01-01","rooms":{"R":["#
        json += (0...ScheduleDraft.maxSessions).map { #"{"id":\#($0),"date":"2024-01-01T10:00:00Z","duration":"0:30","title":"t"}"# }
            .joined(separator: ",\n")
        json += "]}}]}}}"
        #expect {
            try ScheduleLoader.read(Data(json.utf8), file: "many.json")
        } throws: { error in
            let error = error as! ScheduleError
            return error.message.contains("more than 100000 sessions") && error.line == ScheduleDraft.maxSessions + 1
        }
    }
}

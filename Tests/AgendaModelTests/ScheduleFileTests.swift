import Foundation
import Testing
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

    /// Pages of a mapped file are handed back as a reader passes them and read again if
    /// looked at; memory that is not a mapping made by ScheduleFile is never advised (on heap
    /// memory the same advice would zero it).
    @Test func consumedPagesOfMappedFilesOnlyAreReleased() throws {
        let size = 3 << 20
        let pattern = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) })
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-map-\(UUID().uuidString)").path
        #expect(FileManager.default.createFile(atPath: path, contents: pattern))
        defer { unlink(path) }
        try ScheduleFile.read(path: path).withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            var pages = ScheduleFile.PageRelease(bytes)
            pages.done(before: size)
            let intact = Data(bytes) == pattern   // a Bool: a 3 MB difference takes ages to print
            #expect(intact)
        }
        // A page-aligned copy in ordinary memory, where MADV_DONTNEED would succeed and zero it.
        let heap = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 1 << 16)
        defer { heap.deallocate() }
        pattern.withUnsafeBytes { heap.copyMemory(from: $0.baseAddress!, byteCount: size) }
        let bytes = UnsafeBufferPointer(start: heap.assumingMemoryBound(to: UInt8.self), count: size)
        var pages = ScheduleFile.PageRelease(bytes)
        pages.done(before: size)
        let intact = Data(bytes) == pattern
        #expect(intact)
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

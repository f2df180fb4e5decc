import Foundation
import Testing
@testable import AgendaModel

/// What a crash between write and rename leaves behind is cleaned up; nothing live is touched.
@Suite struct AtomicFileTests {
    @Test func staleTemporariesAreRemovedFreshOnesAndOthersKept() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("agenda-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("c.json")
        let old = Date(timeIntervalSinceNow: -3600)
        for name in [".c.json.AbC123", ".c.json.zzzzzz", ".other.json.AbC123", ".c.json.toolong1", "c.json.corrupt-1"] {
            let path = directory.appendingPathComponent(name).path
            #expect(FileManager.default.createFile(atPath: path, contents: Data("x".utf8)))
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
        let fresh = directory.appendingPathComponent(".c.json.Fresh1").path
        #expect(FileManager.default.createFile(atPath: fresh, contents: Data("x".utf8)))

        try AtomicFile.write(Data("{}".utf8), to: file)

        let names = Set(try FileManager.default.contentsOfDirectory(atPath: directory.path))
        #expect(names == ["c.json", ".c.json.Fresh1", ".other.json.AbC123", ".c.json.toolong1", "c.json.corrupt-1"])
        #expect(try Data(contentsOf: file) == Data("{}".utf8))
    }
}

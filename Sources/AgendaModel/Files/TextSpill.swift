import Glibc

/// Long texts a reader finds (abstracts, descriptions: most of a programme's bytes), written to
/// a file with no name as they are found instead of held in memory, then read back through a
/// mapping: only the pages of texts shown or searched are resident, and those given back after
/// a search index has read them (`SessionText.release`). The file goes when the last text of it does.
public final class TextSpill: @unchecked Sendable {
    private let descriptor: Int32
    /// Bytes written so far.
    private(set) var count = 0
    /// A write failed: the texts are not all there (the reader fails; read without it).
    public private(set) var failed = false

    /// A file in `directory` (a folder of the user's cache: on disk, unless the cache itself
    /// is kept in memory); nil when none can be made there.
    public init?(directory: String) {
        // O_TMPFILE (not imported: a macro of macros) makes it without a name, so that nothing
        // is left behind whatever ends the program. A file system without it gets a named file,
        // unlinked at once.
        let unnamed = open(directory, Self.temporaryFile | O_RDWR | O_CLOEXEC, 0o600)
        guard let descriptor = unnamed >= 0 ? unnamed : Self.unlinkedFile(in: directory) else { return nil }
        self.descriptor = descriptor
    }

    init(descriptor: Int32) { self.descriptor = descriptor }

    /// A new file in `directory`, its name removed as soon as it is open.
    static func unlinkedFile(in directory: String) -> Int32? {
        var template = Array((directory + "/.texts.XXXXXX").utf8CString)
        let descriptor = mkstemp(&template)
        guard descriptor >= 0 else { return nil }
        _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        unlink(String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
        return descriptor
    }

    /// `__O_TMPFILE | O_DIRECTORY` as Linux defines it.
    private static let temporaryFile: Int32 = 0o20_000_000 | O_DIRECTORY

    /// Appends `bytes` (a failed write is remembered: `mapped` then gives nil).
    func append(_ bytes: [UInt8]) {
        guard !failed else { return }
        failed = !bytes.withUnsafeBytes { Descriptor.write(all: $0, to: descriptor) }
        count += bytes.count
    }

    /// What was written, mapped; nil if a write failed. Empty: a mapping of nothing is not made.
    func mapped() -> TextBuffer? {
        guard !failed else { return nil }
        if count == 0 { return TextBuffer(found: []) }
        return MappedFile(descriptor: descriptor, limit: .max).map(TextBuffer.init)
    }

    deinit { close(descriptor) }
}

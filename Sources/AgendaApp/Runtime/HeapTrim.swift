import Glibc

/// Gives the heap's free pages back to the system (glibc's `malloc_trim`, looked up at run
/// time: the C library may have none). After a large file's parse, its freed strings stay
/// resident otherwise, and the large buffers made next are new allocations beside them.
enum HeapTrim {
    private typealias Trim = @convention(c) (Int) -> Int32
    nonisolated(unsafe) private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }

    static func now() { _ = trim?(0) }
}

import Glibc

/// How the C library's allocator gives memory back (glibc's `mallopt` and `malloc_trim`,
/// looked up at run time: another C library may have neither).
public enum Heap {
    private typealias Option = @convention(c) (Int32, Int32) -> Int32
    private typealias Trim = @convention(c) (Int) -> Int32
    private static let option: Option? = dlsym(nil, "mallopt").map { unsafeBitCast($0, to: Option.self) }
    private static let trim: Trim? = dlsym(nil, "malloc_trim").map { unsafeBitCast($0, to: Trim.self) }

    /// Fixed thresholds, set first thing. Left to itself, glibc raises its threshold for
    /// mapping a block apart to the size of every such block freed: once the day read ahead's
    /// buffers were freed, the parse's buffers of up to that size came from the heap, and
    /// stayed resident after they were freed.
    public static func configure() {
        _ = option?(-3, 256 << 10)   // M_MMAP_THRESHOLD: blocks this large are mapped apart
        _ = option?(-1, 1 << 20)     // M_TRIM_THRESHOLD: a free top this large is given back
    }

    /// Gives the heap's free pages back to the system: after a large file's parse its freed
    /// strings stay resident otherwise, and the large buffers made next are new allocations.
    static func giveBack() { _ = trim?(0) }
}

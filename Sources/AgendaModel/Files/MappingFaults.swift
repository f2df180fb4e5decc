import Glibc
import Synchronization

/// Survives a mapped cache file cut short under its mapping. Reading a page of a mapping that
/// lies past the end of its file, once someone has truncated the file in place, raises SIGBUS,
/// which ends the program. The cache files this program maps (`MappedFile`) are its own, but
/// anyone with the user's rights can truncate them; so a SIGBUS at an address inside one of
/// them is caught: the lost pages are replaced with zeros (a mapping of nothing at the same
/// address, from the faulting page to the end), the mapping is marked damaged, and the read
/// goes on. A damaged snapshot or index gives blank texts or wrong hits, never a crash or a
/// read outside it; loaded again, it no longer checks out and is built anew.
///
/// Reading the files into memory instead would hold them whole, texts never shown and index
/// pages never searched included; a mapping keeps only the pages in use.
///
/// Any other SIGBUS goes on to whoever had the signal before (the Swift runtime's backtracer,
/// or the default action). `CrashGuard`, which puts the terminal back before a crash, asks
/// `survive` first.
public enum MappingFaults {
    static let slotCount = 64
    /// Per slot, a mapping's first page number (low 36 bits) and its length in 4 KB pages (the
    /// rest): one word, so that the handler reads both together. 0 is a free slot.
    private static let slots: InlineArray<64, Atomic<UInt>> = InlineArray { _ in Atomic(0) }
    private static let damaged: InlineArray<64, Atomic<Bool>> = InlineArray { _ in Atomic(false) }
    private static let pageSize = UInt(max(4096, sysconf(Int32(_SC_PAGESIZE))))
    private static let installed = Atomic(false)
    /// Who had SIGBUS before: written once, before the handler is installed; then only read by
    /// it. On the heap, as `CrashGuard` keeps its own: a global `sigaction` here was laid out
    /// overlapping the next global, and `sigaction()` writing it whole broke that one.
    nonisolated(unsafe) private static let previous: UnsafeMutablePointer<sigaction> = {
        let pointer = UnsafeMutablePointer<sigaction>.allocate(capacity: 1)
        pointer.initialize(to: sigaction())
        return pointer
    }()

    /// Installs the handler, once. The program calls it first thing, before any thread or
    /// `CrashGuard` (which then asks `survive` before anything else); `MappedFile` calls it too.
    public static func install() {
        guard installed.compareExchange(expected: false, desired: true, ordering: .acquiringAndReleasing).exchanged else { return }
        // Made now: the handler must not be the first to touch them (a lazy global's first use
        // takes a lock).
        _ = slots[0].load(ordering: .relaxed)
        _ = damaged[0].load(ordering: .relaxed)
        _ = pageSize
        _ = previous
        var action = sigaction()
        action.__sigaction_handler.sa_sigaction = { signal, info, context in MappingFaults.handle(signal, info, context) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO
        sigaction(SIGBUS, &action, previous)
    }

    /// A slot for the mapping at `base` of `count` bytes; nil when none is free or the address
    /// does not fit a slot (the mapping is then read unguarded, as before).
    static func register(_ base: UnsafeRawPointer, count: Int) -> Int? {
        let start = UInt(bitPattern: base)
        let pages = (UInt(count) + 4095) / 4096
        guard start % 4096 == 0, start >> 12 < 1 << 36, pages < 1 << 28 else { return nil }
        for slot in 0..<slotCount
        where slots[slot].compareExchange(expected: 0, desired: (start >> 12) | (pages << 36), ordering: .acquiringAndReleasing).exchanged {
            // Before the mapping is handed out: no fault can have been survived in it yet.
            damaged[slot].store(false, ordering: .releasing)
            return slot
        }
        return nil
    }

    /// Frees `slot`: before the mapping is unmapped, so that its addresses are never taken for it again.
    static func unregister(_ slot: Int) {
        slots[slot].store(0, ordering: .releasing)
    }

    /// Whether a fault was survived in the mapping of `slot`.
    static func isDamaged(_ slot: Int) -> Bool { damaged[slot].load(ordering: .acquiring) }

    /// Whether `signal` was a SIGBUS inside a registered mapping, which now reads zeros where
    /// the file was cut: the faulting read can go on. Only what is safe in a signal handler.
    public static func survive(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?) -> Bool {
        guard signal == SIGBUS, let info else { return false }
        let address = UInt(bitPattern: info.pointee._sifields._sigfault.si_addr)
        for slot in 0..<slotCount {
            let word = slots[slot].load(ordering: .acquiring)
            guard word != 0 else { continue }
            let start = (word & ((1 << 36) - 1)) << 12, end = start + ((word >> 36) << 12)
            guard address >= start, address < end else { continue }
            let page = address / pageSize * pageSize
            let zeros = mmap(UnsafeMutableRawPointer(bitPattern: page), Int(end - page), PROT_READ,
                             MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0)
            guard zeros != MAP_FAILED else { return false }
            damaged[slot].store(true, ordering: .releasing)
            return true
        }
        return false
    }

    private static func handle(_ signal: Int32, _ info: UnsafeMutablePointer<siginfo_t>?, _ context: UnsafeMutableRawPointer?) {
        if survive(signal, info) { return }
        // Not one of ours: as if this handler were not there.
        let before = previous.pointee
        if before.sa_flags & SA_SIGINFO != 0, let handler = before.__sigaction_handler.sa_sigaction {
            handler(signal, info, context)
            return
        }
        var fallback = before
        if unsafeBitCast(fallback.__sigaction_handler.sa_handler, to: Int.self) == 1 {   // SIG_IGN: a fault cannot be ignored
            fallback.__sigaction_handler.sa_handler = nil                                     // SIG_DFL
        }
        sigaction(signal, &fallback, nil)
        raise(signal)
    }
}

/// How many terminal cells a scalar takes: 0 (combining), 1, 2 (wide), or -1 (unprintable).
///
/// The real program injects the C library's `wcwidth`, which is what ncurses itself uses, so
/// our layout and the terminal agree. Tests use `TextMeasure.standard`, a fixed table, so
/// snapshots do not depend on the machine's locale.
public struct TextMeasure: Sendable {
    private let lookup: @Sendable (Unicode.Scalar) -> Int

    public init(width: @escaping @Sendable (Unicode.Scalar) -> Int) {
        lookup = width
    }

    /// Printable ASCII is one cell everywhere; only the rest asks the width function.
    @inline(__always)
    public func width(_ scalar: Unicode.Scalar) -> Int {
        scalar.value >= 0x20 && scalar.value < 0x7F ? 1 : lookup(scalar)
    }

    /// Cells taken by a whole string, unprintable scalars counted as one replacement cell.
    public func cells(_ text: some StringProtocol) -> Int {
        var total = 0
        for scalar in text.unicodeScalars {
            let w = width(scalar)
            total += w < 0 ? 1 : w
        }
        return total
    }

    /// East Asian Wide and Fullwidth ranges as two cells, combining marks as zero.
    public static let standard = TextMeasure { scalar in
        let v = scalar.value
        if v == 0 { return 0 }
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return -1 }
        if v < 0x300 { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        switch v {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}

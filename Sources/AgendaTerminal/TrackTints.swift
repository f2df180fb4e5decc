import AgendaCanvas
import CNcursesw

/// Colour pairs for the tracks' own colours (`#RRGGBB` from the file), matched to the nearest
/// colour the terminal has: the xterm-256 cube and grey ramp, or the eight ANSI colours.
struct TrackTints {
    private var pairs: [Int16] = []

    init(_ hexes: [String], theme: ThemeName) {
        guard theme != .mono else { return }
        let firstPair = Int16(Role.allCases.count + 1)
        for (offset, hex) in hexes.enumerated() {
            guard let rgb = Self.rgb(hex) else { pairs.append(0); continue }
            let pair = firstPair + Int16(offset)
            guard Int32(pair) < agenda_color_pairs() else { break }
            init_pair(pair, theme == .xterm256 ? Self.nearest256(rgb) : Self.nearest8(rgb), -1)
            pairs.append(pair)
        }
    }

    /// The pair for a 1-based tint, 0 when there is none.
    func pair(_ tint: UInt8) -> Int16 {
        tint > 0 && Int(tint) <= pairs.count ? pairs[Int(tint) - 1] : 0
    }

    static func rgb(_ hex: String) -> (Int, Int, Int)? {
        guard hex.count == 7, let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        return (value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF)
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }

    static func nearest8(_ rgb: (Int, Int, Int)) -> Int16 {
        let ansi = [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)]
        // Black would vanish on a dark background: leave it out.
        return Int16((1..<8).min { distance(ansi[$0], rgb) < distance(ansi[$1], rgb) }!)
    }

    static func nearest256(_ rgb: (Int, Int, Int)) -> Int16 {
        let levels = [0, 95, 135, 175, 215, 255]
        func level(_ v: Int) -> Int { levels.indices.min { abs(levels[$0] - v) < abs(levels[$1] - v) }! }
        let (r, g, b) = (level(rgb.0), level(rgb.1), level(rgb.2))
        let cube = (levels[r], levels[g], levels[b])
        let grey = max(0, min(23, ((rgb.0 + rgb.1 + rgb.2) / 3 - 3) / 10))
        let greyValue = 8 + grey * 10
        if distance((greyValue, greyValue, greyValue), rgb) < distance(cube, rgb) { return Int16(232 + grey) }
        return Int16(16 + 36 * r + 6 * g + b)
    }
}

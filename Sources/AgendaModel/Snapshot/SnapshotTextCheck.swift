import Foundation

/// The check a snapshot's text must pass to be shown: what the readers' sanitiser lets
/// through. A snapshot is only ever written from sanitised text, so text that fails is damage
/// or forgery: a short string that fails refuses the whole snapshot when it is loaded; a long
/// text (made only when shown, `TextBuffer`) that fails is sanitised then.
enum SnapshotTextCheck {
    /// (safe as a line, safe as multi-line text), of bytes already known to be UTF-8.
    /// Printable ASCII is passed 8 bytes at a time; other scalars are decoded where they are.
    static func safety(_ bytes: UnsafeBufferPointer<UInt8>) -> (line: Bool, text: Bool) {
        guard let base = bytes.baseAddress else { return (true, true) }
        var newline = false
        var i = 0
        let count = bytes.count
        while i < count {
            if i + 8 <= count {
                let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                // No byte ≥ 0x80, none < 0x20 (adding 0x60 carries into bit 7 from 0x20 up), none 0x7F.
                let high = word & 0x8080_8080_8080_8080
                let lowControl = ~(word &+ 0x6060_6060_6060_6060) & 0x8080_8080_8080_8080
                let del = word ^ 0x7F7F_7F7F_7F7F_7F7F
                let hasDel = (del &- 0x0101_0101_0101_0101) & ~del & 0x8080_8080_8080_8080
                if high == 0, lowControl == 0, hasDel == 0 { i += 8; continue }
            }
            let byte = base[i]
            if byte < 0x80 {
                if byte == 0x0A { newline = true } else if byte < 0x20 || byte == 0x7F { return (false, false) }
                i += 1
                continue
            }
            // A lead byte: its length and value bits (the bytes were validated as UTF-8).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            guard i + length <= count else { return (false, false) }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for k in 1..<length { value = value << 6 | UInt32(base[i + k] & 0x3F) }
            if let scalar = Unicode.Scalar(value), Sanitizer.isInvisible(scalar) { return (false, false) }
            i += length
        }
        return (!newline, true)
    }
}

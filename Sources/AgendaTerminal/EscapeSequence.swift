import AgendaCanvas

/// Reads whole the escape sequences that reach the program as separate characters: those the
/// terminfo entry in use does not list (End is `ESC [ 4 ~` under tmux, but xterm's entry says
/// `ESC O F`), so curses hands over ESC and then `[`, `4`, `~`, which would be Esc, previous
/// day, and two stray keys.
///
/// The forms of xterm, vt220, rxvt, screen/tmux and the Linux console are known: CSI
/// (`ESC [` parameters, intermediates, a final byte) and SS3 (`ESC O` and one byte). A sequence
/// that names no key of ours (F-keys, Insert, focus reports, mouse reports curses did not take)
/// is swallowed whole, never turned into keys.
public enum EscapeSequence {
    public enum Outcome: Equatable, Sendable {
        case key(Key)
        /// A complete sequence for nothing the program uses.
        case ignored
        /// `ESC [ row ; column R`: a cursor position report, the answer to the width probe (and
        /// also xterm's Shift-F3 and its kin, which the program does not use).
        case cursorPosition(row: Int, column: Int)
        /// More bytes are needed.
        case incomplete
        /// ESC was not the start of a sequence (Esc, then an ordinary key).
        case notASequence
    }

    /// `bytes`: the characters that followed ESC so far.
    public static func decode(_ bytes: [UInt32]) -> Outcome {
        guard let introducer = bytes.first else { return .incomplete }
        switch introducer {
        case 0x5B: return csi(Array(bytes.dropFirst()))          // [
        case 0x4F:                                                 // O
            guard bytes.count >= 2 else { return .incomplete }
            return ss3(bytes[1])
        default: return .notASequence
        }
    }

    private static func ss3(_ final: UInt32) -> Outcome {
        switch final {
        case 0x41: .key(.up)
        case 0x42: .key(.down)
        case 0x43: .key(.right)
        case 0x44: .key(.left)
        case 0x48: .key(.home)
        case 0x46: .key(.end)
        case 0x4D: .key(.enter)      // the keypad's Enter
        default: (0x40...0x7E).contains(final) ? .ignored : .notASequence
        }
    }

    /// After `ESC [`: parameters 0x30–0x3F, intermediates 0x20–0x2F, one final 0x40–0x7E
    /// (rxvt ends shifted keys with `$`, which is an intermediate elsewhere).
    private static func csi(_ body: [UInt32]) -> Outcome {
        // The Linux console's F1–F5: ESC [ [ A … E.
        if body.first == 0x5B { return body.count >= 2 ? .ignored : .incomplete }
        var parameters = ""
        for (index, byte) in body.enumerated() {
            switch byte {
            case 0x30...0x3F:
                parameters.unicodeScalars.append(Unicode.Scalar(UInt8(byte)))
            case 0x24 where !parameters.isEmpty:                       // rxvt: ESC [ 7 $
                return tilde(parameters)
            case 0x20...0x2F:
                continue
            case 0x40...0x7E:
                // X10 mouse reports carry three raw bytes after `ESC [ M`.
                if byte == 0x4D, parameters.isEmpty { return body.count >= index + 4 ? .ignored : .incomplete }
                return final(byte, parameters)
            default:
                return .ignored   // a control character inside: broken, swallowed so far
            }
        }
        // Longer than any real sequence: give up rather than wait for a final byte forever.
        return body.count > 32 ? .ignored : .incomplete
    }

    private static func final(_ byte: UInt32, _ parameters: String) -> Outcome {
        switch byte {
        case 0x41: return .key(.up)          // with or without modifiers: ESC [ 1 ; 5 A
        case 0x42: return .key(.down)
        case 0x43: return .key(.right)
        case 0x44: return .key(.left)
        case 0x48: return .key(.home)
        case 0x46: return .key(.end)
        case 0x5A: return .key(.backTab)     // ESC [ Z
        case 0x52: return cursorPosition(parameters)
        case 0x7E, 0x5E, 0x40: return tilde(parameters)   // ~, and rxvt's ^ (Ctrl) and @ (Ctrl-Shift)
        default: return .ignored
        }
    }

    /// `row;column`, each one to five digits; anything else is no report.
    private static func cursorPosition(_ parameters: String) -> Outcome {
        let fields = parameters.split(separator: ";", omittingEmptySubsequences: false)
        guard fields.count == 2, fields.allSatisfy({ (1...5).contains($0.count) && $0.allSatisfy { ("0"..."9").contains($0) } }),
              let row = Int(fields[0]), let column = Int(fields[1]) else { return .ignored }
        return .cursorPosition(row: row, column: column)
    }

    /// `ESC [ N ~`: the vt220 editing keys; F-keys and the rest are ignored.
    private static func tilde(_ parameters: String) -> Outcome {
        switch parameters.split(separator: ";").first.flatMap({ Int($0) }) {
        case 1, 7: .key(.home)
        case 4, 8: .key(.end)
        case 5: .key(.pageUp)
        case 6: .key(.pageDown)
        default: .ignored
        }
    }
}

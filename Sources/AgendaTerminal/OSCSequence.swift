import AgendaCanvas
import Foundation   // base64

/// Operating System Commands, built from untrusted text: every control character (C0, DEL,
/// C1) is dropped, so no text can end the sequence early or start another. Each ends with
/// ST (`ESC \`), which terminals that do not know the command skip whole.
enum OSCSequence {
    static let terminator = "\u{1B}\\"

    /// Text with no control character left.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.filter { scalar in
            scalar.value >= 0x20 && scalar.value != 0x7F && !(0x80...0x9F).contains(scalar.value)
        }))
    }

    /// A web address as a hyperlink may carry it; nil for anything but http(s) or with spaces.
    static func webAddress(_ url: String) -> String? {
        let lower = url.prefix(8).lowercased()
        guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), clean(url) == url,
              !url.unicodeScalars.contains(where: { $0.properties.isWhitespace }) else { return nil }
        return url
    }

    /// OSC 8: `text` shown as a hyperlink to `url`.
    static func hyperlink(_ url: String, text: String) -> String? {
        guard let url = webAddress(url) else { return nil }
        return "\u{1B}]8;;\(url)\(terminator)\(clean(text))\u{1B}]8;;\(terminator)"
    }

    /// OSC 52: `text` onto the clipboard.
    static func clipboard(_ text: String) -> String {
        "\u{1B}]52;c;\(Data(clean(text).utf8).base64EncodedString())\(terminator)"
    }

    /// OSC 777 (rxvt, VTE, foot, WezTerm) and OSC 9 (iTerm2, Windows Terminal, kitty): a
    /// desktop notification. OSC 777 separates fields with `;`, so the title holds none.
    static func notification(title: String, body: String) -> String {
        let title = clean(title).replacingOccurrences(of: ";", with: ","), body = clean(body)
        return "\u{1B}]777;notify;\(title);\(body)\(terminator)" + "\u{1B}]9;\(title): \(body)\(terminator)"
    }

    static func sequence(for control: TerminalControl) -> String {
        switch control {
        case .copy(let text): clipboard(text)
        case .notify(let title, let body): notification(title: title, body: body)
        }
    }
}

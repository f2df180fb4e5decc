import AgendaCanvas
import CNcursesw
import Glibc

/// ncursesw drops every non-ASCII character in the C locale: take the user's locale, and if
/// its codeset is not UTF-8, fall back to C.UTF-8 for the character type.
public enum TerminalLocale {
    /// Returns whether the locale the user chose is UTF-8 (before any fallback).
    @discardableResult
    public static func setUp() -> Bool {
        setlocale(LC_ALL, "")
        if isUTF8 { return true }
        setlocale(LC_CTYPE, "C.UTF-8")
        return false
    }

    static var isUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    /// The C library's character width, the one ncurses uses: our layout must agree with it.
    /// Valid once `setUp()` has chosen a UTF-8 character type.
    public static let measure = TextMeasure { scalar in
        Int(wcwidth(wchar_t(bitPattern: scalar.value)))
    }
}

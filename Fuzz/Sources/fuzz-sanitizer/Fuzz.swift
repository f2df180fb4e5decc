import AgendaFuzzSupport
@testable import AgendaModel

/// libFuzzer entry: `Sanitizer.line/text` and the `FieldText` fast paths on arbitrary text.
///
/// - no output holds a C0 or C1 control (but `\n` in text), ESC, DEL, a bidi control or any
///   other scalar `Sanitizer.isInvisible` names;
/// - sanitising is idempotent;
/// - `FieldText.line` equals `Sanitizer.line` (its fast path changes nothing), and
///   `FieldText.text` (markdown escapes kept) equals `Sanitizer.text` whenever there is no HTML
///   or entity to convert;
/// - the byte-level `Sanitizer` and `HTMLToText` give what the earlier scalar-by-scalar versions
///   give (`ReferenceSanitizer`, `ReferenceHTMLText`: the test target's files, linked here).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer?, _ count: Int) -> CInt {
    let data = FuzzCheck.data(start, count)
    let input = String(decoding: data, as: UTF8.self)
    let line = Sanitizer.line(input)
    let text = Sanitizer.text(input)
    FuzzCheck.require(FuzzCheck.isSafeLine(line), "unsafe line: \(FuzzCheck.debug(line))")
    FuzzCheck.require(FuzzCheck.isSafeText(text), "unsafe text: \(FuzzCheck.debug(text))")
    FuzzCheck.require(Sanitizer.line(line) == line, "line not idempotent: \(FuzzCheck.debug(line))")
    FuzzCheck.require(Sanitizer.text(text) == text, "text not idempotent: \(FuzzCheck.debug(text))")

    let fieldLine = FieldText.line(input)
    FuzzCheck.require(fieldLine == (line.isEmpty ? nil : line),
                      "FieldText.line differs: \(FuzzCheck.debug(fieldLine ?? "nil")) vs \(FuzzCheck.debug(line))")
    // Abstracts and descriptions also lose markdown's backslash escapes: safe as well, and
    // otherwise the same as the plain conversion compared below.
    if let readable = FieldText.text(input) {
        FuzzCheck.require(FuzzCheck.isSafeText(readable), "unsafe FieldText.text: \(FuzzCheck.debug(readable))")
    }
    let fieldText = FieldText.text(input, markdown: false)
    if let fieldText { FuzzCheck.require(FuzzCheck.isSafeText(fieldText), "unsafe FieldText.text: \(FuzzCheck.debug(fieldText))") }
    if !input.utf8.contains(UInt8(ascii: "<")), !input.utf8.contains(UInt8(ascii: "&")) {
        let expected = Sanitizer.text(FieldText.normalisingCR(input))
        FuzzCheck.require(fieldText == (expected.isEmpty ? nil : expected),
                          "FieldText.text differs: \(FuzzCheck.debug(fieldText ?? "nil")) vs \(FuzzCheck.debug(expected))")
    }

    FuzzCheck.require(line == ReferenceSanitizer.line(input), "Sanitizer.line differs from the reference")
    FuzzCheck.require(text == ReferenceSanitizer.text(input), "Sanitizer.text differs from the reference")
    let expected = ReferenceSanitizer.text(ReferenceSanitizer.normalisingCR(
        ReferenceHTMLText.isHTML(input) ? ReferenceHTMLText.readable(input) : ReferenceHTMLText.decodingEntities(input)))
    FuzzCheck.require(fieldText == (expected.isEmpty ? nil : expected),
                      "FieldText.text differs from the reference: \(FuzzCheck.debug(fieldText ?? "nil")) vs \(FuzzCheck.debug(expected))")
    FuzzCheck.require(HTMLToText.isHTML(input) == ReferenceHTMLText.isHTML(input), "HTMLToText.isHTML differs from the reference")
    return 0
}

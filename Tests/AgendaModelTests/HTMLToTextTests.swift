import Foundation
import Testing
@testable import AgendaModel

@Suite struct HTMLTextTests {
    @Test(arguments: [
        ("<p>One</p><p>Two</p>", "One\n\nTwo"),
        ("<p>Line<br>break<br/>again</p>", "Line\nbreak\nagain"),
        ("<ul><li>a</li><li>b <em>c</em></li></ul>after", "• a\n• b c\n\nafter"),
        ("<p>See <a href=\"https://x.org/\">the site</a> and <a href='https://y.org'>https://y.org</a>.</p>",
         "See the site (https://x.org/) and https://y.org."),
        ("<p>Tom &amp; Jerry &lt;3 &eacute;&nbsp;&#8211; &#x263A; &bogus;</p>", "Tom & Jerry <3 é – ☺ &bogus;"),
        ("<p>wrapped\nsource   text</p>\n\n\n<p>next</p>", "wrapped source text\n\nnext"),
        ("<script>alert(1)</script><style>p{}</style><p>safe</p><!-- hidden -->", "safe"),
        ("<pre>keep\n  this</pre>", "keep\n  this"),
    ])
    func htmlBecomesText(html: String, text: String) {
        #expect(FieldText.text(html) == text)
    }

    @Test(arguments: [
        ("# Title\n\n* item\n* item **bold**\n\n[link](https://x.org)", "# Title\n\n* item\n* item **bold**\n\n[link](https://x.org)"),
        ("a < b and c > d", "a < b and c > d"),
        ("one&#13;\r\ntwo\r\n\r\n\r\n\r\nthree\n", "one\ntwo\n\nthree"),
        ("  \n\n", nil),
    ])
    func plainTextAndMarkdownStay(input: String, output: String?) {
        #expect(FieldText.text(input) == output)
    }

    @Test func fastPathsAgreeWithTheSanitizer() {
        for sample in ["plain", "two  spaces", " lead", "trail ", "tab\there", "ünï", "a\nb", "a\n\n\nb", "a \nb", "\nx", "x\n",
                       "\n\n  \n a \n\n\n\tb\t\n \n", " \n", "\t", "é \n\n\n", "a\n \nb", "a\n\nb\n\n"] {
            #expect(FieldText.line(sample) == (Sanitizer.line(sample).isEmpty ? nil : Sanitizer.line(sample)), "\(sample)")
            #expect(FieldText.text(sample) == (Sanitizer.text(sample).isEmpty ? nil : Sanitizer.text(sample)), "\(sample)")
        }
    }

    @Test func fastPathsAgreeWithTheSanitizerOnRandomText() {
        let alphabet: [String] = [" ", "\n", "\t", "a", "b", "é", "日", "😀", "\u{A0}", "\r", "\u{200B}", "\u{1B}", "\u{85}", "\u{FE0F}", "\u{7F}"]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<3000 {
            let sample = (0..<(next() % 14)).map { _ in alphabet[next() % alphabet.count] }.joined()
            let line = Sanitizer.line(sample)
            #expect(FieldText.line(sample) == (line.isEmpty ? nil : line), "\(Array(sample.unicodeScalars))")
            let text = Sanitizer.text(FieldText.normalisingCR(sample))
            #expect(FieldText.text(sample) == (text.isEmpty ? nil : text), "\(Array(sample.unicodeScalars))")
        }
    }
}

@Suite struct DedentTests {
    @Test func sourceIndentationIsRemovedMarkdownIndentationKept() {
        #expect(FieldText.dedented("First.\n\n        Second\n        - item\n            code") == "First.\n\nSecond\n- item\n    code")
        #expect(FieldText.dedented("No indent\nhere") == "No indent\nhere")
    }

    @Test(.enabled(if: SharedSchedules.available, SharedSchedules.missing))
    func realScheduleDescriptionsHaveNoSourceIndentation() throws {
        let data = try SharedSchedules.data("38c3-schedule.xml")
        let schedule = try ScheduleLoader.read(data, file: "38c3")
        let indented = schedule.sessions.filter { ($0.description ?? "").contains("\n                    ") }
        #expect(indented.isEmpty)
    }
}

/// The byte-run `HTMLToText` against the earlier version kept in `ReferenceHTMLText`.
@Suite struct HTMLTextReferenceTests {
    static let pieces: [String] = [
        "<p>", "</p>", "<br>", "<br/>", "<BR />", "<li>", "</li>", "<ul>", "<a href=\"https://x/\">", "<a href='#top'>",
        "<a href=mailto:m@x>", "</a>", "<pre>", "</pre>", "<td>", "<script>", "</script>", "<style>", "</STYLE>",
        "<!-- c -->", "<!DOCTYPE html>", "<blockquote>", "<section>", "<h2>", "<<p>", "<//p>", "< p>", "<p", ">",
        "<abcdefghijk>", "<span class=\"a>b\">", "&amp;", "&nbsp;", "&#13;", "&#x1F600;", "&bogus;", "&", "&#;",
        " ", "  ", "\n", "\r\n", "\t", "text", "é", "日本", "\u{1B}[31m", "\u{A0}", "x", "1",
    ]

    @Test func matchesTheReferenceOnRandomMarkup() {
        var state: UInt64 = 0xC0FFEE
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 33)
        }
        for _ in 0..<20_000 {
            let sample = (0..<(next() % 16)).map { _ in Self.pieces[next() % Self.pieces.count] }.joined()
            #expect(HTMLToText.isHTML(sample) == ReferenceHTMLText.isHTML(sample), "\(sample.debugDescription)")
            #expect(HTMLToText.readable(sample) == ReferenceHTMLText.readable(sample), "\(sample.debugDescription)")
            #expect(HTMLToText.decodingEntities(sample) == ReferenceHTMLText.decodingEntities(sample), "\(sample.debugDescription)")
        }
    }
}

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
        for sample in ["plain", "two  spaces", " lead", "trail ", "tab\there", "ünï", "a\nb", "a\n\n\nb", "a \nb", "\nx", "x\n"] {
            #expect(FieldText.line(sample) == (Sanitizer.line(sample).isEmpty ? nil : Sanitizer.line(sample)), "\(sample)")
            #expect(FieldText.text(sample) == (Sanitizer.text(sample).isEmpty ? nil : Sanitizer.text(sample)), "\(sample)")
        }
    }
}

@testable import Compliance
import Testing

@Suite struct TextMatchTests {
    @Test func asciiFastPathAgreesWithFolding() {
        let samples = ["Stichting Kompas Jeugdzorg-Oost", "KvK-nummer: 41872365", "  3.2 Samenwerking in de regio  ", "A_B\tC\n(d)",
                       "Zorggroep Berkelzicht B.V.", "UEA", "", "...", "ÉÉn cliënt", "Ｗide", "e\u{0301}"]
        for sample in samples {
            if let fast = TextMatch.normalizeASCII(sample) {
                #expect(fast == TextMatch.folded(sample), "\(sample)")
            }
            #expect(TextMatch.normalize(sample) == TextMatch.folded(sample), "\(sample)")
        }
        let long = String(repeating: "Passende jeugdhulp voor cliënten in de regio, 12,5% sneller. ", count: 20)
        #expect(TextMatch.normalize(long) == TextMatch.folded(long))
        #expect(TextMatch.normalize(long) == TextMatch.folded(long))
    }

    @Test func placeholderInsideNeedsItsMarkers() {
        #expect(TextMatch.placeholderInside("Naam: [invullen]") == "[invullen]")
        #expect(TextMatch.placeholderInside("de {{naam}} hier") == "{{naam}}")
        #expect(TextMatch.placeholderInside("code xxx hier") == "xxx")
        #expect(TextMatch.placeholderInside("een gewone zin [zonder] plaatshouder, x en xx") == nil)
        #expect(TextMatch.isPlaceholder("  [invullen] ") && TextMatch.isPlaceholder(" \u{200B} ") && TextMatch.isPlaceholder("XXX"))
        #expect(!TextMatch.isPlaceholder("x x x") && !TextMatch.isPlaceholder("Xx") && !TextMatch.isPlaceholder("tekst"))
    }
}

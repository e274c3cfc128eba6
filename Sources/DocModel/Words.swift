/// The word definition used everywhere in dossier.
///
/// A word is a maximal run of characters that are not white space and that contains at least
/// one letter or digit. So "zorg-aanbieder", "3+2+2", "12,5%" and "e-mail." are one word each,
/// and a dash or bullet standing alone is no word. Word processors count close to this:
/// Word also counts a lone punctuation mark, which this definition does not.
/// Text is counted per paragraph, after accepting tracked changes, without hidden text;
/// footnotes and endnotes count where they are referenced, text boxes where they are anchored
/// (Word's count with "include text boxes, footnotes and endnotes" on).
public enum Words {
    public static func count(_ text: String) -> Int {
        var count = 0
        var inWord = false
        var wordHasAlnum = false
        for scalar in text.unicodeScalars {
            // ASCII without the Unicode property tables (the same answers, much faster).
            if scalar.value < 0x80 {
                let v = scalar.value
                if v == 0x20 || (v >= 0x09 && v <= 0x0D) {
                    if inWord && wordHasAlnum { count += 1 }
                    inWord = false
                    wordHasAlnum = false
                } else {
                    inWord = true
                    if !wordHasAlnum && ((v >= 0x30 && v <= 0x39) || (v | 0x20 >= 0x61 && v | 0x20 <= 0x7A)) { wordHasAlnum = true }
                }
                continue
            }
            if scalar.properties.isWhitespace || scalar == "\u{00A0}" || scalar == "\u{200B}" {
                if inWord && wordHasAlnum { count += 1 }
                inWord = false
                wordHasAlnum = false
            } else {
                inWord = true
                if !wordHasAlnum && (scalar.properties.isAlphabetic || scalar.properties.numericType != nil) {
                    wordHasAlnum = true
                }
            }
        }
        if inWord && wordHasAlnum { count += 1 }
        return count
    }

    /// Folds every run of white space to one space and trims the ends.
    public static func normalizeSpace(_ text: String) -> String {
        if let result = normalizeSpaceByScalar(text) { return result }
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isWhitespace || character == "\u{200B}" {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }

    /// ``normalizeSpace(_:)`` scalar by scalar, which gives the same result whenever no scalar can
    /// join a neighbour into one grapheme: ASCII and the common blocks of letters, punctuation and
    /// symbols (no combining marks, joiners or format characters). Nil for any other text, which
    /// takes the character loop.
    static func normalizeSpaceByScalar(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var pendingSpace = false
            var i = 0
            while i < bytes.count {
                let lead = bytes[i]
                let length: Int
                let value: UInt32
                if lead < 0x80 {
                    length = 1
                    value = UInt32(lead)
                } else if lead < 0xE0 {
                    length = 2
                    value = UInt32(lead & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                } else if lead < 0xF0 {
                    length = 3
                    value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                } else {
                    length = 4
                    value = UInt32(lead & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12 | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                }
                let space: Bool
                if value < 0x80 {
                    space = value == 0x20 || (value >= 0x09 && value <= 0x0D)
                } else if isSimpleScalar(value), let scalar = Unicode.Scalar(value) {
                    space = scalar.properties.isWhitespace || value == 0x200B
                } else {
                    return nil
                }
                if space {
                    pendingSpace = !out.isEmpty
                } else {
                    if pendingSpace { out.append(0x20) }
                    pendingSpace = false
                    for k in 0..<length { out.append(bytes[i + k]) }
                }
                i += length
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Scalars that form a grapheme of their own whatever their neighbours (grapheme break
    /// property Control or Other, and not Extended_Pictographic joined by a ZWJ, which is left out).
    private static func isSimpleScalar(_ v: UInt32) -> Bool {
        switch v {
        case 0x80...0x2FF,        // Latin-1 Supplement, Latin Extended-A/B, IPA, spacing modifiers
             0x370...0x482,       // Greek and Coptic, Cyrillic up to its combining marks
             0x48A...0x52F,       // the rest of Cyrillic (and its supplement)
             0x1E00...0x1FFF,     // Latin Extended Additional, Greek Extended
             0x2000...0x200B,     // spaces, zero-width space
             0x2010...0x2029,     // dashes, quotes, bullets, ellipsis, line/paragraph separators
             0x202F...0x205F,     // narrow no-break space, per mille, primes, medium math space
             0x2070...0x20CF,     // super- and subscripts, currency symbols
             0x2100...0x2BFF,     // letterlike, number forms, arrows, math, technical, shapes, symbols, dingbats
             0x3000,              // ideographic space
             0xFB00...0xFB06:     // Latin ligatures
            return true
        default:
            return false
        }
    }
}

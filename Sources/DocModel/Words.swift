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
}

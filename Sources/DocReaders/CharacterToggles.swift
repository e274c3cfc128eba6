import DocModel
import PackageIO

/// Character formatting as a style, a paragraph or a run says it, in both readers;
/// nil means "not said here": the value comes from further up the style chain.
struct CharacterToggles: Sendable, Hashable {
    var bold: Bool?
    var italic: Bool?
    var underline: Bool?
    var strike: Bool?
    var hidden: Bool?
    /// 1 superscript, -1 subscript, 0 neither.
    var position: Int?

    init() {}

    /// These toggles with `other` laid over them: what `other` says wins.
    func overlaid(with other: CharacterToggles) -> CharacterToggles {
        var result = self
        if let bold = other.bold { result.bold = bold }
        if let italic = other.italic { result.italic = italic }
        if let underline = other.underline { result.underline = underline }
        if let strike = other.strike { result.strike = strike }
        if let hidden = other.hidden { result.hidden = hidden }
        if let position = other.position { result.position = position }
        return result
    }

    var style: TextStyle {
        var style: TextStyle = []
        if bold == true { style.insert(.bold) }
        if italic == true { style.insert(.italic) }
        if underline == true { style.insert(.underline) }
        if strike == true { style.insert(.strikethrough) }
        if hidden == true { style.insert(.hidden) }
        if position == 1 { style.insert(.superscript) }
        if position == -1 { style.insert(.subscript) }
        return style
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import PackageIO

/// One lexical piece of an XML part, keeping its exact source text so that untouched
/// pieces are written back byte for byte.
struct XMLToken {
    enum Kind: Equatable {
        case start, end, empty, text, other
        /// A template tag (index into the part's tag list) put in place of its text.
        case tag
    }

    var kind: Kind
    /// The source text (for text: escaped as in the file).
    var raw: String
    /// Qualified element name for start, end and empty tokens.
    var name: String = ""
    var tag: Int = -1
    /// For a start or empty token with tags in its attribute values (a content-control tag
    /// `criterium-{{id}}`): the raw text cut into literal pieces and tags, filled in when rendered.
    var attributeParts: [AttributePart]?

    enum AttributePart {
        case literal(String)
        case tag(Int)
    }

    static func text(_ value: String) -> XMLToken { XMLToken(kind: .text, raw: XMLEscaping.escape(value)) }
}

/// A small lexer for XML parts that the safe parser has already accepted as well-formed.
enum TemplateLexer {
    static func tokens(_ bytes: [UInt8]) -> [XMLToken] {
        var result: [XMLToken] = []
        result.reserveCapacity(bytes.count / 16)
        let n = bytes.count
        var i = 0
        func string(_ a: Int, _ b: Int) -> String { String(decoding: bytes[a..<b], as: UTF8.self) }
        func find(_ pattern: [UInt8], from: Int) -> Int {
            var j = from
            while j + pattern.count <= n {
                if bytes[j] == pattern[0] && Array(bytes[j..<j + pattern.count]) == pattern { return j }
                j += 1
            }
            return n
        }
        while i < n {
            if bytes[i] != UInt8(ascii: "<") {
                var j = i
                while j < n && bytes[j] != UInt8(ascii: "<") { j += 1 }
                result.append(XMLToken(kind: .text, raw: string(i, j)))
                i = j
                continue
            }
            let next = i + 1 < n ? bytes[i + 1] : 0
            if next == UInt8(ascii: "?") {
                let end = min(n, find(Array("?>".utf8), from: i + 2) + 2)
                result.append(XMLToken(kind: .other, raw: string(i, end)))
                i = end
            } else if next == UInt8(ascii: "!") {
                let end: Int
                if i + 4 <= n && bytes[i + 2] == UInt8(ascii: "-") && bytes[i + 3] == UInt8(ascii: "-") {
                    end = min(n, find(Array("-->".utf8), from: i + 4) + 3)
                } else if i + 9 <= n && string(i, i + 9) == "<![CDATA[" {
                    end = min(n, find(Array("]]>".utf8), from: i + 9) + 3)
                } else {
                    end = min(n, find([UInt8(ascii: ">")], from: i) + 1)
                }
                result.append(XMLToken(kind: .other, raw: string(i, end)))
                i = end
            } else {
                // Element tag: scan to '>' outside quotes.
                var j = i + 1
                var quote: UInt8 = 0
                while j < n {
                    let c = bytes[j]
                    if quote != 0 {
                        if c == quote { quote = 0 }
                    } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                        quote = c
                    } else if c == UInt8(ascii: ">") {
                        break
                    }
                    j += 1
                }
                let end = min(n, j + 1)
                let raw = string(i, end)
                if next == UInt8(ascii: "/") {
                    result.append(XMLToken(kind: .end, raw: raw, name: TemplateXML.name(ofTag: raw, skip: 2)))
                } else {
                    let selfClosing = end >= 2 && bytes[end - 2] == UInt8(ascii: "/")
                    result.append(XMLToken(kind: selfClosing ? .empty : .start, raw: raw, name: TemplateXML.name(ofTag: raw, skip: 1)))
                }
                i = end
            }
        }
        return result
    }
}

/// Escaping and attribute arithmetic on raw XML text.
enum TemplateXML {
    static func name(ofTag raw: String, skip: Int) -> String {
        var name = ""
        for c in raw.unicodeScalars.dropFirst(skip) {
            if c == " " || c == "\t" || c == "\n" || c == "\r" || c == ">" || c == "/" { break }
            name.unicodeScalars.append(c)
        }
        return name
    }

    static func prefix(of name: String) -> String {
        guard let colon = name.firstIndex(of: ":") else { return "" }
        return String(name[..<colon]) + ":"
    }

    /// The value of an attribute in a raw start or empty tag (decoded).
    static func attribute(_ name: String, in raw: String) -> String? {
        guard let range = valueRange(name, in: raw) else { return nil }
        return XMLEscaping.unescape(String(raw[range]))
    }

    /// Sets (or adds) an attribute in a raw start or empty tag.
    static func setting(_ name: String, to value: String, in raw: String) -> String {
        let escaped = XMLEscaping.escape(value, for: .attribute)
        if let range = valueRange(name, in: raw) {
            var copy = raw
            copy.replaceSubrange(range, with: escaped)
            return copy
        }
        var copy = raw
        let insertAt = raw.hasSuffix("/>") ? raw.index(raw.endIndex, offsetBy: -2) : raw.index(before: raw.endIndex)
        copy.insert(contentsOf: " \(name)=\"\(escaped)\"", at: insertAt)
        return copy
    }

    /// Removes an attribute from a raw tag.
    static func removing(_ name: String, in raw: String) -> String {
        guard let range = valueRange(name, in: raw) else { return raw }
        // Back up over `name="` and the space before it.
        var start = range.lowerBound
        start = raw.index(before: start) // quote
        while start > raw.startIndex, raw[raw.index(before: start)] != " " && raw[raw.index(before: start)] != "\t"
                && raw[raw.index(before: start)] != "\n" && raw[raw.index(before: start)] != "\r" {
            start = raw.index(before: start)
        }
        if start > raw.startIndex { start = raw.index(before: start) }
        let end = raw.index(after: range.upperBound)
        var copy = raw
        copy.removeSubrange(start..<end)
        return copy
    }

    /// The range of an attribute's value (between the quotes).
    static func valueRange(_ name: String, in raw: String) -> Range<String.Index>? {
        // Over the UTF-8 bytes: every delimiter is ASCII, so the indices found are scalar
        // boundaries of `raw` (walking Characters made this the template engine's hot spot).
        let bytes = raw.utf8
        let wanted = name.utf8
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D }
        var i = bytes.startIndex
        let end = bytes.endIndex
        // Skip the element name.
        while i < end, !isSpace(bytes[i]) && bytes[i] != UInt8(ascii: ">") && bytes[i] != UInt8(ascii: "/") {
            i = bytes.index(after: i)
        }
        while i < end {
            while i < end, isSpace(bytes[i]) { i = bytes.index(after: i) }
            let nameStart = i
            while i < end, bytes[i] != UInt8(ascii: "=") && bytes[i] != UInt8(ascii: ">") && bytes[i] != UInt8(ascii: "/") && !isSpace(bytes[i]) {
                i = bytes.index(after: i)
            }
            let attributeName = bytes[nameStart..<i]
            while i < end, isSpace(bytes[i]) { i = bytes.index(after: i) }
            guard i < end, bytes[i] == UInt8(ascii: "=") else { return nil }
            i = bytes.index(after: i)
            while i < end, isSpace(bytes[i]) { i = bytes.index(after: i) }
            guard i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { return nil }
            let quote = bytes[i]
            i = bytes.index(after: i)
            let valueStart = i
            while i < end, bytes[i] != quote { i = bytes.index(after: i) }
            guard i < end else { return nil }
            if attributeName.elementsEqual(wanted) { return valueStart..<i }
            i = bytes.index(after: i)
        }
        return nil
    }

    /// Whether `raw` contains `needle`, byte for byte (Foundation's `contains` is far slower).
    static func contains(_ needle: StaticString, in raw: String) -> Bool {
        let n = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        func search(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let first = n.first else { return true }
            guard bytes.count >= n.count else { return false }
            var i = 0
            while i <= bytes.count - n.count {
                if bytes[i] == first {
                    var k = 1
                    while k < n.count && bytes[i + k] == n[k] { k += 1 }
                    if k == n.count { return true }
                }
                i += 1
            }
            return false
        }
        if let found = raw.utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(raw.utf8).withUnsafeBufferPointer(search)
    }
}

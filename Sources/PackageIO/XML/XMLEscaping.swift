#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The one escaper of the package: text and attribute values written into XML parts (templates,
/// signatures), attribute values in canonical XML (C14N), and text in the HTML reports.
public enum XMLEscaping {
    public enum Context: Sendable {
        /// Element content: `&`, `<`, `>` escaped; characters XML 1.0 forbids dropped.
        case text
        /// An attribute value in quotes: as `.text`, and `"` escaped.
        case attribute
        /// An attribute value as canonical XML writes it: `&`, `<`, `"` and tab, line feed and
        /// carriage return as character references; nothing dropped.
        case canonicalAttribute
        /// HTML text and attribute values: `&`, `<`, `>`, `"` and `'`.
        case html

        /// The bytes that need work, NUL-terminated for `strcspn`.
        var specials: [CChar] {
            let bytes: [UInt8]
            switch self {
            case .text: bytes = Array(1...0x1F) + [0x26, 0x3C, 0x3E, 0xEF]
            case .attribute: bytes = Array(1...0x1F) + [0x22, 0x26, 0x3C, 0x3E, 0xEF]
            case .canonicalAttribute: bytes = [0x09, 0x0A, 0x0D, 0x22, 0x26, 0x3C]
            case .html: bytes = [0x22, 0x26, 0x27, 0x3C, 0x3E]
            }
            return (bytes + [0]).map { CChar(bitPattern: $0) }
        }
    }

    static let specialSets: [[CChar]] = [Context.text, .attribute, .canonicalAttribute, .html].map(\.specials)

    static func specials(_ context: Context) -> [CChar] {
        switch context {
        case .text: specialSets[0]
        case .attribute: specialSets[1]
        case .canonicalAttribute: specialSets[2]
        case .html: specialSets[3]
        }
    }

    public static func escape(_ text: String, for context: Context = .text) -> String {
        // Values may hold megabytes: the bytes between special ones are found by strcspn (in C)
        // and copied as runs, instead of one append per scalar.
        let set = specials(context)
        var text = text
        let count = text.utf8.count
        if count == text.withCString({ strcspn($0, set) }) { return text }
        let xml = context == .text || context == .attribute
        var out: [UInt8] = []
        out.reserveCapacity(count + count / 8)
        text.withCString { base in
            base.withMemoryRebound(to: UInt8.self, capacity: count + 1) { bytes in
                var i = 0
                while i < count {
                    let run = strcspn(base + i, set)
                    if run > 0 {
                        out.append(contentsOf: UnsafeBufferPointer(start: bytes + i, count: run))
                        i += run
                        if i >= count { break }
                    }
                    let b = bytes[i]
                    switch b {
                    case 0x26: out.append(contentsOf: Array("&amp;".utf8))
                    case 0x3C: out.append(contentsOf: Array("&lt;".utf8))
                    case 0x3E: out.append(contentsOf: Array("&gt;".utf8))
                    case 0x22: out.append(contentsOf: Array("&quot;".utf8))
                    case 0x27: out.append(contentsOf: Array("&#39;".utf8))
                    case 0x09 where context == .canonicalAttribute: out.append(contentsOf: Array("&#x9;".utf8))
                    case 0x0A where context == .canonicalAttribute: out.append(contentsOf: Array("&#xA;".utf8))
                    case 0x0D where context == .canonicalAttribute: out.append(contentsOf: Array("&#xD;".utf8))
                    case 0x09, 0x0A, 0x0D: out.append(b)
                    case 0xEF:
                        // U+FFFE and U+FFFF (EF BF BE, EF BF BF) are not allowed in XML 1.0.
                        if i + 2 < count, bytes[i + 1] == 0xBF, bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF {
                            i += 3
                            continue
                        }
                        out.append(b)
                    case 0 where !xml:
                        // An embedded NUL stops strcspn; outside XML it is kept.
                        out.append(b)
                    default:
                        // Other characters below U+0020 (NUL included) are dropped in XML.
                        break
                    }
                    i += 1
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text with the five predefined entities and character references resolved.
    public static func unescape(_ raw: String) -> String {
        guard raw.utf8.contains(UInt8(ascii: "&")) else { return raw }
        var out = ""
        var scalars = raw.unicodeScalars[...]
        while let c = scalars.popFirst() {
            guard c == "&" else { out.unicodeScalars.append(c); continue }
            var entity = ""
            while let d = scalars.first, d != ";", entity.unicodeScalars.count < 12 {
                entity.unicodeScalars.append(d)
                scalars = scalars.dropFirst()
            }
            if scalars.first == ";" { scalars = scalars.dropFirst() }
            switch entity {
            case "lt": out += "<"
            case "gt": out += ">"
            case "amp": out += "&"
            case "quot": out += "\""
            case "apos": out += "'"
            default:
                var value: UInt32?
                if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
                    value = UInt32(entity.dropFirst(2), radix: 16)
                } else if entity.hasPrefix("#") {
                    value = UInt32(entity.dropFirst(1))
                }
                if let value, let scalar = Unicode.Scalar(value) { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}

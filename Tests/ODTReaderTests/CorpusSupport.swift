#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// File system and JSON helpers without Foundation (Foundation's ICU clashes with the system
/// ICU headers libxml2 brings into the test module).
enum CorpusFiles {
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Paths relative to `root` of the files below it whose names end with `suffix`.
    static func files(under root: String, suffix: String) -> [String] {
        var result: [String] = []
        func walk(_ relative: String, depth: Int) {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard depth < 8, let directory = opendir(path) else { return }
            defer { closedir(directory) }
            while let entry = readdir(directory) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
                }
                if name == "." || name == ".." { continue }
                let child = relative.isEmpty ? name : relative + "/" + name
                if isDirectory(root + "/" + child) {
                    walk(child, depth: depth + 1)
                } else if name.hasSuffix(suffix) {
                    result.append(child)
                }
            }
        }
        walk("", depth: 0)
        return result.sorted()
    }

    static func read(_ path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var result: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            result += buffer[0..<count]
        }
        return result
    }

    /// The folder above `path`.
    static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return String(path[..<slash])
    }
}

/// A minimal JSON value and parser, enough for the corpus's expected files.
indirect enum JSON: Equatable {
    case null, bool(Bool), number(Double), string(String), array([JSON]), object([String: JSON])

    subscript(key: String) -> JSON? {
        if case .object(let members) = self { return members[key] } else { return nil }
    }

    static func parse(_ bytes: [UInt8]) -> JSON? {
        var parser = Parser(scalars: Array(String(decoding: bytes, as: UTF8.self).unicodeScalars))
        return parser.value()
    }

    struct Parser {
        let scalars: [Unicode.Scalar]
        var index = 0

        mutating func skip() {
            while index < scalars.count, [" ", "\n", "\r", "\t"].contains(scalars[index]) { index += 1 }
        }

        mutating func value() -> JSON? {
            skip()
            guard index < scalars.count else { return nil }
            switch scalars[index] {
            case "{":
                index += 1
                var members: [String: JSON] = [:]
                skip()
                if index < scalars.count, scalars[index] == "}" { index += 1; return .object(members) }
                while true {
                    skip()
                    guard case .string(let key)? = value() else { return nil }
                    skip()
                    guard index < scalars.count, scalars[index] == ":" else { return nil }
                    index += 1
                    guard let member = value() else { return nil }
                    members[key] = member
                    skip()
                    guard index < scalars.count else { return nil }
                    if scalars[index] == "," { index += 1; continue }
                    if scalars[index] == "}" { index += 1; return .object(members) }
                    return nil
                }
            case "[":
                index += 1
                var items: [JSON] = []
                skip()
                if index < scalars.count, scalars[index] == "]" { index += 1; return .array(items) }
                while true {
                    guard let item = value() else { return nil }
                    items.append(item)
                    skip()
                    guard index < scalars.count else { return nil }
                    if scalars[index] == "," { index += 1; continue }
                    if scalars[index] == "]" { index += 1; return .array(items) }
                    return nil
                }
            case "\"":
                index += 1
                var text = ""
                while index < scalars.count {
                    let scalar = scalars[index]
                    index += 1
                    if scalar == "\"" { return .string(text) }
                    if scalar == "\\", index < scalars.count {
                        let escaped = scalars[index]
                        index += 1
                        switch escaped {
                        case "n": text += "\n"
                        case "t": text += "\t"
                        case "r": text += "\r"
                        case "b", "f": break
                        case "u":
                            guard index + 4 <= scalars.count,
                                  var code = UInt32(String(String.UnicodeScalarView(scalars[index..<index + 4])), radix: 16) else { return nil }
                            index += 4
                            if (0xD800..<0xDC00).contains(code), index + 6 <= scalars.count, scalars[index] == "\\",
                               let low = UInt32(String(String.UnicodeScalarView(scalars[index + 2..<index + 6])), radix: 16) {
                                code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                                index += 6
                            }
                            if let decoded = Unicode.Scalar(code) { text.unicodeScalars.append(decoded) }
                        default: text.unicodeScalars.append(escaped)
                        }
                    } else {
                        text.unicodeScalars.append(scalar)
                    }
                }
                return nil
            default:
                let start = index
                while index < scalars.count, !",]} \n\r\t".unicodeScalars.contains(scalars[index]) { index += 1 }
                let word = String(String.UnicodeScalarView(scalars[start..<index]))
                switch word {
                case "true": return .bool(true)
                case "false": return .bool(false)
                case "null": return .null
                default: return Double(word).map { .number($0) }
                }
            }
        }
    }
}

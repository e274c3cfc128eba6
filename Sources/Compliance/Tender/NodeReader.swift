import Yams

/// Reads Yams nodes into values, collecting every problem as a finding (never stopping at the first).
final class NodeReader {
    let file: String
    private(set) var findings: [Finding] = []

    init(file: String) {
        self.file = file
    }

    static func position(_ node: Node) -> SourcePosition? {
        node.mark.map { SourcePosition(line: $0.line, column: $0.column) }
    }

    func report(_ rule: String, _ message: LocalizedText, at position: SourcePosition?,
                path: String, hint: LocalizedText? = nil, severity: Severity = .error) {
        findings.append(Finding(ruleID: rule, severity: severity, message: message,
                                location: Location(file: file, position: position, path: path), hint: hint))
    }

    // MARK: Scalars

    static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        guard scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// "een object", "een lijst", "de tekst "x"".
    static func describe(_ node: Node) -> LocalizedText {
        switch node {
        case .mapping: return LocalizedText("een object", "an object")
        case .sequence: return LocalizedText("een lijst", "a list")
        case .scalar(let scalar):
            if isNull(node) { return LocalizedText("leeg", "empty") }
            var text = scalar.string
            if text.count > 40 { text = String(text.prefix(40)) + "…" }
            return LocalizedText("„\(text)”", "\"\(text)\"")
        }
    }

    func typeError(_ node: Node, path: String, expected: LocalizedText, hint: LocalizedText? = nil) {
        let found = Self.describe(node)
        report("wrong-type", LocalizedText("\(path) moet \(expected.nl) zijn, niet \(found.nl)",
                                           "\(path) must be \(expected.en), not \(found.en)"),
               at: Self.position(node), path: path, hint: hint)
    }

    func string(_ node: Node, path: String) -> String? {
        guard case .scalar(let scalar) = node, !Self.isNull(node) else {
            typeError(node, path: path, expected: LocalizedText("tekst", "text"))
            return nil
        }
        return scalar.string
    }

    func int(_ node: Node, path: String) -> Int? {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any,
           let value = Int(scalar.string.replacingOccurrences(of: "_", with: "")) {
            return value
        }
        typeError(node, path: path, expected: LocalizedText("een geheel getal", "a whole number"))
        return nil
    }

    func number(_ node: Node, path: String) -> Double? {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            let text = scalar.string
            if text.allSatisfy({ "0123456789.-+eE".contains($0) }), let value = Double(text), value.isFinite {
                return value
            }
            if text.hasSuffix("%"), Double(text.dropLast().trimmingCharacters(in: .whitespaces)) != nil {
                typeError(node, path: path, expected: LocalizedText("een getal", "a number"),
                          hint: LocalizedText("schrijf percentages zonder %, bijvoorbeeld 15", "write percentages without %, e.g. 15"))
                return nil
            }
        }
        typeError(node, path: path, expected: LocalizedText("een getal", "a number"))
        return nil
    }

    func bool(_ node: Node, path: String) -> Bool? {
        if case .scalar(let scalar) = node, scalar.style == .plain || scalar.style == .any {
            switch scalar.string.lowercased() {
            case "true": return true
            case "false": return false
            default: break
            }
        }
        typeError(node, path: path, expected: LocalizedText("true of false", "true or false"))
        return nil
    }

    func date(_ node: Node, path: String, deadline: Bool) -> TenderDate? {
        guard let text = string(node, path: path) else { return nil }
        guard let date = TenderDate.parse(text, deadline: deadline) else {
            report("invalid-date", LocalizedText("\(path): „\(text)” is geen geldige datum of datum-tijd",
                                                 "\(path): \"\(text)\" is not a valid date or date-time"),
                   at: Self.position(node), path: path,
                   hint: LocalizedText("schrijf bijvoorbeeld 2021-04-01 of 2021-04-01 09:00", "write e.g. 2021-04-01 or 2021-04-01 09:00"))
            return nil
        }
        return date
    }

    func choice<E: RawRepresentable & CaseIterable>(_ node: Node, path: String, as type: E.Type) -> E? where E.RawValue == String {
        guard let text = string(node, path: path) else { return nil }
        if let value = E(rawValue: text) { return value }
        let options = E.allCases.map(\.rawValue)
        let suggestion = Suggestions.closest(to: text, in: options)
        let list = options.joined(separator: ", ")
        report("invalid-value", LocalizedText("\(path): „\(text)” is geen toegestane waarde (\(list))",
                                              "\(path): \"\(text)\" is not an allowed value (\(list))"),
               at: Self.position(node), path: path,
               hint: suggestion.map { LocalizedText("bedoelde je „\($0)”?", "did you mean \"\($0)\"?") })
        return nil
    }

    func id(_ node: Node, path: String) -> String? {
        guard let text = string(node, path: path) else { return nil }
        let valid = !text.isEmpty && text.count <= 40 && text.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-"
        }
        if !valid {
            let fixed = String(text.lowercased().unicodeScalars.map { scalar -> Character in
                ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) ? Character(scalar) : "-"
            }.prefix(40))
            report("invalid-id", LocalizedText("\(path): „\(text)” is geen geldige id (kleine letters, cijfers en -, hoogstens 40 tekens)",
                                               "\(path): \"\(text)\" is not a valid id (lower-case letters, digits and -, at most 40 characters)"),
                   at: Self.position(node), path: path,
                   hint: fixed.isEmpty ? nil : LocalizedText("bijvoorbeeld „\(fixed)”", "for example \"\(fixed)\""))
            return nil
        }
        return text
    }

    // MARK: Collections

    func object(_ node: Node, path: String, place: TenderKeys.Place) -> ObjectReader? {
        guard case .mapping(let mapping) = node else {
            typeError(node, path: path, expected: LocalizedText("een object (sleutels met waarden)", "an object (keys with values)"))
            return nil
        }
        var values: [String: Node] = [:]
        var keys: [String: SourcePosition] = [:]
        for (keyNode, value) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                typeError(keyNode, path: path, expected: LocalizedText("een sleutel (tekst)", "a key (text)"))
                continue
            }
            let key = keyScalar.string
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            if let first = keys[key] {
                report("duplicate-key", LocalizedText("sleutel „\(key)” komt twee keer voor (eerst op regel \(first.line))",
                                                      "key \"\(key)\" occurs twice (first on line \(first.line))"),
                       at: Self.position(keyNode), path: keyPath)
                continue
            }
            guard place.allowed.contains(key) else {
                let suggestion = Suggestions.closest(to: key, in: place.allowed)
                let where_ = path.isEmpty ? LocalizedText("op het hoogste niveau", "at the top level") : LocalizedText("in \(path)", "in \(path)")
                report("unknown-key", LocalizedText("onbekende sleutel „\(key)” \(where_.nl)", "unknown key \"\(key)\" \(where_.en)"),
                       at: Self.position(keyNode), path: keyPath,
                       hint: suggestion.map { LocalizedText("bedoelde je „\($0)”?", "did you mean \"\($0)\"?") }
                           ?? LocalizedText("toegestaan: " + place.allowed.joined(separator: ", "), "allowed: " + place.allowed.joined(separator: ", ")))
                continue
            }
            keys[key] = Self.position(keyNode)
            if !Self.isNull(value) { values[key] = value }
        }
        let position = Self.position(node)
        for key in place.required where values[key] == nil {
            let keyPath = path.isEmpty ? key : "\(path).\(key)"
            let where_ = path.isEmpty ? LocalizedText("op het hoogste niveau", "at the top level") : LocalizedText("in \(path)", "in \(path)")
            if let keyPosition = keys[key] {
                report("missing-value", LocalizedText("„\(key)” \(where_.nl) heeft geen waarde", "\"\(key)\" \(where_.en) has no value"),
                       at: keyPosition, path: keyPath)
            } else {
                report("missing-key", LocalizedText("verplichte sleutel „\(key)” ontbreekt \(where_.nl)", "required key \"\(key)\" is missing \(where_.en)"),
                       at: position, path: keyPath)
            }
        }
        return ObjectReader(reader: self, path: path, values: values, source: SourceRef(path: path, position: position, keys: keys))
    }

    func list(_ node: Node, path: String) -> [(node: Node, path: String)]? {
        guard case .sequence(let sequence) = node else {
            typeError(node, path: path, expected: LocalizedText("een lijst", "a list"))
            return nil
        }
        return sequence.enumerated().map { ($0.element, "\(path)[\($0.offset)]") }
    }

    /// Reports duplicate ids within one list.
    func checkUnique<T>(_ items: [T], path: String, id: (T) -> String, source: (T) -> SourceRef) {
        var seen: [String: SourcePosition?] = [:]
        for item in items {
            let value = id(item)
            let ref = source(item)
            if let first = seen[value] {
                let line = first.map { LocalizedText(" (eerst op regel \($0.line))", " (first on line \($0.line))") } ?? LocalizedText("", "")
                report("duplicate-id", LocalizedText("id „\(value)” komt meer dan eens voor in \(path)\(line.nl)",
                                                     "id \"\(value)\" occurs more than once in \(path)\(line.en)"),
                       at: ref.position(of: "id"), path: ref.path(of: "id"))
            } else {
                seen[value] = ref.position(of: "id")
            }
        }
    }
}

/// A mapping whose keys have been checked; typed access by key.
struct ObjectReader {
    let reader: NodeReader
    let path: String
    let values: [String: Node]
    let source: SourceRef

    func has(_ key: String) -> Bool { values[key] != nil }
    func path(_ key: String) -> String { source.path(of: key) }

    func string(_ key: String) -> String? { values[key].flatMap { reader.string($0, path: path(key)) } }
    func int(_ key: String) -> Int? { values[key].flatMap { reader.int($0, path: path(key)) } }
    func number(_ key: String) -> Double? { values[key].flatMap { reader.number($0, path: path(key)) } }
    func bool(_ key: String) -> Bool? { values[key].flatMap { reader.bool($0, path: path(key)) } }
    func id(_ key: String = "id") -> String? { values[key].flatMap { reader.id($0, path: path(key)) } }
    func date(_ key: String) -> TenderDate? {
        values[key].flatMap { reader.date($0, path: path(key), deadline: TenderKeys.isDeadline(key)) }
    }
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E? where E.RawValue == String {
        values[key].flatMap { reader.choice($0, path: path(key), as: type) }
    }
    func object(_ key: String, _ place: TenderKeys.Place) -> ObjectReader? {
        values[key].flatMap { reader.object($0, path: path(key), place: place) }
    }
    /// Each element of a list of objects, decoded by `decode`; bad elements are left out.
    func objects<T>(_ key: String, _ place: TenderKeys.Place, _ decode: (ObjectReader) -> T?) -> [T] {
        guard let node = values[key], let items = reader.list(node, path: path(key)) else { return [] }
        return items.compactMap { item in reader.object(item.node, path: item.path, place: place).flatMap(decode) }
    }

    /// A list of objects whose ids must be unique within it; a repeated id is reported.
    func uniqueObjects<T: IdentifiedItem>(_ key: String, _ place: TenderKeys.Place, _ decode: (ObjectReader) -> T?) -> [T] {
        let items = objects(key, place, decode)
        reader.checkUnique(items, path: path(key), id: \.id, source: \.source)
        return items
    }
    func ints(_ key: String) -> [Int] {
        guard let node = values[key], let items = reader.list(node, path: path(key)) else { return [] }
        return items.compactMap { reader.int($0.node, path: $0.path) }
    }
    func choices<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> [E] where E.RawValue == String {
        guard let node = values[key], let items = reader.list(node, path: path(key)) else { return [] }
        if case .scalar = node { return [] }
        return items.compactMap { reader.choice($0.node, path: $0.path, as: type) }
    }
}

/// A tender item with an id that must be unique among its siblings.
protocol IdentifiedItem {
    var id: String { get }
    var source: SourceRef { get }
}

extension Lot: IdentifiedItem {}
extension Segment: IdentifiedItem {}
extension SubSegment: IdentifiedItem {}
extension Criterion: IdentifiedItem {}
extension MinimumRequirement: IdentifiedItem {}

import Foundation
import Yams

/// Limits for reading a tender file, which may come from anyone.
public struct TenderLoadLimits: Sendable, Hashable {
    /// Largest file in bytes (4 MiB).
    public var maxFileSize = 4 << 20
    /// Most nodes after expanding aliases (a "billion laughs" document stops here).
    public var maxNodes = 100_000
    /// Deepest nesting of mappings and lists.
    public var maxDepth = 64

    public init() {}
}

/// The outcome of loading: the tender (partial when there are errors) and every problem found.
public struct TenderLoadResult: Sendable {
    public var tender: Tender
    public var findings: [Finding]

    /// True when loading found no errors, so lint rules can trust the model.
    public var isComplete: Bool { !findings.contains { $0.severity == .error } }
}

/// Reads a tender file (YAML, or JSON, which is YAML) into a `Tender`, collecting every
/// problem in one pass. Keys, types and values follow docs/tender-format.md.
public enum TenderLoader {
    public static var requiredTopLevelKeys: [String] { TenderKeys.top.required }
    public static var topLevelKeys: [String] { TenderKeys.top.allowed }

    /// Reads and decodes the file at `path`.
    public static func load(path: String, limits: TenderLoadLimits = TenderLoadLimits()) throws(TenderLoadError) -> TenderLoadResult {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let attributes, (attributes[.type] as? FileAttributeType) != .typeDirectory else {
            throw TenderLoadError(.unreadable, file: path, reason: LocalizedText("bestand niet gevonden of niet leesbaar", "file not found or not readable"))
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > limits.maxFileSize {
            throw tooLarge(path, size: size, limits: limits)
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TenderLoadError(.unreadable, file: path, reason: LocalizedText("bestand niet leesbaar", "file not readable"))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maxFileSize + 1) ?? Data()
        } catch {
            throw TenderLoadError(.unreadable, file: path, reason: LocalizedText("bestand niet leesbaar", "file not readable"))
        }
        if data.count > limits.maxFileSize { throw tooLarge(path, size: data.count, limits: limits) }
        return try load(data: data, file: path, limits: limits)
    }

    /// Decodes UTF-8 bytes; `file` names them in findings.
    public static func load(data: Data, file: String, limits: TenderLoadLimits = TenderLoadLimits()) throws(TenderLoadError) -> TenderLoadResult {
        if data.count > limits.maxFileSize { throw tooLarge(file, size: data.count, limits: limits) }
        var bytes = data
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard !bytes.contains(0), let text = String(data: bytes, encoding: .utf8) else {
            throw TenderLoadError(.notText, file: file, reason: LocalizedText("geen YAML- of JSON-tekst (geen geldige UTF-8)", "not YAML or JSON text (not valid UTF-8)"))
        }
        return try load(text: text, file: file, limits: limits)
    }

    /// Decodes YAML or JSON text; `file` names it in findings.
    public static func load(text: String, file: String, limits: TenderLoadLimits = TenderLoadLimits()) throws(TenderLoadError) -> TenderLoadResult {
        if text.utf8.count > limits.maxFileSize { throw tooLarge(file, size: text.utf8.count, limits: limits) }
        let root = try GuardedYAML.compose(text, file: file, maxNodes: limits.maxNodes, maxDepth: limits.maxDepth)
        guard let root, case .mapping = root else {
            throw TenderLoadError(.notAMapping, file: file, position: root.flatMap(NodeReader.position),
                                  reason: LocalizedText("een tenderbestand is een object met sleutels (versie, titel, …)", "a tender file is an object with keys (versie, titel, …)"))
        }
        let reader = NodeReader(file: file)
        let tender = TenderDecoding(reader: reader, file: file).tender(root)
        return TenderLoadResult(tender: tender, findings: reader.findings)
    }

    private static func tooLarge(_ file: String, size: Int, limits: TenderLoadLimits) -> TenderLoadError {
        TenderLoadError(.tooLarge, file: file,
                        reason: LocalizedText("bestand te groot (\(size) bytes, hoogstens \(limits.maxFileSize))",
                                              "file too large (\(size) bytes, at most \(limits.maxFileSize))"))
    }

    static func syntaxError(_ error: YamlError, file: String) -> TenderLoadError {
        var position: SourcePosition?
        var problem = "\(error)"
        switch error {
        case .scanner(_, let text, let mark, _), .parser(_, let text, let mark, _), .composer(_, let text, let mark, _):
            position = SourcePosition(line: mark.line, column: mark.column)
            problem = text
        case .reader(let text, _, _, _):
            problem = text
        default:
            break
        }
        return TenderLoadError(.syntax, file: file, position: position,
                               reason: LocalizedText("geen geldige YAML of JSON: \(problem)", "not valid YAML or JSON: \(problem)"))
    }

    /// Walks the composed tree (aliases share nodes, so they count again each time they are
    /// reached) without recursion; returns the position where the budget ran out.
    static func exceedsBudget(_ root: Node, maxNodes: Int, maxDepth: Int) -> SourcePosition? {
        var stack: [(Node, Int)] = [(root, 0)]
        var count = 0
        while let (node, depth) = stack.popLast() {
            count += 1
            if count > maxNodes || depth > maxDepth { return NodeReader.position(node) }
            switch node {
            case .scalar: break
            case .sequence(let sequence): for child in sequence { stack.append((child, depth + 1)) }
            case .mapping(let mapping):
                for (key, value) in mapping {
                    stack.append((key, depth + 1))
                    stack.append((value, depth + 1))
                }
            }
        }
        return nil
    }
}

/// A cheap lexical scan that refuses very deep nesting before the (recursive) YAML composer
/// sees it: flow brackets, chained block indicators (`- - -`) and indentation levels.
enum NestingScan {
    static func firstTooDeep(_ text: String, maxDepth: Int) -> SourcePosition? {
        var flowDepth = 0
        var indents: [Int] = []
        var lineNumber = 0
        // The lines of `text.split(separator: "\n")` (Characters, so a CR LF pair, one Character,
        // does not split), cut scalar by scalar: grapheme breaking made this scan the slowest
        // part of loading a large data file.
        var lines: [ArraySlice<Unicode.Scalar>] = []
        let all = Array(text.unicodeScalars)
        var start = 0
        for (offset, scalar) in all.enumerated() where scalar == "\n" && (offset == 0 || all[offset - 1] != "\r") {
            lines.append(all[start..<offset])
            start = offset + 1
        }
        lines.append(all[start...])
        for line in lines {
            lineNumber += 1
            let scalars = Array(line)
            var index = 0
            while index < scalars.count, scalars[index] == " " { index += 1 }
            let indent = index
            let blank = index >= scalars.count || scalars[index] == "#" || scalars[index] == "\r"
            if !blank && flowDepth == 0 {
                while let last = indents.last, last > indent { indents.removeLast() }
                if indents.last != indent { indents.append(indent) }
            }
            var chain = 0
            while index + 1 < scalars.count, scalars[index] == "-" || scalars[index] == "?", scalars[index + 1] == " " {
                chain += 1
                index += 2
                while index < scalars.count, scalars[index] == " " { index += 1 }
            }
            var previous: Unicode.Scalar = " "
            var lastSignificant: Unicode.Scalar = "-"
            var quote: Unicode.Scalar?
            while index < scalars.count {
                let c = scalars[index]
                if let q = quote {
                    if c == "\\" && q == "\"" { index += 1 } else if c == q { quote = nil }
                } else if c == "\"" || c == "'" {
                    if flowDepth > 0 || ":-,[{?".unicodeScalars.contains(lastSignificant) { quote = c }
                } else if c == "#" && (previous == " " || previous == "\t") {
                    break
                } else if c == "[" || c == "{" {
                    if flowDepth > 0 || ":-,[{?".unicodeScalars.contains(lastSignificant) { flowDepth += 1 }
                } else if (c == "]" || c == "}") && flowDepth > 0 {
                    flowDepth -= 1
                }
                if c != " " && c != "\t" { lastSignificant = c }
                previous = c
                if indents.count + chain + flowDepth > maxDepth {
                    return SourcePosition(line: lineNumber, column: index + 1)
                }
                index += 1
            }
            if indents.count + chain + flowDepth > maxDepth {
                return SourcePosition(line: lineNumber, column: max(1, index))
            }
        }
        return nil
    }
}

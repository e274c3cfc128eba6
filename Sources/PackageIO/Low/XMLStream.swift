import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Receives the events of one XML part as libxml2's pull reader walks it.
public protocol XMLStreamHandler {
    mutating func startElement(_ name: XMLName, attributes: [XMLAttribute], line: Int) throws
    mutating func endElement() throws
    mutating func text(_ text: String) throws
}

/// A namespace-qualified name. OOXML Strict namespaces are mapped to their Transitional
/// equivalents while parsing, so readers match one set of names.
public struct XMLName: Hashable, Sendable, CustomStringConvertible {
    public let namespace: String
    public let local: String

    public init(_ namespace: String, _ local: String) {
        self.namespace = namespace
        self.local = local
    }

    public var description: String { namespace.isEmpty ? local : "{\(namespace)}\(local)" }
}

public struct XMLAttribute: Sendable, Hashable {
    public let name: XMLName
    public let value: String
}

/// Streams an XML part through libxml2's xmlTextReader: no network, no DTD loading, no entity
/// substitution; a DOCTYPE is refused before parsing when the part is UTF-8 or UTF-16, and as
/// soon as the reader meets it otherwise; depth and node count are bounded.
public enum XMLStream {
    public static func parse<H: XMLStreamHandler>(
        _ bytes: [UInt8], part: String, limits: ReadLimits = .default, into handler: inout H
    ) throws {
        initialize
        // libxml2's error handlers are per thread.
        dossier_libxml2_silence_generic_errors()
        if XMLProlog.hasDoctype(bytes) { throw ReadError(.xmlDTDForbidden, part: part) }
        guard bytes.count <= Int(Int32.max) else { throw ReadError(.entryTooLarge(limit: Int64(Int32.max)), part: part) }
        let errors = ErrorSink()
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_COMPACT.rawValue
            | XML_PARSE_NOCDATA.rawValue | XML_PARSE_NOWARNING.rawValue)
        try withExtendedLifetime(errors) {
        try bytes.withUnsafeBufferPointer { buffer in
            guard let address = buffer.baseAddress, !buffer.isEmpty else {
                throw ReadError(.xmlMalformed(line: 1, detail: "empty part"), part: part)
            }
            let base = UnsafeRawPointer(address).assumingMemoryBound(to: CChar.self)
            guard let reader = xmlReaderForMemory(base, Int32(buffer.count), part, nil, options) else {
                throw ReadError(.xmlMalformed(line: 0, detail: "no parser"), part: part)
            }
            defer { xmlFreeTextReader(reader) }
            let context = Unmanaged.passUnretained(errors).toOpaque()
            xmlTextReaderSetStructuredErrorHandler(reader, { context, error in
                guard let context, let error else { return }
                let sink = Unmanaged<ErrorSink>.fromOpaque(context).takeUnretainedValue()
                if sink.line == nil, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue {
                    sink.line = Int(error.pointee.line)
                    let message = error.pointee.message.map { String(cString: $0) } ?? "?"
                    sink.message = message.trimmingSpace
                }
            }, context)
            var names = NameCache()
            var nodes = 0
            func failure() -> ReadError {
                ReadError(.xmlMalformed(line: errors.line ?? Int(xmlTextReaderGetParserLineNumber(reader)),
                                        detail: errors.message ?? "unexpected end"), part: part)
            }
            while true {
                let status = xmlTextReaderRead(reader)
                if status == 0 { break }
                if status < 0 { throw failure() }
                let type = xmlTextReaderNodeType(reader)
                switch type {
                case 1:  // element
                    nodes += 1
                    if nodes > limits.maxXMLNodes { throw ReadError(.xmlTooManyNodes(limit: limits.maxXMLNodes), part: part) }
                    if Int(xmlTextReaderDepth(reader)) >= limits.maxXMLDepth {
                        throw ReadError(.xmlTooDeep(limit: limits.maxXMLDepth), part: part)
                    }
                    let name = names.name(xmlTextReaderConstNamespaceUri(reader), xmlTextReaderConstLocalName(reader))
                    let isEmpty = xmlTextReaderIsEmptyElement(reader) == 1
                    let node = xmlTextReaderCurrentNode(reader)
                    let line = node.map { Int(xmlGetLineNo($0)) } ?? Int(xmlTextReaderGetParserLineNumber(reader))
                    var attributes: [XMLAttribute] = []
                    if xmlTextReaderHasAttributes(reader) == 1 {
                        while xmlTextReaderMoveToNextAttribute(reader) == 1 {
                            if xmlTextReaderIsNamespaceDecl(reader) == 1 { continue }
                            let attributeName = names.name(
                                xmlTextReaderConstNamespaceUri(reader), xmlTextReaderConstLocalName(reader))
                            let value = xmlTextReaderConstValue(reader).map { String(cString: $0) } ?? ""
                            attributes.append(XMLAttribute(name: attributeName, value: value))
                        }
                        xmlTextReaderMoveToElement(reader)
                    }
                    if name.local == "Choice", name.namespace == Namespaces.mc {
                        attributes = attributes.map { Self.resolvingRequires($0, reader: reader) }
                    }
                    try handler.startElement(name, attributes: attributes, line: line)
                    if isEmpty { try handler.endElement() }
                case 15:  // end element
                    try handler.endElement()
                case 3, 4, 13, 14:  // text, CDATA, whitespace, significant whitespace
                    nodes += 1
                    if nodes > limits.maxXMLNodes { throw ReadError(.xmlTooManyNodes(limit: limits.maxXMLNodes), part: part) }
                    if let value = xmlTextReaderConstValue(reader) { try handler.text(String(cString: value)) }
                case 5, 6, 10:  // entity reference, entity, document type
                    throw ReadError(.xmlDTDForbidden, part: part)
                default:
                    continue
                }
            }
            if errors.line != nil { throw failure() }
        }
        }
    }

    /// mc:Choice names the namespaces it requires by prefix; prefixes are the document's own
    /// choice, so they are resolved here, where the declarations are in scope, and the value
    /// becomes the namespace URIs ("?" for an undeclared prefix).
    private static func resolvingRequires(_ attribute: XMLAttribute, reader: xmlTextReaderPtr) -> XMLAttribute {
        guard attribute.name.local == "Requires", attribute.name.namespace.isEmpty else { return attribute }
        let uris = attribute.value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).prefix(32).map { prefix -> String in
            String(prefix).withCString { pointer in
                pointer.withMemoryRebound(to: xmlChar.self, capacity: prefix.utf8.count + 1) { name in
                    guard let uri = xmlTextReaderLookupNamespace(reader, name) else { return "?" }
                    defer { free(uri) }  // allocated by libxml2 with its default allocator, malloc
                    return Namespaces.transitional(String(cString: uri))
                }
            }
        }
        return XMLAttribute(name: attribute.name, value: uris.joined(separator: " "))
    }

    /// Makes libxml2 ready for use from several threads; runs once.
    private static let initialize: Void = {
        xmlInitParser()
    }()

    private final class ErrorSink {
        var line: Int?
        var message: String?
    }

    /// Names come from libxml2's dictionary, so one pointer is one name for the whole parse:
    /// each distinct name becomes a Swift string once.
    private struct NameCache {
        private var cache: [PairKey: XMLName] = [:]

        struct PairKey: Hashable {
            let namespace: UnsafeRawPointer?
            let local: UnsafeRawPointer?
        }

        mutating func name(_ namespace: UnsafePointer<xmlChar>?, _ local: UnsafePointer<xmlChar>?) -> XMLName {
            let key = PairKey(namespace: namespace.map(UnsafeRawPointer.init), local: local.map(UnsafeRawPointer.init))
            if let hit = cache[key] { return hit }
            let uri = namespace.map { String(cString: $0) } ?? ""
            let name = XMLName(Namespaces.transitional(uri), local.map { String(cString: $0) } ?? "")
            cache[key] = name
            return name
        }
    }
}

/// Finds a DOCTYPE declaration in the prolog, before the root element, in UTF-8 or UTF-16.
enum XMLProlog {
    static func hasDoctype(_ bytes: [UInt8]) -> Bool {

        var index = 0
        var step = 1
        var littleEndian = true
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE { step = 2; index = 2 }
        else if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF { step = 2; index = 2; littleEndian = false }
        else if bytes.count >= 2 && bytes[0] == 0x3C && bytes[1] == 0x00 { step = 2 }
        else if bytes.count >= 2 && bytes[0] == 0x00 && bytes[1] == 0x3C { step = 2; littleEndian = false }
        else if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
        // Decode lazily: only the prolog is looked at.
        func unit(_ i: Int) -> UInt16? {
            let at = index + i * step
            guard at + step - 1 < bytes.count else { return nil }
            if step == 1 { return UInt16(bytes[at]) }
            return littleEndian ? UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8 : UInt16(bytes[at]) << 8 | UInt16(bytes[at + 1])
        }
        func matches(_ i: Int, _ text: String) -> Bool {
            for (offset, scalar) in text.utf16.enumerated() where unit(i + offset) != scalar { return false }
            return true
        }
        func skip(from i: Int, past terminator: String) -> Int? {
            var j = i
            while unit(j) != nil {
                if matches(j, terminator) { return j + terminator.utf16.count }
                j += 1
            }
            return nil
        }

        var i = 0
        while let u = unit(i) {
            if u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0D { i += 1; continue }
            guard u == 0x3C else { return false }
            if matches(i, "<?") { guard let next = skip(from: i + 2, past: "?>") else { return false }; i = next; continue }
            if matches(i, "<!--") { guard let next = skip(from: i + 4, past: "-->") else { return false }; i = next; continue }
            if matches(i, "<!") { return true }
            return false
        }

        return false
    }
}

extension String {
    package var trimmingSpace: String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

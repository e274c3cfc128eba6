import CLibXML2
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A parsed XML document held as libxml2's tree, for what needs the whole tree at once:
/// XML-DSig canonicalization and `Id` lookup. Parsed like ``XMLStream``: no network, no DTD
/// loading, no entity substitution, a DOCTYPE refused; node count and depth bounded.
/// This file, XMLStream.swift and the zip files are the only places that see libxml2 types.
/// Bytes handed to libxml2 piece by piece (xmlReadIO), without a copy of the whole.
private final class MemorySource {
    let buffer: UnsafeBufferPointer<UInt8>
    var offset = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.buffer = buffer }

    static let read: xmlInputReadCallback = { context, target, length in
        guard let context, let target, length > 0 else { return 0 }
        let source = Unmanaged<MemorySource>.fromOpaque(context).takeUnretainedValue()
        let count = min(Int(length), source.buffer.count - source.offset)
        guard count > 0, let base = source.buffer.baseAddress else { return 0 }
        memcpy(target, base + source.offset, count)
        source.offset += count
        return Int32(count)
    }
}

package final class XMLDOMDocument {
    fileprivate let doc: xmlDocPtr
    let part: String

    package init(bytes: [UInt8], part: String, limits: ReadLimits = .default) throws {
        self.part = part
        xmlInitParser()
        dossier_libxml2_silence_generic_errors()
        if XMLProlog.hasDoctype(bytes) { throw ReadError(.xmlDTDForbidden, part: part) }
        guard !bytes.isEmpty else { throw ReadError(.xmlMalformed(line: 1, detail: "empty part"), part: part) }
        guard bytes.count <= Int(Int32.max) else { throw ReadError(.entryTooLarge(limit: Int64(Int32.max)), part: part) }
        // Whitespace is kept (no NOBLANKS): canonical forms depend on it.
        let options = Int32(bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_NOWARNING.rawValue
            | XML_PARSE_NOERROR.rawValue)
        // Fed through a read callback: xmlReadMemory would first copy the whole part.
        let parsed = bytes.withUnsafeBufferPointer { buffer -> xmlDocPtr? in
            let source = MemorySource(buffer)
            let context = Unmanaged.passUnretained(source).toOpaque()
            return withExtendedLifetime(source) {
                xmlReadIO(MemorySource.read, nil, context, part, nil, options)
            }
        }
        guard let parsed else {
            let error = xmlGetLastError()
            let line = error.map { Int($0.pointee.line) } ?? 0
            let message = error.flatMap { $0.pointee.message }.map { String(cString: $0).trimmingSpace } ?? "?"
            throw ReadError(.xmlMalformed(line: line, detail: message), part: part)
        }
        if parsed.pointee.intSubset != nil || parsed.pointee.extSubset != nil {
            xmlFreeDoc(parsed)
            throw ReadError(.xmlDTDForbidden, part: part)
        }
        doc = parsed
        // Bound the tree (libxml2 already bounds depth at 256 without XML_PARSE_HUGE).
        var count = 0
        var tooDeep = false
        func walk(_ node: xmlNodePtr?, depth: Int) {
            var current = node
            while let node = current, count <= limits.maxXMLNodes, !tooDeep {
                count += 1
                if depth >= limits.maxXMLDepth { tooDeep = true; return }
                if node.pointee.type == XML_ENTITY_REF_NODE || node.pointee.type == XML_ENTITY_NODE {
                    tooDeep = true
                    count = Int.max
                    return
                }
                walk(node.pointee.children, depth: depth + 1)
                current = node.pointee.next
            }
        }
        walk(xmlDocGetRootElement(doc), depth: 0)
        if count == Int.max { throw ReadError(.xmlDTDForbidden, part: part) }
        if tooDeep { throw ReadError(.xmlTooDeep(limit: limits.maxXMLDepth), part: part) }
        if count > limits.maxXMLNodes { throw ReadError(.xmlTooManyNodes(limit: limits.maxXMLNodes), part: part) }
    }

    deinit { xmlFreeDoc(doc) }

    package var root: XMLDOMNode? {
        xmlDocGetRootElement(doc).map { XMLDOMNode(document: self, pointer: $0) }
    }

    /// Every element carrying an `Id` attribute (no namespace) with this value, in document order.
    package func elements(withID id: String) -> [XMLDOMNode] {
        allElements().filter { $0.attribute("Id") == id }
    }

    /// `Id` values that occur on more than one element.
    package func duplicateIDs() -> [String] {
        var seen: [String: Int] = [:]
        for element in allElements() {
            if let id = element.attribute("Id") { seen[id, default: 0] += 1 }
        }
        return seen.filter { $0.value > 1 }.map(\.key).sorted()
    }

    func allElements() -> [XMLDOMNode] {
        var result: [XMLDOMNode] = []
        func walk(_ node: xmlNodePtr?) {
            var current = node
            while let node = current {
                if node.pointee.type == XML_ELEMENT_NODE {
                    result.append(XMLDOMNode(document: self, pointer: node))
                    walk(node.pointee.children)
                }
                current = node.pointee.next
            }
        }
        walk(xmlDocGetRootElement(doc))
        return result
    }

    package enum C14NMode: Sendable {
        case inclusive10, exclusive10, inclusive11
    }

    /// The canonical form of the whole document (`node` nil) or of one element's subtree,
    /// computed on this tree (never on a copy, so inherited namespaces stay right).
    package func canonical(_ node: XMLDOMNode? = nil, mode: C14NMode = .inclusive10, withComments: Bool = false,
                   inclusivePrefixes: [String] = []) throws -> [UInt8] {
        guard let buffer = xmlAllocOutputBuffer(nil) else { throw ReadError(.fileUnreadable("out of memory")) }
        let libMode: Int32
        switch mode {
        case .inclusive10: libMode = Int32(XML_C14N_1_0.rawValue)
        case .exclusive10: libMode = Int32(XML_C14N_EXCLUSIVE_1_0.rawValue)
        case .inclusive11: libMode = Int32(XML_C14N_1_1.rawValue)
        }
        // Prefix list for exclusive C14N, NULL-terminated, "#default" for the default namespace.
        var prefixes: [UnsafeMutablePointer<xmlChar>?] = inclusivePrefixes.map { prefix in
            let copy = strdup(prefix)!
            return UnsafeMutableRawPointer(copy).assumingMemoryBound(to: xmlChar.self)
        }
        prefixes.append(nil)
        defer { for pointer in prefixes { free(pointer) } }
        let result: Int32 = prefixes.withUnsafeMutableBufferPointer { list in
            let prefixList = inclusivePrefixes.isEmpty ? nil : list.baseAddress
            if let node {
                let callback: xmlC14NIsVisibleCallback = { data, candidate, parent in
                    guard let data, let candidate else { return 0 }
                    let root = data.assumingMemoryBound(to: xmlNode.self)
                    // A namespace node is an xmlNs; its element is `parent`. For other nodes the
                    // node itself is walked up to see whether it lies in the selected subtree.
                    var current: xmlNodePtr? = candidate.pointee.type == XML_NAMESPACE_DECL ? parent : candidate
                    while let here = current {
                        if here == root { return 1 }
                        current = here.pointee.parent
                    }
                    return 0
                }
                return xmlC14NExecute(doc, callback, UnsafeMutableRawPointer(node.pointer), libMode, prefixList,
                                      withComments ? 1 : 0, buffer)
            }
            return xmlC14NExecute(doc, nil, nil, libMode, prefixList, withComments ? 1 : 0, buffer)
        }
        defer { xmlOutputBufferClose(buffer) }
        guard result >= 0 else {
            throw ReadError(.xmlMalformed(line: 0, detail: "canonicalization failed"), part: part)
        }
        let size = Int(xmlOutputBufferGetSize(buffer))
        guard size > 0, let content = xmlOutputBufferGetContent(buffer) else { return [] }
        return Array(UnsafeBufferPointer(start: content, count: size))
    }
}

/// An element of an ``XMLDOMDocument``; keeps its document alive.
package struct XMLDOMNode {
    let document: XMLDOMDocument
    fileprivate let pointer: xmlNodePtr

    package var localName: String { pointer.pointee.name.map { String(cString: $0) } ?? "" }
    package var namespace: String { pointer.pointee.ns?.pointee.href.map { String(cString: $0) } ?? "" }

    package func `is`(_ namespace: String, _ local: String) -> Bool {
        localName == local && self.namespace == namespace
    }

    /// An attribute without namespace.
    package func attribute(_ name: String) -> String? {
        guard let value = xmlGetNoNsProp(pointer, name) else { return nil }
        defer { free(value) }  // libxml2 allocates with malloc by default
        return String(cString: value)
    }

    /// Element children, in order.
    package var children: [XMLDOMNode] {
        var result: [XMLDOMNode] = []
        var current = pointer.pointee.children
        while let node = current {
            if node.pointee.type == XML_ELEMENT_NODE { result.append(XMLDOMNode(document: document, pointer: node)) }
            current = node.pointee.next
        }
        return result
    }

    package func child(_ namespace: String, _ local: String) -> XMLDOMNode? {
        children.first { $0.is(namespace, local) }
    }

    package func children(_ namespace: String, _ local: String) -> [XMLDOMNode] {
        children.filter { $0.is(namespace, local) }
    }

    /// Descendant elements (not self) with this name, in document order; any namespace when nil.
    package func descendants(_ namespace: String?, _ local: String) -> [XMLDOMNode] {
        var result: [XMLDOMNode] = []
        func walk(_ node: XMLDOMNode) {
            for child in node.children {
                if child.localName == local && (namespace == nil || child.namespace == namespace) { result.append(child) }
                walk(child)
            }
        }
        walk(self)
        return result
    }

    /// The text content of the element and its descendants.
    package var text: String {
        guard let value = xmlNodeGetContent(pointer) else { return "" }
        defer { free(value) }  // libxml2 allocates with malloc by default
        return String(cString: value)
    }

    var parent: XMLDOMNode? {
        guard let parent = pointer.pointee.parent, parent.pointee.type == XML_ELEMENT_NODE else { return nil }
        return XMLDOMNode(document: document, pointer: parent)
    }

    /// Whether this element is `other` or lies inside it.
    package func isInside(_ other: XMLDOMNode) -> Bool {
        var current: xmlNodePtr? = pointer
        while let node = current {
            if node == other.pointer { return true }
            current = node.pointee.parent
        }
        return false
    }

    func isSame(_ other: XMLDOMNode) -> Bool { pointer == other.pointer }
}

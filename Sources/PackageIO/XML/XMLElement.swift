/// A parsed XML element: a small immutable tree built from the pull stream, for parts that are
/// read whole (document, styles, numbering, content). Text is kept as it stands.
public final class XMLElement: @unchecked Sendable {
    public let name: XMLName
    public let attributes: [XMLAttribute]
    public let line: Int
    public fileprivate(set) var children: [XMLNode] = []

    init(name: XMLName, attributes: [XMLAttribute], line: Int) {
        self.name = name
        self.attributes = attributes
        self.line = line
    }

    public func `is`(_ namespace: String, _ local: String) -> Bool {
        name.local == local && name.namespace == namespace
    }

    public func attribute(_ namespace: String, _ local: String) -> String? {
        for attribute in attributes where attribute.name.local == local && attribute.name.namespace == namespace {
            return attribute.value
        }
        return nil
    }

    /// An attribute without a namespace (relationships, content types).
    public func attribute(_ local: String) -> String? {
        attribute("", local)
    }

    public var elements: [XMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    public func children(_ namespace: String, _ local: String) -> [XMLElement] {
        elements.filter { $0.is(namespace, local) }
    }

    public func child(_ namespace: String, _ local: String) -> XMLElement? {
        for case .element(let element) in children where element.is(namespace, local) { return element }
        return nil
    }

    /// All text below this element, in document order.
    public var textContent: String {
        var result = ""
        func walk(_ element: XMLElement) {
            for child in element.children {
                switch child {
                case .text(let text): result += text
                case .element(let inner): walk(inner)
                }
            }
        }
        walk(self)
        return result
    }

    /// Parses a whole part into a tree.
    public static func parse(_ bytes: [UInt8], part: String, limits: ReadLimits = .default) throws -> XMLElement {
        var builder = TreeBuilder()
        try XMLStream.parse(bytes, part: part, limits: limits, into: &builder)
        guard let root = builder.root else {
            throw ReadError(.xmlMalformed(line: 1, detail: "no root element"), part: part)
        }
        return root
    }
}

public enum XMLNode: Sendable {
    case element(XMLElement)
    case text(String)
}

struct TreeBuilder: XMLStreamHandler {
    var stack: [XMLElement] = []
    var root: XMLElement?
    /// Adjacent text nodes (split by comments or processing instructions) are gathered here and
    /// become one child when the next element starts or ends: linear, however many pieces.
    private var pendingText = ""

    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        stack.last?.children.append(.text(pendingText))
        pendingText = ""
    }

    mutating func startElement(_ name: XMLName, attributes: [XMLAttribute], line: Int) throws {
        flushText()
        let element = XMLElement(name: name, attributes: attributes, line: line)
        if let parent = stack.last { parent.children.append(.element(element)) } else { root = element }
        stack.append(element)
    }

    mutating func endElement() throws {
        flushText()
        if !stack.isEmpty { stack.removeLast() }
    }

    mutating func text(_ text: String) throws {
        if !stack.isEmpty { pendingText += text }
    }
}

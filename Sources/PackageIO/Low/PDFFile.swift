import CPoppler
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What dossier reads from a PDF, as plain Swift values: the only file that touches poppler.
/// A PDF is read whole from memory (bounded by the file size limit), its pages by count and its
/// text by size; nothing is fetched from outside the file.
public struct PDFContent: Sendable, Codable {
    public struct Page: Sendable, Codable {
        public var width: Double
        public var height: Double
        /// The page's text in reading order, lines separated by line feeds.
        public var text: String
    }

    public struct OutlineItem: Sendable, Codable {
        public var title: String
        /// 1 for the top level.
        public var level: Int
        /// 0-based page number of its destination, when it has one in this file.
        public var page: Int?
    }

    /// An element of the tagged structure (PDF/UA, "tagged PDF").
    public struct StructureItem: Sendable, Codable {
        public enum Kind: Sendable, Codable {
            /// H1–H6 (a plain H counts as 1).
            case heading(Int)
            case paragraph
        }

        public var kind: Kind
        public var text: String
    }

    public var pages: [Page] = []
    public var outline: [OutlineItem] = []
    /// Empty when the PDF is not tagged.
    public var structure: [StructureItem] = []
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: String?
    public var creator: String?
    public var producer: String?
    /// Seconds since 1970, as the file's information dictionary says.
    public var created: Int?
    public var modified: Int?
    public var version: String?
    /// Document-level and link JavaScript actions (named where a name is known).
    public var javaScript: [String] = []
    /// Targets of launch actions (programs or files to open).
    public var launchTargets: [String] = []
    /// Names of embedded files.
    public var attachments: [String] = []
    /// Markup annotations: notes, highlights, stamps, ink… (links and form widgets not counted).
    public var annotations = 0
    public var formFields = 0
}

public enum PDFFile {
    /// Reads a PDF from memory: in a worker process when one is set (``PDFWorker``), so that
    /// poppler's time and memory on a hostile file are bounded by the kernel; else in this process.
    public static func read(_ bytes: [UInt8], limits: ReadLimits) throws -> PDFContent {
        if Int64(bytes.count) > limits.maxFileSize { throw ReadError(.fileTooLarge(limit: limits.maxFileSize)) }
        if let worker = PDFWorker.executable { return try PDFWorker.read(bytes, limits: limits, executable: worker) }
        return try readHere(bytes, limits: limits)
    }

    /// Reads a PDF in this process. Throws ``ReadError`` for an encrypted or damaged file and for
    /// one over the page or text limits.
    public static func readHere(_ bytes: [UInt8], limits: ReadLimits) throws -> PDFContent {
        if Int64(bytes.count) > limits.maxFileSize { throw ReadError(.fileTooLarge(limit: limits.maxFileSize)) }
        let data = bytes.withUnsafeBytes { g_bytes_new($0.baseAddress, gsize($0.count)) }
        defer { g_bytes_unref(data) }
        var error: UnsafeMutablePointer<GError>?
        guard let document = poppler_document_new_from_bytes(data, nil, &error) else {
            defer { if error != nil { g_error_free(error) } }
            if let error, error.pointee.domain == dossier_poppler_error_quark(), error.pointee.code == Int32(POPPLER_ERROR_ENCRYPTED.rawValue) {
                throw ReadError(.encryptedPDF)
            }
            let detail = error.map { String(cString: $0.pointee.message) } ?? "?"
            throw ReadError(.damagedPDF(detail))
        }
        defer { unref(document) }

        var content = PDFContent()
        let count = Int(poppler_document_get_n_pages(document))
        if count > limits.maxPDFPages { throw ReadError(.tooManyPages(count: count, limit: limits.maxPDFPages)) }
        content.title = take(poppler_document_get_title(document))
        content.author = take(poppler_document_get_author(document))
        content.subject = take(poppler_document_get_subject(document))
        content.keywords = take(poppler_document_get_keywords(document))
        content.creator = take(poppler_document_get_creator(document))
        content.producer = take(poppler_document_get_producer(document))
        content.version = take(poppler_document_get_pdf_version_string(document))
        let created = poppler_document_get_creation_date(document)
        if created > 0 { content.created = Int(created) }
        let modified = poppler_document_get_modification_date(document)
        if modified > 0 { content.modified = Int(modified) }
        if poppler_document_has_javascript(document) != 0 { content.javaScript.append("document") }
        content.attachments = attachmentNames(document)

        var textBytes = 0
        for index in 0..<count {
            guard let page = poppler_document_get_page(document, Int32(index)) else { continue }
            defer { unref(page) }
            var width = 0.0, height = 0.0
            poppler_page_get_size(page, &width, &height)
            var text = spacedText(page)
            textBytes += text.utf8.count
            if textBytes > limits.maxPDFText { throw ReadError(.pdfTextTooLarge(limit: limits.maxPDFText)) }
            if text.contains("\r") { text = text.replacingCRLF() }
            content.pages.append(PDFContent.Page(width: width, height: height, text: text))
            actions(on: page, into: &content)
            annotations(on: page, into: &content)
            content.formFields += listCount(poppler_page_get_form_field_mapping(page)) { poppler_page_free_form_field_mapping($0) }
        }
        content.outline = outline(document, pages: count, limit: limits.maxXMLNodes)
        content.structure = structure(document, limit: limits.maxXMLNodes)
        return content
    }

    static func unref(_ object: OpaquePointer) { g_object_unref(UnsafeMutableRawPointer(object)) }

    /// A string poppler hands over (to be freed with g_free); nil for none or empty.
    static func take(_ pointer: UnsafeMutablePointer<gchar>?) -> String? {
        guard let pointer else { return nil }
        defer { g_free(pointer) }
        let text = String(cString: pointer)
        return text.isEmpty ? nil : text
    }

    /// Each element of a GList, as the type poppler put in it.
    static func each<T>(_ list: UnsafeMutablePointer<GList>?, as type: T.Type, _ body: (UnsafeMutablePointer<T>) -> Void) {
        var node = list
        while let current = node {
            if let data = current.pointee.data { body(data.assumingMemoryBound(to: type)) }
            node = current.pointee.next
        }
    }

    static func listCount(_ list: UnsafeMutablePointer<GList>?, free: (UnsafeMutablePointer<GList>?) -> Void) -> Int {
        defer { free(list) }
        return Int(g_list_length(list))
    }

    static func attachmentNames(_ document: OpaquePointer) -> [String] {
        guard poppler_document_has_attachments(document) != 0 else { return [] }
        let list = poppler_document_get_attachments(document)
        defer { g_list_free_full(list) { g_object_unref($0) } }
        var names: [String] = []
        each(list, as: PopplerAttachment.self) { attachment in
            names.append(attachment.pointee.name.map { String(cString: $0) } ?? "?")
        }
        return names
    }

    static func actions(on page: OpaquePointer, into content: inout PDFContent) {
        let list = poppler_page_get_link_mapping(page)
        defer { poppler_page_free_link_mapping(list) }
        each(list, as: PopplerLinkMapping.self) { mapping in
            guard let action = mapping.pointee.action else { return }
            switch action.pointee.type {
            case POPPLER_ACTION_JAVASCRIPT: content.javaScript.append("link")
            case POPPLER_ACTION_LAUNCH: content.launchTargets.append(action.pointee.launch.file_name.map { String(cString: $0) } ?? "?")
            default: break
            }
        }
    }

    static func annotations(on page: OpaquePointer, into content: inout PDFContent) {
        let list = poppler_page_get_annot_mapping(page)
        defer { poppler_page_free_annot_mapping(list) }
        each(list, as: PopplerAnnotMapping.self) { mapping in
            guard let annot = mapping.pointee.annot else { return }
            switch poppler_annot_get_annot_type(annot) {
            case POPPLER_ANNOT_LINK, POPPLER_ANNOT_WIDGET, POPPLER_ANNOT_POPUP, POPPLER_ANNOT_UNKNOWN: break
            default: content.annotations += 1
            }
        }
    }

    /// The page's text, with a space where poppler's text runs two words together: its selection
    /// text joins table cells and spaced-out runs ("Innovatie25%35%"). Each character has a box;
    /// a gap wider than a third of the line's height between two characters on one line is a space.
    static func spacedText(_ page: OpaquePointer) -> String {
        guard let raw = take(poppler_page_get_text(page)) else { return "" }
        var rectangles: UnsafeMutablePointer<PopplerRectangle>?
        var count: guint = 0
        guard poppler_page_get_text_layout(page, &rectangles, &count) != 0, let rectangles else { return raw }
        defer { g_free(rectangles) }
        let scalars = Array(raw.unicodeScalars)
        guard scalars.count == Int(count) else { return raw }
        var result = String.UnicodeScalarView()
        result.reserveCapacity(scalars.count + scalars.count / 16)
        for index in scalars.indices {
            let scalar = scalars[index]
            if index > 0 {
                let previous = scalars[index - 1]
                let a = rectangles[index - 1], b = rectangles[index]
                let height = max(a.y2 - a.y1, b.y2 - b.y1)
                let sameLine = min(a.y2, b.y2) - max(a.y1, b.y1) > height / 2
                if sameLine, height > 0, !previous.properties.isWhitespace, !scalar.properties.isWhitespace, b.x1 - a.x2 > height / 3 {
                    result.append(" ")
                }
            }
            result.append(scalar)
        }
        return String(result)
    }

    /// The bookmarks, depth first, at most `limit` of them.
    static func outline(_ document: OpaquePointer, pages: Int, limit: Int) -> [PDFContent.OutlineItem] {
        guard let root = poppler_index_iter_new(document) else { return [] }
        defer { poppler_index_iter_free(root) }
        var items: [PDFContent.OutlineItem] = []
        func walk(_ iter: OpaquePointer, level: Int) {
            repeat {
                if items.count >= limit || level > 64 { return }
                if let action = poppler_index_iter_get_action(iter) {
                    defer { poppler_action_free(action) }
                    let title = action.pointee.any.title.map { String(cString: $0) } ?? ""
                    var page: Int?
                    if action.pointee.type == POPPLER_ACTION_GOTO_DEST, let dest = action.pointee.goto_dest.dest {
                        page = destinationPage(document, dest)
                    }
                    items.append(PDFContent.OutlineItem(title: title, level: level, page: page.flatMap { (0..<pages).contains($0) ? $0 : nil }))
                }
                if let child = poppler_index_iter_get_child(iter) {
                    walk(child, level: level + 1)
                    poppler_index_iter_free(child)
                }
            } while poppler_index_iter_next(iter) != 0
        }
        walk(root, level: 1)
        return items
    }

    static func destinationPage(_ document: OpaquePointer, _ dest: UnsafeMutablePointer<PopplerDest>) -> Int? {
        if dest.pointee.type == POPPLER_DEST_NAMED, let name = dest.pointee.named_dest {
            guard let found = poppler_document_find_dest(document, name) else { return nil }
            defer { poppler_dest_free(found) }
            return Int(found.pointee.page_num) - 1
        }
        return Int(dest.pointee.page_num) - 1
    }

    /// Headings and paragraphs of the tagged structure, in document order; at most `limit` elements
    /// are visited.
    static func structure(_ document: OpaquePointer, limit: Int) -> [PDFContent.StructureItem] {
        guard let root = poppler_structure_element_iter_new(document) else { return [] }
        defer { poppler_structure_element_iter_free(root) }
        var items: [PDFContent.StructureItem] = []
        var visited = 0
        func walk(_ iter: OpaquePointer, depth: Int) {
            repeat {
                visited += 1
                if visited > limit || depth > 256 { return }
                guard let element = poppler_structure_element_iter_get_element(iter) else { continue }
                defer { unref(element) }
                let kind = poppler_structure_element_get_kind(element)
                var item: PDFContent.StructureItem.Kind?
                switch kind {
                case POPPLER_STRUCTURE_ELEMENT_HEADING, POPPLER_STRUCTURE_ELEMENT_HEADING_1: item = .heading(1)
                case POPPLER_STRUCTURE_ELEMENT_HEADING_2: item = .heading(2)
                case POPPLER_STRUCTURE_ELEMENT_HEADING_3: item = .heading(3)
                case POPPLER_STRUCTURE_ELEMENT_HEADING_4: item = .heading(4)
                case POPPLER_STRUCTURE_ELEMENT_HEADING_5: item = .heading(5)
                case POPPLER_STRUCTURE_ELEMENT_HEADING_6: item = .heading(6)
                case POPPLER_STRUCTURE_ELEMENT_PARAGRAPH: item = .paragraph
                default: item = nil
                }
                if let item {
                    let text = take(poppler_structure_element_get_text(element, POPPLER_STRUCTURE_GET_TEXT_RECURSIVE)) ?? ""
                    items.append(PDFContent.StructureItem(kind: item, text: text))
                } else if let child = poppler_structure_element_iter_get_child(iter) {
                    walk(child, depth: depth + 1)
                    poppler_structure_element_iter_free(child)
                }
            } while poppler_structure_element_iter_next(iter) != 0
        }
        walk(root, depth: 0)
        return items
    }
}

extension String {
    func replacingCRLF() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" { result.unicodeScalars.append("\n"); previousCR = true; continue }
            if scalar == "\n" && previousCR { previousCR = false; continue }
            previousCR = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}

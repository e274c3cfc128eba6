import DocModel
import DutchTime
import Foundation
import PackageIO

/// Reads a PDF into the document model. Headings come from the tagged structure (H1–H6), else
/// from the bookmarks matched to lines of the page text, else there are none (and
/// ``PDFFacts/headingSource`` says so). Without structure every line of page text is a paragraph,
/// pages separated by page breaks, so words per section are those under each heading.
public enum PDFReader {
    public static func read(_ bytes: [UInt8], limits: ReadLimits) throws -> Document {
        document(from: try PDFFile.read(bytes, limits: limits))
    }

    static func document(from content: PDFContent) -> Document {
        var facts = PDFFacts(
            pageSizes: content.pages.map { PDFFacts.PageSize(width: $0.width, height: $0.height) },
            pagesWithoutText: content.pages.indices.filter { Words.count(content.pages[$0].text) == 0 }.map { $0 + 1 },
            version: content.version, javaScript: content.javaScript, launchTargets: content.launchTargets,
            attachments: content.attachments, annotations: content.annotations, formFields: content.formFields)
        var body: [Block]
        if content.structure.contains(where: { if case .heading = $0.kind { true } else { false } }) {
            facts.headingSource = .structure
            body = content.structure.compactMap { item -> Block? in
                let text = Words.normalizeSpace(item.text)
                guard !text.isEmpty else { return nil }
                switch item.kind {
                case .heading(let level): return .heading(Heading(level: level, inlines: [.text(TextRun(text))]))
                case .paragraph: return .paragraph(Paragraph(inlines: [.text(TextRun(text))]))
                }
            }
        } else {
            (body, facts.unmatchedBookmarks) = linesWithBookmarks(content)
            facts.headingSource = content.outline.isEmpty || facts.unmatchedBookmarks.count == content.outline.count ? .none : .outline
        }
        var metadata = Metadata()
        metadata.title = content.title
        metadata.creator = content.author
        metadata.subject = content.subject
        metadata.keywords = content.keywords
        // The producing application: the program that made the PDF, else the one that wrote the
        // original ("Writer", "Microsoft® Word for Microsoft 365").
        metadata.application = content.producer ?? content.creator
        metadata.created = content.created.map { DutchTime.iso(Date(timeIntervalSince1970: TimeInterval($0))) }
        metadata.modified = content.modified.map { DutchTime.iso(Date(timeIntervalSince1970: TimeInterval($0))) }
        metadata.pages = content.pages.count
        return Document(format: .pdf, metadata: metadata, body: body, pdf: facts)
    }

    /// Every line of text a paragraph; a line that matches the next bookmark (on its page or
    /// after) becomes a heading of the bookmark's level. Returns the bookmarks never matched.
    static func linesWithBookmarks(_ content: PDFContent) -> ([Block], [String]) {
        var pending = content.outline.filter { !TextKey.key($0.title).isEmpty }
        var unmatched: [String] = []
        var body: [Block] = []
        for (index, page) in content.pages.enumerated() {
            if index > 0 { body.append(.break(BlockBreak(kind: .page))) }
            // Bookmarks pointing before this page that were not found are given up.
            while let next = pending.first, let target = next.page, target < index {
                unmatched.append(next.title)
                pending.removeFirst()
            }
            for line in page.text.split(separator: "\n", omittingEmptySubsequences: true) {
                let text = Words.normalizeSpace(String(line))
                guard !text.isEmpty else { continue }
                if let next = pending.first, next.page.map({ $0 <= index }) ?? true, TextKey.matches(line: text, title: next.title) {
                    body.append(.heading(Heading(level: next.level, inlines: [.text(TextRun(text))])))
                    pending.removeFirst()
                } else {
                    body.append(.paragraph(Paragraph(inlines: [.text(TextRun(text))])))
                }
            }
        }
        unmatched += pending.map(\.title)
        return (body, unmatched)
    }

    /// Bookmark titles against lines: case, spacing and a leading number ("2.1", "3.") aside.
    enum TextKey {
        static func key(_ text: String) -> String {
            var words = text.lowercased().split(whereSeparator: { $0.isWhitespace }).map(String.init)
            if let first = words.first, first.allSatisfy({ $0.isNumber || $0 == "." }) { words.removeFirst() }
            return words.joined(separator: " ")
        }

        static func matches(line: String, title: String) -> Bool {
            let wanted = key(title), found = key(line)
            return !wanted.isEmpty && (found == wanted || (found.hasPrefix(wanted) && wanted.count >= 12))
        }
    }
}

import DocModel
import Testing
import TestSupport

/// Regressions found by review: hostile tracked changes and nested repeats that must finish
/// fast, linear embedded-object bookkeeping, lists starting at 0, and ODF white space.
@Suite struct ODTReviewRegressionTests {
    static func deletionRegion(_ id: String, _ content: String) -> String {
        """
        <text:changed-region xml:id="\(id)" text:id="\(id)"><text:deletion><office:change-info><dc:creator>a</dc:creator>\
        </office:change-info>\(content)</text:deletion></text:changed-region>
        """
    }

    /// Table cells at every nesting level (of tables in cells).
    static func cellCount(_ blocks: [Block]) -> Int {
        var count = 0
        for block in blocks {
            guard case .table(let table) = block else { continue }
            for row in table.rows {
                count += row.cells.count
                for cell in row.cells { count += cellCount(cell.blocks) }
            }
        }
        return count
    }

    @Test func oneDeletionReferencedManyTimesIsExpandedOnce() throws {
        let deleted = String(repeating: "<text:p>gone words here</text:p>", count: 3_000)
        let references = String(repeating: "<text:change text:change-id=\"big\"/>", count: 3_000)
        let xml = FlatODT.document(
            "<text:tracked-changes>" + Self.deletionRegion("big", deleted) + "</text:tracked-changes>"
                + "<text:p>\(references)</text:p>")
        var document: Document?
        let cost = try CPUCost.measure { document = try FlatODT.read(xml) }
        #expect(cost.cpuSeconds < 10, "\(cost)")
        guard case .paragraph(let paragraph)? = document?.body.first else {
            Issue.record("expected a paragraph")
            return
        }
        #expect(paragraph.inlines.count == 3_000)
        // The deleted text is shown at the first reference; the others are empty deletions.
        guard case .revision(let first) = paragraph.inlines[0], case .revision(let second) = paragraph.inlines[1] else {
            Issue.record("expected revisions")
            return
        }
        #expect(first.revision.kind == .deletion)
        #expect(first.inlines.count == 2 * 3_000 - 1)
        #expect(second.revision.kind == .deletion)
        #expect(second.inlines.isEmpty)
    }

    @Test func nestedRepeatedCellsShareOneBudget() throws {
        var inner = "<text:p>w</text:p>"
        for _ in 0..<5 {
            inner = """
                <table:table><table:table-row><table:table-cell table:number-columns-repeated="1000">\(inner)\
                </table:table-cell></table:table-row></table:table>
                """
        }
        var rows = "<text:p>v</text:p>"
        for _ in 0..<5 {
            rows = """
                <table:table><table:table-row table:number-rows-repeated="1000"><table:table-cell>\(rows)\
                </table:table-cell></table:table-row></table:table>
                """
        }
        var document: Document?
        let cost = try CPUCost.measure { document = try FlatODT.read(body: inner + rows) }
        #expect(cost.cpuSeconds < 5, "\(cost)")
        guard let document, document.body.count == 2, case .table(let outer) = document.body[0],
              case .table(let byRows) = document.body[1] else {
            Issue.record("expected two tables")
            return
        }
        // Content holding a table is read once: one copy, the repeats are empty cells. (Checked
        // first, with #require: counting the cells of a multiplied table would not finish.)
        #expect(outer.rows[0].cells.count == 1_000)
        if case .table? = outer.rows[0].cells[0].blocks.first {} else { Issue.record("expected the nested table") }
        try #require(outer.rows[0].cells.dropFirst().allSatisfy { $0.blocks.isEmpty })
        #expect(byRows.rows.count == 1_000)
        if case .table? = byRows.rows[0].cells[0].blocks.first {} else { Issue.record("expected the nested table") }
        try #require(byRows.rows.dropFirst().allSatisfy { $0.cells.count == 1 && $0.cells[0].blocks.isEmpty })
        #expect(Self.cellCount(document.body) <= 100_000)
        // Paragraph content is still repeated.
        let innermost = FlatODT.dump(document).split(separator: "\n").filter { $0.hasSuffix("Text \"w\"") }.count
        #expect(innermost == 1_000)
    }

    @Test func cellsAtEveryLevelCountAgainstTheDocumentBudget() throws {
        // A row repeated 1000 times whose cell holds a table of 1000 repeated paragraph cells:
        // a million logical cells if the row's content were repeated.
        let inner = """
            <table:table><table:table-row><table:table-cell table:number-columns-repeated="1000"><text:p>c</text:p>\
            </table:table-cell></table:table-row></table:table>
            """
        let many = """
            <table:table><table:table-row><table:table-cell table:number-columns-repeated="1000"><text:p>m</text:p>\
            </table:table-cell></table:table-row></table:table>
            """
        let body = "<table:table><table:table-row table:number-rows-repeated=\"1000\"><table:table-cell>\(inner)"
            + "</table:table-cell></table:table-row></table:table>"
            + String(repeating: many, count: 150)
        let document = try FlatODT.read(body: body)
        #expect(Self.cellCount(document.body) <= 100_000)
        guard case .table(let first) = document.body.first else {
            Issue.record("expected a table")
            return
        }
        #expect(Self.cellCount([.table(first)]) == 1_000 + 1_000)
    }

    @Test func embeddedObjectsKeepOrderWithoutDuplicates() throws {
        var frames = ""
        for index in 0..<4_000 {
            frames += "<draw:frame draw:name=\"F\(index)\"><draw:object xlink:href=\"./Object \(index)/\"/></draw:frame>"
            frames += "<draw:frame><draw:object xlink:href=\"Object \(index)\"/></draw:frame>"
        }
        var document: Document?
        let cost = try CPUCost.measure { document = try FlatODT.read(body: "<text:p>\(frames)</text:p>") }
        #expect(cost.cpuSeconds < 10, "\(cost)")
        #expect(document?.package.embeddedObjects == (0..<4_000).map { "Object \($0)" })
    }

    static let insertion = """
        <text:tracked-changes><text:changed-region text:id="ins"><text:insertion><office:change-info>\
        <dc:creator>a</dc:creator></office:change-info></text:insertion></text:changed-region></text:tracked-changes>
        """
}

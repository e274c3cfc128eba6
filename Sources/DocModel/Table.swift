/// A table. Cells covered by a span are not listed: a cell's ``TableCell/columnSpan`` and
/// ``TableCell/rowSpan`` say how far it reaches.
public struct Table: Sendable, Hashable {
    public var style: String?
    public var rows: [TableRow]

    public init(style: String? = nil, rows: [TableRow]) {
        self.style = style
        self.rows = rows
    }

    /// The number of grid columns: the widest row, counting spans.
    public var columnCount: Int {
        rows.map { $0.cells.reduce(0) { $0 + $1.columnSpan } }.max() ?? 0
    }
}

public struct TableRow: Sendable, Hashable {
    public var cells: [TableCell]
    /// The row repeats as a header row on each page.
    public var isHeader: Bool
    /// A content control around the whole row (a Word repeating section item, for instance).
    public var contentControl: ContentControlProperties?

    public init(cells: [TableCell], isHeader: Bool = false, contentControl: ContentControlProperties? = nil) {
        self.cells = cells
        self.isHeader = isHeader
        self.contentControl = contentControl
    }
}

public struct TableCell: Sendable, Hashable {
    public var blocks: [Block]
    public var columnSpan: Int
    public var rowSpan: Int

    public init(blocks: [Block], columnSpan: Int = 1, rowSpan: Int = 1) {
        self.blocks = blocks
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
    }
}

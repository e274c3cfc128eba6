/// A field: its instruction and the result the editor last showed.
/// Readers keep the result as text; the instruction is not document text.
public struct Field: Sendable, Hashable {
    /// DOCX: the field code ("PAGE", "MERGEFIELD naam"); ODF: the element and its name
    /// ("user-field-get naam", "page-number").
    public var instruction: String
    public var result: [Inline]

    public init(instruction: String, result: [Inline]) {
        self.instruction = instruction
        self.result = result
    }

    /// The first word of the instruction, upper-cased ("PAGE", "TOC", "MERGEFIELD").
    public var kind: String {
        String(instruction.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "").uppercased()
    }
}

/// Document properties as the editor saved them (DOCX docProps, ODF meta.xml).
public struct Metadata: Sendable, Hashable {
    public var title: String?
    public var subject: String?
    public var creator: String?
    public var description: String?
    public var keywords: String?
    public var lastModifiedBy: String?
    /// ISO 8601 as stored.
    public var created: String?
    public var modified: String?
    public var revision: String?
    public var language: String?
    /// The producing application ("Microsoft Office Word", "LibreOffice/7.3…").
    public var application: String?
    public var company: String?
    /// The attached template's name as the editor saved it.
    public var template: String?
    /// Statistics as the editor last saved them; nil when absent.
    public var pages: Int?
    public var words: Int?
    public var characters: Int?
    public var paragraphs: Int?
    /// User-defined properties (DOCX custom.xml, ODF `meta:user-defined`), in document order.
    public var custom: [Property]

    public struct Property: Sendable, Hashable {
        public var name: String
        public var value: String

        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    public init() {
        custom = []
    }
}

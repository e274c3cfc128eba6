/// Facts about the package a document came in: what a checker must know beyond the text.
public struct PackageFacts: Sendable, Hashable {
    public var parts: [Part]
    /// Parts holding macros (DOCX `vbaProject.bin`, ODF `Basic/`, `Scripts/`).
    public var macroParts: [String]
    /// Embedded files and objects (OLE objects, packages, ODF `Object N`).
    public var embeddedObjects: [String]
    /// Relationships whose target lies outside the package.
    public var externalRelationships: [ExternalRelationship]
    /// Package signature parts (`_xmlsignatures/…`, `META-INF/documentsignatures.xml`).
    public var signatureParts: [String]
    /// The attached template, when it lies outside the package (DOCX `attachedTemplate`).
    public var attachedTemplate: String?

    public init(
        parts: [Part] = [],
        macroParts: [String] = [],
        embeddedObjects: [String] = [],
        externalRelationships: [ExternalRelationship] = [],
        signatureParts: [String] = [],
        attachedTemplate: String? = nil
    ) {
        self.parts = parts
        self.macroParts = macroParts
        self.embeddedObjects = embeddedObjects
        self.externalRelationships = externalRelationships
        self.signatureParts = signatureParts
        self.attachedTemplate = attachedTemplate
    }

    public struct Part: Sendable, Hashable {
        public var name: String
        public var size: Int64
        public var compressedSize: Int64
        public var contentType: String?

        public init(name: String, size: Int64, compressedSize: Int64, contentType: String? = nil) {
            self.name = name
            self.size = size
            self.compressedSize = compressedSize
            self.contentType = contentType
        }
    }

    public struct ExternalRelationship: Sendable, Hashable {
        /// The part the relationship belongs to.
        public var source: String
        /// The relationship type's last path segment ("hyperlink", "image", "attachedTemplate").
        public var type: String
        public var target: String

        public init(source: String, type: String, target: String) {
            self.source = source
            self.type = type
            self.target = target
        }

        /// A hyperlink to a web page is ordinary; anything else that points outside the
        /// package (linked images, templates, OLE links, data sources) is worth a flag.
        public var isHyperlink: Bool { type == "hyperlink" }
    }
}

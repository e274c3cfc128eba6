/// Namespace URIs the readers use.
public enum Namespaces {
    // OOXML (Transitional)
    public static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    public static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    public static let wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
    public static let a = "http://schemas.openxmlformats.org/drawingml/2006/main"
    public static let pic = "http://schemas.openxmlformats.org/drawingml/2006/picture"
    public static let wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    public static let mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    public static let v = "urn:schemas-microsoft-com:vml"
    public static let o = "urn:schemas-microsoft-com:office:office"
    public static let m = "http://schemas.openxmlformats.org/officeDocument/2006/math"
    public static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    public static let contentTypes = "http://schemas.openxmlformats.org/package/2006/content-types"
    public static let coreProperties = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
    public static let dc = "http://purl.org/dc/elements/1.1/"
    public static let dcterms = "http://purl.org/dc/terms/"
    public static let extendedProperties = "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"
    public static let customProperties = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    public static let vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    public static let w14 = "http://schemas.microsoft.com/office/word/2010/wordml"

    // ODF
    public static let office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    public static let text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    public static let table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    public static let style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
    public static let fo = "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
    public static let draw = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
    public static let svg = "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"
    public static let xlink = "http://www.w3.org/1999/xlink"
    public static let meta = "urn:oasis:names:tc:opendocument:xmlns:meta:1.0"
    public static let form = "urn:oasis:names:tc:opendocument:xmlns:form:1.0"
    public static let manifest = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
    public static let loext = "urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"

    // UBL / ESPD-EDM
    public static let qualificationApplicationResponse = "urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationResponse-2"
    public static let qualificationApplicationRequest = "urn:oasis:names:specification:ubl:schema:xsd:QualificationApplicationRequest-2"
    public static let cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    public static let cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"

    public static let xml = "http://www.w3.org/XML/1998/namespace"

    /// OOXML Strict (ISO/IEC 29500 Strict) namespaces and their Transitional equivalents.
    static let strictToTransitional: [String: String] = [
        "http://purl.oclc.org/ooxml/wordprocessingml/main": w,
        "http://purl.oclc.org/ooxml/officeDocument/relationships": r,
        "http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing": wp,
        "http://purl.oclc.org/ooxml/drawingml/main": a,
        "http://purl.oclc.org/ooxml/drawingml/picture": pic,
        "http://purl.oclc.org/ooxml/officeDocument/math": m,
        "http://purl.oclc.org/ooxml/officeDocument/extendedProperties": extendedProperties,
        "http://purl.oclc.org/ooxml/officeDocument/customProperties": customProperties,
        "http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes": vt,
    ]

    static func transitional(_ uri: String) -> String {
        strictToTransitional[uri] ?? uri
    }
}

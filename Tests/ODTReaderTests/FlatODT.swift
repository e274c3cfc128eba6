import DocModel
import DocReaders
import TestSupport

/// Builds small flat ODT documents for the tests.
enum FlatODT {
    static let namespaces = """
        xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" \
        xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" \
        xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" \
        xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" \
        xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" \
        xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" \
        xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" \
        xmlns:xlink="http://www.w3.org/1999/xlink" \
        xmlns:dc="http://purl.org/dc/elements/1.1/" \
        xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" \
        xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0" \
        xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0"
        """

    /// A flat ODT text document with the given body content (inside office:text).
    static func document(
        _ body: String, styles: String = "", automatic: String = "", meta: String = "",
        master: String = "", beforeBody: String = ""
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <office:document \(namespaces) office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
        <office:meta>\(meta)</office:meta>
        \(beforeBody)
        <office:styles>\(styles)</office:styles>
        <office:automatic-styles>\(automatic)</office:automatic-styles>
        <office:master-styles>\(master)</office:master-styles>
        <office:body><office:text>\(body)</office:text></office:body>
        </office:document>
        """
    }

    static func read(_ xml: String) throws -> Document {
        try DocumentReader.read(bytes: Array(xml.utf8))
    }

    static func read(
        body: String, styles: String = "", automatic: String = "", meta: String = "",
        master: String = "", beforeBody: String = ""
    ) throws -> Document {
        try read(document(body, styles: styles, automatic: automatic, meta: meta, master: master, beforeBody: beforeBody))
    }

    /// The document of a model fixture, Tests/Fixtures/model/<name>.fodt (paired with its expected
    /// dump there, checked by DocReadersTests' ModelSnapshotTests).
    static func fixture(_ name: String) throws -> Document {
        try DocumentReader.read(path: Snapshot.projectRoot() + "/Tests/Fixtures/model/\(name).fodt")
    }

    /// The dump of the body only, without the "Document" line.
    static func dump(_ document: Document) -> String {
        ModelDump.dump(document.body)
    }
}

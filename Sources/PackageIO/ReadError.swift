import DocModel

/// Why a file could not be read. Every case names what went wrong in the user's terms;
/// ``message(in:)`` gives the one line shown to the user (the caller prefixes the file name).
public struct ReadError: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case fileNotFound
        case fileUnreadable(String)
        case notAPackage
        case encryptedOffice
        case legacyWordBinary
        case otherCompoundFile
        case unsupportedDocumentKind(String)
        case unknownPackage
        case damagedZip(ZipDamage)
        case encryptedEntry
        case duplicateEntry
        case tooManyEntries(count: Int, limit: Int)
        case entryTooLarge(limit: Int64)
        case packageTooLarge(limit: Int64)
        case compressionRatio(limit: Int64)
        case missingPart
        case wrongMimetype(String)
        case xmlMalformed(line: Int, detail: String)
        case xmlDTDForbidden
        case xmlTooDeep(limit: Int)
        case xmlTooManyNodes(limit: Int)
        case fileTooLarge(limit: Int64)
        /// A PDF that needs a password to be opened.
        case encryptedPDF
        /// A PDF poppler cannot read (its own words).
        case damagedPDF(String)
        case tooManyPages(count: Int, limit: Int)
        case pdfTextTooLarge(limit: Int)
        /// Reading the PDF took more CPU time or memory than its worker may use.
        case pdfTooCostly(seconds: Int, mebibytes: Int)
        /// XML that is not an ESPD response: a request, or another document (`found` is the root element).
        case notAnESPDResponse(found: String)
    }

    /// What is wrong with a damaged zip package.
    public enum ZipDamage: Sendable, Equatable {
        /// No usable central directory: the file is cut off, or its directory does not fit the entries.
        case noCentralDirectory
        /// The data ends before an entry does.
        case truncated
        /// The central directory and the local entry headers disagree.
        case inconsistent
        case checksum
        case compressedData
        /// Another libzip error, in libzip's own (English) words.
        case other(String)

        func message(in l: Language) -> String {
            switch self {
            case .noCentralDirectory: return l.pick("geen bruikbare centrale map (afgebroken of beschadigd bestand)", "no usable central directory (cut off or damaged file)")
            case .truncated: return l.pick("het bestand houdt midden in een onderdeel op", "the file ends in the middle of an entry")
            case .inconsistent: return l.pick("centrale map en onderdelen spreken elkaar tegen", "central directory and entries disagree")
            case .checksum: return l.pick("controlegetal (CRC) klopt niet", "checksum (CRC) does not match")
            case .compressedData: return l.pick("ongeldige gecomprimeerde gegevens", "invalid compressed data")
            case .other(let detail): return detail
            }
        }
    }

    public var kind: Kind
    /// The part of the package (zip entry) concerned, if any.
    public var part: String?

    public init(_ kind: Kind, part: String? = nil) {
        self.kind = kind
        self.part = part
    }

    /// One line, without the file name.
    public func message(in language: Language) -> String {
        let l = language
        let text: String
        switch kind {
        case .fileNotFound:
            text = l.pick("bestand niet gevonden", "file not found")
        case .fileUnreadable(let reason):
            text = l.pick("bestand kan niet worden gelezen (\(reason))", "file cannot be read (\(reason))")
        case .notAPackage:
            text = l.pick(
                "geen DOCX-, ODT- of PDF-document: het bestand is geen zip-pakket, geen platte ODT en geen PDF",
                "not a DOCX, ODT or PDF document: the file is neither a zip package nor a flat ODT nor a PDF")
        case .encryptedOffice:
            text = l.pick(
                "het document is met een wachtwoord versleuteld; sla het op zonder wachtwoord",
                "the document is encrypted with a password; save it without a password")
        case .legacyWordBinary:
            text = l.pick(
                "dit is een Word 97-2003-document (.doc); sla het op als .docx of .odt",
                "this is a Word 97-2003 document (.doc); save it as .docx or .odt")
        case .otherCompoundFile:
            text = l.pick(
                "dit is een oud binair Office-bestand, geen DOCX of ODT",
                "this is an old binary Office file, not DOCX or ODT")
        case .unsupportedDocumentKind(let what):
            text = l.pick(
                "dit is een \(Self.dutchKind(what)), geen tekstdocument; lever een DOCX of ODT aan",
                "this is a \(what), not a text document; supply a DOCX or ODT")
        case .unknownPackage:
            text = l.pick(
                "zip-pakket zonder Word- of OpenDocument-hoofddocument",
                "zip package without a Word or OpenDocument main document")
        case .damagedZip(let damage):
            text = l.pick("beschadigd zip-pakket: ", "damaged zip package: ") + damage.message(in: l)
        case .encryptedEntry:
            text = l.pick("versleuteld onderdeel in het zip-pakket", "encrypted entry in the zip package")
        case .duplicateEntry:
            text = l.pick("naam komt twee keer voor in het zip-pakket", "name occurs twice in the zip package")
        case .tooManyEntries(let count, let limit):
            text = l.pick(
                "te veel onderdelen in het pakket (\(count), grens \(limit))",
                "too many entries in the package (\(count), limit \(limit))")
        case .entryTooLarge(let limit):
            text = l.pick(
                "onderdeel is uitgepakt groter dan de grens van \(Self.bytes(limit))",
                "entry is larger than the limit of \(Self.bytes(limit)) when unpacked")
        case .packageTooLarge(let limit):
            text = l.pick(
                "pakket is uitgepakt groter dan de grens van \(Self.bytes(limit))",
                "package is larger than the limit of \(Self.bytes(limit)) when unpacked")
        case .compressionRatio(let limit):
            text = l.pick(
                "onderdeel is verdacht sterk gecomprimeerd (meer dan \(limit):1), mogelijk een zip-bom",
                "entry is compressed suspiciously well (over \(limit):1), possibly a zip bomb")
        case .missingPart:
            text = l.pick("onderdeel ontbreekt in het pakket", "part is missing from the package")
        case .wrongMimetype(let value):
            text = l.pick(
                "onbekend OpenDocument-type '\(value)'", "unknown OpenDocument type '\(value)'")
        case .xmlMalformed(let line, let detail):
            text = l.pick("ongeldige XML op regel \(line): \(detail)", "malformed XML at line \(line): \(detail)")
        case .xmlDTDForbidden:
            text = l.pick(
                "XML met een DTD (DOCTYPE) wordt om veiligheidsredenen niet gelezen",
                "XML with a DTD (DOCTYPE) is not read, for safety")
        case .xmlTooDeep(let limit):
            text = l.pick("XML is dieper genest dan \(limit) niveaus", "XML is nested deeper than \(limit) levels")
        case .xmlTooManyNodes(let limit):
            text = l.pick("XML heeft meer dan \(limit) knopen", "XML has more than \(limit) nodes")
        case .encryptedPDF:
            text = l.pick(
                "de PDF is met een wachtwoord beveiligd; lever hem aan zonder wachtwoord",
                "the PDF is protected with a password; supply it without a password")
        case .damagedPDF(let detail):
            text = l.pick("beschadigde PDF: \(detail)", "damaged PDF: \(detail)")
        case .tooManyPages(let count, let limit):
            text = l.pick("te veel pagina's (\(count), grens \(limit))", "too many pages (\(count), limit \(limit))")
        case .pdfTextTooLarge(let limit):
            text = l.pick(
                "de tekst van de PDF is groter dan de grens van \(Self.bytes(Int64(limit)))",
                "the PDF's text is larger than the limit of \(Self.bytes(Int64(limit)))")
        case .pdfTooCostly(let seconds, let mebibytes):
            text = l.pick(
                "het lezen van de PDF kost meer dan \(seconds) s rekentijd of \(mebibytes) MiB geheugen; mogelijk een kwaadaardig bestand",
                "reading the PDF takes more than \(seconds) s of CPU time or \(mebibytes) MiB of memory; possibly a malicious file")
        case .fileTooLarge(let limit):
            text = l.pick(
                "bestand is groter dan de grens van \(Self.bytes(limit))",
                "file is larger than the limit of \(Self.bytes(limit))")
        case .notAnESPDResponse(let found):
            if found == "QualificationApplicationRequest" {
                text = l.pick(
                    "dit is een UEA-verzoek van de aanbestedende dienst (QualificationApplicationRequest), geen ingevuld UEA; lever het antwoord (QualificationApplicationResponse) aan",
                    "this is an ESPD request from the contracting authority (QualificationApplicationRequest), not a filled-in ESPD; supply the response (QualificationApplicationResponse)")
            } else {
                text = l.pick(
                    "geen UEA/ESPD-antwoord: het hoofdelement is '\(found)', verwacht QualificationApplicationResponse",
                    "not an ESPD response: the root element is '\(found)', expected QualificationApplicationResponse")
            }
        }
        guard let part else { return text }
        return "\(part): \(text)"
    }

    static func bytes(_ count: Int64) -> String {
        if count >= 1 << 20 && count % (1 << 20) == 0 { return "\(count >> 20) MiB" }
        if count >= 1 << 10 && count % (1 << 10) == 0 { return "\(count >> 10) KiB" }
        return "\(count) B"
    }

    private static func dutchKind(_ what: String) -> String {
        switch what {
        case "spreadsheet": return "spreadsheet"
        case "presentation": return "presentatie"
        case "drawing": return "tekening"
        default: return what
        }
    }
}

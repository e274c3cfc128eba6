import Crypto
import Foundation
import TestSupport
import X509
#if canImport(Glibc)
import Glibc
#endif
import PackageIO

/// Hostile files made at test time (never committed): zip bombs, huge and deep XML, entities,
/// traversal, lying headers, truncations, bad ODT mimetypes, hostile YAML. Each file is made
/// once per test process, on first use, in its own folder together with the submission folder,
/// submission .zip and templates folder the commands get it in.
/// The fixture's folder, for the exit handler (a C function pointer cannot capture it).
nonisolated(unsafe) private var hostileRootToRemove: String?

final class HostileFiles: @unchecked Sendable {
    static let shared: HostileFiles = {
        do { return try HostileFiles() } catch { fatalError("hostile fixture: \(error)") }
    }()

    // MARK: - The catalogue (names only: known before anything is made)

    static let samples = Run.projectRoot + "/samples/documents"
    static let dossierDocx = samples + "/bekwaamheidsdossier-zorgaanbieder.docx"
    static let dossierODT = samples + "/bekwaamheidsdossier-zorgaanbieder.odt"
    static let templateDocx = Run.projectRoot + "/templates/bekwaamheidsdossier.docx"
    static let signedDocx = Run.corpus + "/signed/ooxml/hello-world-signed.docx"
    static let signedODT = Run.corpus + "/signed/odf/good.odt"
    static let tender = Run.projectRoot + "/samples/tenders/achterhoek-2021.yaml"

    static let crafted: [String] = [
        "ratio-bomb.docx", "ratio-bomb-size-lie.docx", "ratio-bomb.odt",
        "overlap-bomb.docx", "overlap-bomb-in-limits.docx", "overlap-bomb-deflate.docx", "overlap-bomb-only.zip.docx",
        "200000-entries.docx",
        "deep-20000.docx", "deep-20000.odt",
        "billion-laughs.docx", "billion-laughs.odt", "billion-laughs-utf16.docx",
        "xxe-file.docx", "xxe-file.odt", "xxe-network.docx", "xxe-parameter.docx", "xinclude.docx", "xinclude.odt",
        "huge-text.docx", "huge-text-compressible.docx", "huge-attribute.docx", "huge-attribute-compressible.docx", "huge-text.odt",
        "duplicate-names.docx", "duplicate-content-types.docx", "duplicate-names.odt",
        "traversal-names.docx", "absolute-names.docx", "traversal-names.odt",
        "rels-outside.docx", "links-outside.odt", "rels-self.docx", "rels-root-self.docx", "rels-cycle.docx",
        "cd-local-name.docx", "cd-local-crc.docx", "cd-local-size.docx",
        "zero-file.docx", "zero-document.docx", "zero-content-types.docx", "zero-root-rels.docx", "zero-document-rels.docx",
        "zero-styles.docx", "zero-content.odt", "zero-mimetype.odt", "zero-manifest.odt", "zero-styles.odt",
        "name-ff-fe.docx", "name-ff-fe-utf8-flag.docx", "name-ff-fe-document.docx", "name-ff-fe.odt",
        "odt-no-mimetype.odt", "odt-wrong-mimetype.odt", "odt-compressed-mimetype.odt", "odt-mimetype-not-first.odt",
    ]

    /// Offsets to cut a file of `size` bytes at: 0, 1, 22, spread evenly, and in and around the
    /// central directory (found from the end record).
    static func cuts(of path: String, count: Int) -> [Int] {
        guard let bytes = FileManager.default.contents(atPath: path).map(Array.init), bytes.count > 64 else { return [] }
        let size = bytes.count
        var offsets: Set<Int> = [0, 1, 22, 30, size - 1, size - 22, size - 21, size - 2]
        if let end = (0...(size - 22)).reversed().first(where: { bytes[$0] == 0x50 && bytes[$0 + 1] == 0x4B && bytes[$0 + 2] == 5 && bytes[$0 + 3] == 6 }) {
            let central = Int(bytes[end + 16]) | Int(bytes[end + 17]) << 8 | Int(bytes[end + 18]) << 16 | Int(bytes[end + 19]) << 24
            if central < end {
                for step in 0..<6 { offsets.insert(central + (end - central) * step / 6) }
                offsets.insert(central + 1)
                offsets.insert(central + 46)
            }
        }
        var step = 1
        while offsets.count < count && step < count * 4 {
            offsets.insert(size * step / (count + 1))
            step += 1
        }
        return offsets.filter { $0 >= 0 && $0 < size }.sorted()
    }

    static let truncationBases: [(label: String, path: String, count: Int)] = {
        var bases = [("dossier", dossierDocx, 40), ("dossier", dossierODT, 16), ("template", templateDocx, 16)]
        if Run.corpusAvailable {
            bases += [("signed", signedDocx, 16), ("signed", signedODT, 12)]
        }
        return bases
    }()

    static let truncated: [String] = truncationBases.flatMap { base in
        let ext = (base.path as NSString).pathExtension
        return cuts(of: base.path, count: base.count).map { "cut-\(base.label)-\($0).\(ext)" }
    }

    /// Every file of ../shared/corpus/hostile (when present), as "corpus-<name>".
    static let corpusHostile: [String] = {
        guard Run.corpusAvailable, let names = try? FileManager.default.contentsOfDirectory(atPath: Run.corpus + "/hostile") else { return [] }
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted().map { "corpus-" + $0 }
    }()

    /// The package format a file stands for in a submission or templates folder: its own
    /// extension when DOCX or ODT, else DOCX (a legacy .doc from the corpus goes in as a .docx).
    static func packageExtension(_ name: String) -> String {
        let ext = (name as NSString).pathExtension.lowercased()
        return ext == "odt" ? "odt" : "docx"
    }

    static let packages: [String] = crafted + truncated + corpusHostile

    /// Other files a submission may hold (evidence read by content).
    static let evidence: [String] = ["pdf-30mb-of-s.pdf", "pdf-streams-without-end.pdf", "pdf-nested-parentheses.pdf"]

    /// Tender and data files (YAML, JSON).
    static let texts: [String] = [
        "alias-bomb.yaml", "merge-key-bomb.yaml", "deep-flow-20000.yaml", "deep-block-20000.yaml", "deep-20000.json",
        "huge-scalar.yaml", "huge-scalar-small-tender.yaml", "non-utf8.yaml", "utf16-bom.yaml", "nul-byte.yaml",
        "huge-number.json", "zero-length.yaml",
    ] + cuts(of: tender, count: 14).filter { $0 > 0 }.map { "cut-tender-\($0).yaml" }

    // MARK: - The fixture

    let root: String
    /// A file outside every package whose contents must never show up anywhere.
    let canary: String
    let secret: String
    /// A loopback listener nothing may ever connect to.
    let listener: Int32
    let port: UInt16
    let keyPEM: String
    let certificatePEM: String
    /// Data for rendering a hostile template, a template for rendering hostile data.
    let data: String
    let template: String

    private let lock = NSLock()
    private var made: [String: Made] = [:]

    struct Made: Sendable {
        /// The folder that holds everything made for this file.
        var folder: String
        var file: String
        var digest: String
    }

    private init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-hostile-\(UUID().uuidString)").path
        // Several hundred MB of files: removed when the test process exits.
        hostileRootToRemove = root
        atexit {
            if let root = hostileRootToRemove { try? FileManager.default.removeItem(atPath: root) }
        }
        try FileManager.default.createDirectory(atPath: root + "/canary", withIntermediateDirectories: true)
        secret = "CANARY-\(UUID().uuidString)-SECRET"
        canary = root + "/canary/secret.txt"
        try Data("root:x:0:0:\(secret):/root:/bin/sh\n".utf8).write(to: URL(fileURLWithPath: canary))

        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        self.listener = listener
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        precondition(bound == 0 && listen(listener, 64) == 0, "loopback listener")
        _ = fcntl(listener, F_SETFL, fcntl(listener, F_GETFL) | O_NONBLOCK)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &length) }
        }
        port = UInt16(bigEndian: address.sin_port)

        // A throw-away P-256 key and self-signed certificate for `dossier sign`.
        let key = P256.Signing.PrivateKey()
        keyPEM = root + "/key.pem"
        certificatePEM = root + "/cert.pem"
        try Data(key.pemRepresentation.utf8).write(to: URL(fileURLWithPath: keyPEM))
        try Data(try Self.selfSignedCertificatePEM(key).utf8).write(to: URL(fileURLWithPath: certificatePEM))

        data = root + "/data.yaml"
        try Data("titel: Proef\npercelen:\n  - naam: Een\n".utf8).write(to: URL(fileURLWithPath: data))
        template = Self.templateDocx

        // Everything is made up front, before any command runs, and then the peak resident size
        // of this process is reset: Linux charges the spawning process's peak to a child's
        // ru_maxrss at exec (posix_spawn shares the parent's memory until then), so a peak left
        // by making a 60 MB file would otherwise show up in every measurement.
        for name in Self.packages + Self.texts + Self.evidence { _ = try file(name) }
        // glibc's malloc_trim (not in the Glibc module): give freed memory back first.
        if let trim = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "malloc_trim") {
            _ = unsafeBitCast(trim, to: (@convention(c) (Int) -> Int32).self)(0)
        }
        Run.resetPeakResidentSize()
        baselineKiB = Self.residentKiB()
    }

    /// This process's resident size when the commands start, which every child's peak includes.
    private(set) var baselineKiB = 0

    static func residentKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Whether anything connected to the loopback listener (accepts and closes what it finds).
    func connectionArrived() -> Bool {
        var arrived = false
        while true {
            let client = accept(listener, nil, nil)
            if client < 0 { break }
            arrived = true
            close(client)
        }
        return arrived
    }

    /// The file (made on first use) and its folder.
    func file(_ name: String) throws -> Made {
        lock.lock()
        defer { lock.unlock() }
        if let made = made[name] { return made }
        let folder = root + "/in/" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/" + name
        let bytes = try make(name)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let ext = name.hasPrefix("corpus-") ? Self.packageExtension(name) : (name as NSString).pathExtension
        if ext == "pdf" {
            // Evidence beside a real dossier, in a folder and in a .zip.
            try FileManager.default.createDirectory(atPath: folder + "/submission", withIntermediateDirectories: true)
            try FileManager.default.linkItem(atPath: path, toPath: folder + "/submission/bewijs.pdf")
            let dossier = Array(FileManager.default.contents(atPath: Self.dossierDocx) ?? Data())
            try FileManager.default.copyItem(atPath: Self.dossierDocx, toPath: folder + "/submission/dossier.docx")
            try Data(RawZip([RawZip.Entry("dossier.docx", dossier), RawZip.Entry("bewijs.pdf", bytes)]).build())
                .write(to: URL(fileURLWithPath: folder + "/submission.zip"))
        }
        if ext == "docx" || ext == "odt" {
            // The hostile file as the dossier of a submission folder and of a submission .zip,
            // and as the bekwaamheidsdossier template of an own templates folder.
            try FileManager.default.createDirectory(atPath: folder + "/submission", withIntermediateDirectories: true)
            try FileManager.default.linkItem(atPath: path, toPath: folder + "/submission/dossier.\(ext)")
            try Data(RawZip([RawZip.Entry("dossier.\(ext)", bytes)]).build()).write(to: URL(fileURLWithPath: folder + "/submission.zip"))
            try FileManager.default.createDirectory(atPath: folder + "/templates", withIntermediateDirectories: true)
            try FileManager.default.linkItem(atPath: path, toPath: folder + "/templates/bekwaamheidsdossier.\(ext)")
            // The other templates are the defaults, so that the hostile one is what build meets.
            for other in ["selectieleidraad", "uea"] {
                try FileManager.default.copyItem(atPath: Run.projectRoot + "/templates/\(other).\(ext)", toPath: folder + "/templates/\(other).\(ext)")
            }
        }
        let result = Made(folder: folder, file: path, digest: Self.sha256(path))
        made[name] = result
        return result
    }

    /// Read in pieces: this process must stay small (see Run.resetPeakResidentSize).
    static func sha256(_ path: String) -> String {
        guard let handle = FileHandle(forReadingAtPath: path) else { return "missing" }
        defer { try? handle.close() }
        var hash = SHA256()
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty { hash.update(data: chunk) }
        return hash.finalize().map { String(format: "%02x", $0) }.joined()
    }

    // MARK: - Making them

    static let wNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let rNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relsNS = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeNS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    static let textNS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    static let xlinkNS = "http://www.w3.org/1999/xlink"
    static let drawNS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"

    static func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

    static func documentPrefix(_ prolog: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\(prolog)<w:document xmlns:w=\"\(wNS)\" xmlns:r=\"\(rNS)\"><w:body>"
    }
    static let documentSuffix = "</w:body></w:document>"
    static func document(_ body: String, prolog: String = "") -> [UInt8] { utf8(documentPrefix(prolog) + body + documentSuffix) }

    static func contentPrefix(_ prolog: String = "") -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\(prolog)<office:document-content xmlns:office=\"\(officeNS)\" xmlns:text=\"\(textNS)\" xmlns:xlink=\"\(xlinkNS)\" xmlns:draw=\"\(drawNS)\" office:version=\"1.3\"><office:body><office:text>"
    }
    static let contentSuffix = "</office:text></office:body></office:document-content>"
    static func content(_ body: String, prolog: String = "") -> [UInt8] { utf8(contentPrefix(prolog) + body + contentSuffix) }

    static func paragraph(_ text: String) -> String { "<w:p><w:r><w:t>\(text)</w:t></w:r></w:p>" }

    /// The entries of a real package, in order.
    static func entries(of path: String) throws -> [RawZip.Entry] {
        let archive = try ZipArchive(path: path)
        return try archive.entries.map { RawZip.Entry($0.name, try archive.read($0)) }
    }

    static let docxEntries: [RawZip.Entry] = (try? entries(of: dossierDocx)) ?? []
    static let odtEntries: [RawZip.Entry] = (try? entries(of: dossierODT)) ?? []

    /// The sample dossier with parts replaced (in place), removed, or added at the end.
    static func docx(_ replace: [String: [UInt8]] = [:], remove: Set<String> = [], add: [RawZip.Entry] = [],
                     base: [RawZip.Entry] = docxEntries) -> [RawZip.Entry] {
        base.compactMap { entry -> RawZip.Entry? in
            let name = String(decoding: entry.name, as: UTF8.self)
            if remove.contains(name) { return nil }
            if let bytes = replace[name] { return RawZip.Entry(name, bytes) }
            return entry
        } + add
    }

    static func odt(_ replace: [String: [UInt8]] = [:], remove: Set<String> = [], add: [RawZip.Entry] = []) -> [RawZip.Entry] {
        docx(replace, remove: remove, add: add, base: odtEntries)
    }

    static func zip(_ entries: [RawZip.Entry]) -> [UInt8] { RawZip(entries).build() }

    /// A part of the sample dossier.
    static func original(_ name: String) -> [UInt8] {
        docxEntries.first { String(decoding: $0.name, as: UTF8.self) == name }?.data ?? []
    }

    /// The bytes after an `<?xml …?>` declaration.
    static func withoutDeclaration(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.starts(with: Array("<?xml".utf8)), let end = bytes.firstIndex(of: UInt8(ascii: ">")) else { return bytes }
        return Array(bytes[(end + 1)...])
    }

    /// Replaces the entry named `name` by `entry`.
    static func swap(_ entries: [RawZip.Entry], _ name: String, _ entry: RawZip.Entry) -> [RawZip.Entry] {
        entries.map { String(decoding: $0.name, as: UTF8.self) == name ? entry : $0 }
    }

    /// A deflated part: `prefix`, `count` copies of "a", `suffix`, with the right checksum.
    static func bomb(_ name: String, prefix: String, count: Int, suffix: String, declaredSize: UInt32? = nil) -> RawZip.Entry {
        let head = utf8(prefix), tail = utf8(suffix)
        var crc = CRC32.checksum(head)
        crc = CRC32.combine(crc, CRC32.repeated(UInt8(ascii: "a"), count: count), count)
        crc = CRC32.combine(crc, CRC32.checksum(tail), tail.count)
        let size = head.count + count + tail.count
        return .deflated(name, Deflate.run(prefix: head, UInt8(ascii: "a"), count: count, suffix: tail), crc: crc,
                         size: declaredSize ?? UInt32(size))
    }

    static let sixtyMB = 60_000_000

    static let billionLaughs = """
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\
        <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">\
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\
        <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">\
        <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">\
        <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">\
        <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">\
        <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">\
        <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">]>\n
        """

    func relationships(_ items: [(id: String, type: String, target: String, external: Bool)]) -> [UInt8] {
        Self.utf8("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\"\(Self.relsNS)\">" + items.map {
            "<Relationship Id=\"\($0.id)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/\($0.type)\" Target=\"\($0.target)\"\($0.external ? " TargetMode=\"External\"" : "")/>"
        }.joined() + "</Relationships>")
    }

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    func make(_ name: String) throws -> [UInt8] {
        typealias E = RawZip.Entry
        let url = "http://127.0.0.1:\(port)"
        let file = "file://" + canary
        let docxOriginal = Self.docxEntries, odtOriginal = Self.odtEntries
        func cut(_ path: String, _ offset: Int) -> [UInt8] { Array((FileManager.default.contents(atPath: path) ?? Data()).prefix(offset)) }
        if name.hasPrefix("corpus-") {
            guard let data = FileManager.default.contents(atPath: Run.corpus + "/hostile/" + name.dropFirst("corpus-".count)) else {
                throw CocoaError(.fileNoSuchFile)
            }
            return Array(data)
        }
        if name.hasPrefix("cut-") {
            let parts = name.dropFirst(4).split(separator: "-")
            let offset = Int(parts.last?.split(separator: ".").first ?? "0") ?? 0
            let ext = (name as NSString).pathExtension
            switch (parts.first ?? "", ext) {
            case ("dossier", "docx"): return cut(Self.dossierDocx, offset)
            case ("dossier", "odt"): return cut(Self.dossierODT, offset)
            case ("template", _): return cut(Self.templateDocx, offset)
            case ("signed", "docx"): return cut(Self.signedDocx, offset)
            case ("signed", "odt"): return cut(Self.signedODT, offset)
            case ("tender", _): return cut(Self.tender, offset)
            default: throw CocoaError(.fileNoSuchFile)
            }
        }
        switch name {
        // Zip bombs.
        case "ratio-bomb.docx":
            return Self.zip(Self.swap(docxOriginal, "word/document.xml",
                                      Self.bomb("word/document.xml", prefix: Self.documentPrefix() + "<w:p><w:r><w:t>", count: Self.sixtyMB,
                                                suffix: "</w:t></w:r></w:p>" + Self.documentSuffix)))
        case "ratio-bomb-size-lie.docx":
            return Self.zip(Self.swap(docxOriginal, "word/document.xml",
                                      Self.bomb("word/document.xml", prefix: Self.documentPrefix() + "<w:p><w:r><w:t>", count: 200_000_000,
                                                suffix: "</w:t></w:r></w:p>" + Self.documentSuffix, declaredSize: 40_000)))
        case "ratio-bomb.odt":
            return Self.zip(Self.swap(odtOriginal, "content.xml",
                                      Self.bomb("content.xml", prefix: Self.contentPrefix() + "<text:p>", count: Self.sixtyMB,
                                                suffix: "</text:p>" + Self.contentSuffix)))
        case "overlap-bomb.docx":
            // 1,500 entries over one 1 MiB kernel that does not compress: ratio about 1:1, 1.5 GiB in all.
            let kernel = noise(1 << 20, seed: 3)
            return OverlapBomb.build(prefix: docxOriginal, count: 1_500, kernel: Deflate.stored(kernel), kernelSize: kernel.count,
                                     kernelCRC: CRC32.checksum(kernel)) { "word/media/image\($0).png" }
        case "overlap-bomb-in-limits.docx":
            // Just under every limit: 90 entries of 1 MiB each (90 MiB of the 96 a package may
            // unpack to), so commands that rewrite the package get all of it.
            let kernel = noise(1 << 20, seed: 4)
            return OverlapBomb.build(prefix: docxOriginal, count: 90, kernel: Deflate.stored(kernel), kernelSize: kernel.count,
                                     kernelCRC: CRC32.checksum(kernel)) { "word/media/image\($0).png" }
        case "overlap-bomb-deflate.docx":
            // 1,000 entries over one kernel of 20 MB of "a": 20 GB in all.
            let count = 20_000_000
            return OverlapBomb.build(prefix: docxOriginal, count: 1_000, kernel: Deflate.run(UInt8(ascii: "a"), count: count),
                                     kernelSize: count, kernelCRC: CRC32.repeated(UInt8(ascii: "a"), count: count)) { "word/media/image\($0).emf" }
        case "overlap-bomb-only.zip.docx":
            // Fifield's shape alone: no document at all, only overlapping entries.
            let kernel = noise(1 << 20, seed: 5)
            return OverlapBomb.build(prefix: [], count: 2_000, kernel: Deflate.stored(kernel), kernelSize: kernel.count,
                                     kernelCRC: CRC32.checksum(kernel)) { String(format: "%04d", $0) }
        case "200000-entries.docx":
            return Self.zip(docxOriginal + (0..<200_000).map { E("word/media/e\($0)", []) })

        // XML.
        case "deep-20000.docx":
            let open = String(repeating: "<w:customXml w:element=\"x\">", count: 20_000)
            let close = String(repeating: "</w:customXml>", count: 20_000)
            return Self.zip(Self.docx(["word/document.xml": Self.document(open + Self.paragraph("diep") + close)]))
        case "deep-20000.odt":
            let open = String(repeating: "<text:section text:name=\"s\">", count: 20_000)
            let close = String(repeating: "</text:section>", count: 20_000)
            return Self.zip(Self.odt(["content.xml": Self.content(open + "<text:p>diep</text:p>" + close)]))
        case "billion-laughs.docx":
            return Self.zip(Self.docx(["word/document.xml": Self.document(Self.paragraph("&lol9;"), prolog: Self.billionLaughs)]))
        case "billion-laughs.odt":
            return Self.zip(Self.odt(["content.xml": Self.content("<text:p>&lol9;</text:p>", prolog: Self.billionLaughs)]))
        case "billion-laughs-utf16.docx":
            let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + Self.billionLaughs
                + "<w:document xmlns:w=\"\(Self.wNS)\"><w:body>\(Self.paragraph("&lol9;"))</w:body></w:document>"
            var bytes: [UInt8] = [0xFF, 0xFE]
            for unit in text.utf16 { bytes.le16(unit) }
            return Self.zip(Self.docx(["word/document.xml": bytes]))
        case "xxe-file.docx":
            let prolog = "<!DOCTYPE w:document [<!ENTITY xxe SYSTEM \"\(file)\">]>\n"
            return Self.zip(Self.docx(["word/document.xml": Self.document(Self.paragraph("Naam: &xxe;"), prolog: prolog)]))
        case "xxe-file.odt":
            let prolog = "<!DOCTYPE office:document-content [<!ENTITY xxe SYSTEM \"\(file)\">]>\n"
            return Self.zip(Self.odt(["content.xml": Self.content("<text:p>&xxe;</text:p>", prolog: prolog)]))
        case "xxe-network.docx":
            let prolog = "<!DOCTYPE w:document SYSTEM \"\(url)/document.dtd\" [<!ENTITY xxe SYSTEM \"\(url)/entity\">]>\n"
            return Self.zip(Self.docx(["word/document.xml": Self.document(Self.paragraph("&xxe;"), prolog: prolog),
                                       "word/styles.xml": Self.utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE w:styles SYSTEM \"\(url)/styles.dtd\">\n<w:styles xmlns:w=\"\(Self.wNS)\"/>")]))
        case "xxe-parameter.docx":
            let prolog = "<!DOCTYPE w:document [<!ENTITY % remote SYSTEM \"\(url)/param.dtd\"> %remote; <!ENTITY % file SYSTEM \"\(file)\">]>\n"
            return Self.zip(Self.docx(["word/document.xml": Self.document(Self.paragraph("x"), prolog: prolog),
                                       "[Content_Types].xml": Self.utf8("<?xml version=\"1.0\"?>\n<!DOCTYPE Types [<!ENTITY xxe SYSTEM \"\(file)\">]>\n")
                                            + Self.withoutDeclaration(Self.original("[Content_Types].xml"))]))
        case "xinclude.docx":
            let include = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"\(file)\" parse=\"text\"/>"
                + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"\(url)/xinclude\" parse=\"text\"/>"
            return Self.zip(Self.docx(["word/document.xml": Self.document("<w:p><w:r><w:t>\(include)</w:t></w:r></w:p>" + include)]))
        case "xinclude.odt":
            let include = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"\(file)\" parse=\"text\"/>"
                + "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"\(url)/xinclude\" parse=\"text\"/>"
            return Self.zip(Self.odt(["content.xml": Self.content("<text:p>\(include)</text:p>" + include)]))
        case "huge-text.docx":
            return Self.zip(Self.docx(["word/document.xml": Self.utf8(Self.documentPrefix() + "<w:p><w:r><w:t>") + noisyText(Self.sixtyMB)
                                            + Self.utf8("</w:t></w:r></w:p>" + Self.documentSuffix)]))
        case "huge-text-compressible.docx":
            return Self.zip(Self.swap(docxOriginal, "word/document.xml",
                                      Self.bomb("word/document.xml", prefix: Self.documentPrefix() + "<w:p><w:r><w:t xml:space=\"preserve\">",
                                                count: Self.sixtyMB, suffix: "</w:t></w:r></w:p>" + Self.documentSuffix)))
        case "huge-attribute.docx":
            return Self.zip(Self.docx(["word/document.xml": Self.utf8(Self.documentPrefix() + "<w:p><w:pPr><w:pStyle w:val=\"") + noisyText(Self.sixtyMB, seed: 11)
                                            + Self.utf8("\"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>" + Self.documentSuffix)]))
        case "huge-attribute-compressible.docx":
            return Self.zip(Self.swap(docxOriginal, "word/document.xml",
                                      Self.bomb("word/document.xml", prefix: Self.documentPrefix() + "<w:p><w:pPr><w:pStyle w:val=\"",
                                                count: Self.sixtyMB, suffix: "\"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>" + Self.documentSuffix)))
        case "huge-text.odt":
            return Self.zip(Self.odt(["content.xml": Self.utf8(Self.contentPrefix() + "<text:p>") + noisyText(Self.sixtyMB, seed: 13)
                                            + Self.utf8("</text:p>" + Self.contentSuffix)]))

        // Names.
        case "duplicate-names.docx":
            return Self.zip(Self.docx(add: [E("word/document.xml", Self.document(Self.paragraph("tweede")))]))
        case "duplicate-content-types.docx":
            return Self.zip(Self.docx(add: [E("[Content_Types].xml", Self.utf8("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>"))]))
        case "duplicate-names.odt":
            return Self.zip(Self.odt(add: [E("content.xml", Self.content("<text:p>tweede</text:p>"))]))
        case "traversal-names.docx":
            return Self.zip(Self.docx(add: [E("../../../../tmp/dossier-evil.txt", Self.utf8("evil")), E("word/../../evil.xml", Self.utf8("<x/>")),
                                            E("..\\..\\evil.txt", Self.utf8("evil"))]))
        case "absolute-names.docx":
            return Self.zip(Self.docx(add: [E("/etc/x", Self.utf8("evil")), E("/tmp/dossier-evil-abs.txt", Self.utf8("evil")), E("C:/evil.txt", Self.utf8("evil"))]))
        case "traversal-names.odt":
            return Self.zip(Self.odt(add: [E("../../evil.xml", Self.utf8("<x/>")), E("/etc/x", Self.utf8("evil"))]))

        // Relationships and links.
        case "rels-outside.docx":
            let rels = relationships([
                ("rId1", "styles", "styles.xml", false),
                ("rId2", "image", "../../../../../../etc/passwd", false),
                ("rId3", "image", file, true),
                ("rId4", "image", "/etc/passwd", false),
                ("rId5", "hyperlink", url + "/link", true),
                ("rId6", "aFChunk", file, true),
                ("rId7", "header", file, true),
                ("rId8", "footnotes", "../../../../" + canary, false),
                ("rId9", "settings", "settings.xml", false),
                ("rId10", "subDocument", file, true),
                ("rId11", "oleObject", url + "/ole", true),
            ])
            let settingsRels = relationships([("rId1", "attachedTemplate", file, true)])
            let body = "<w:p><w:hyperlink r:id=\"rId5\"><w:r><w:t>link</w:t></w:r></w:hyperlink></w:p>"
                + "<w:altChunk r:id=\"rId6\"/><w:p><w:r><w:drawing><wp:inline xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\"><a:graphic xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><a:graphicData><pic:pic xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:blipFill><a:blip r:embed=\"rId2\" r:link=\"rId3\"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>"
                + "<w:p><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p><w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId7\"/></w:sectPr>"
            return Self.zip(Self.docx(["word/_rels/document.xml.rels": rels, "word/document.xml": Self.document(body)],
                                      add: [E("word/_rels/settings.xml.rels", settingsRels)]))
        case "links-outside.odt":
            let body = "<text:p><draw:frame><draw:image xlink:href=\"\(file)\"/></draw:frame><draw:frame><draw:image xlink:href=\"../../../../\(canary)\"/></draw:frame>"
                + "<draw:frame><draw:image xlink:href=\"\(url)/image.png\"/></draw:frame><text:a xlink:href=\"\(url)/a\">link</text:a></text:p>"
                + "<text:section text:name=\"s\"><text:section-source xlink:href=\"\(file)\"/></text:section>"
                + "<text:section text:name=\"t\"><text:section-source xlink:href=\"\(url)/section\"/></text:section>"
            return Self.zip(Self.odt(["content.xml": Self.content(body)]))
        case "rels-self.docx":
            let rels = relationships([
                ("rId1", "styles", "document.xml", false), ("rId2", "header", "document.xml", false),
                ("rId3", "footnotes", "_rels/document.xml.rels", false), ("rId4", "numbering", "../word/document.xml", false),
                ("rId5", "settings", "/word/_rels/document.xml.rels", false),
            ])
            let body = Self.paragraph("zelf") + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/></w:sectPr>"
            return Self.zip(Self.docx(["word/_rels/document.xml.rels": rels, "word/document.xml": Self.document(body)]))
        case "rels-root-self.docx":
            return Self.zip(Self.docx(["_rels/.rels": relationships([("rId1", "officeDocument", "_rels/.rels", false)])]))
        case "rels-cycle.docx":
            let rels = relationships([("rId1", "styles", "styles.xml", false), ("rId2", "header", "header1.xml", false)])
            let header1 = relationships([("rId1", "header", "header2.xml", false), ("rId2", "image", "header1.xml", false)])
            let header2 = relationships([("rId1", "header", "header1.xml", false), ("rId2", "officeDocument", "document.xml", false)])
            let header = Self.utf8("<?xml version=\"1.0\"?>\n<w:hdr xmlns:w=\"\(Self.wNS)\" xmlns:r=\"\(Self.rNS)\"><w:p><w:r><w:t>kop</w:t></w:r></w:p><w:subDoc r:id=\"rId1\"/></w:hdr>")
            let body = Self.paragraph("kring") + "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rId2\"/></w:sectPr>"
            return Self.zip(Self.docx(["word/_rels/document.xml.rels": rels, "word/document.xml": Self.document(body), "word/header1.xml": header],
                                      add: [E("word/_rels/header1.xml.rels", header1), E("word/header2.xml", header), E("word/_rels/header2.xml.rels", header2)]))

        // Headers that disagree.
        case "cd-local-name.docx", "cd-local-crc.docx", "cd-local-size.docx":
            return Self.zip(docxOriginal.map { entry in
                guard String(decoding: entry.name, as: UTF8.self) == "word/document.xml" else { return entry }
                var changed = entry
                switch name {
                case "cd-local-name.docx": changed.localName = Self.utf8("word/documemt.xml")
                case "cd-local-crc.docx": changed.localCRC = 0xDEAD_BEEF
                default: changed.localSize = UInt32(entry.data.count / 2)
                }
                return changed
            })

        // Empty parts.
        case "zero-file.docx": return []
        case "zero-document.docx": return Self.zip(Self.docx(["word/document.xml": []]))
        case "zero-content-types.docx": return Self.zip(Self.docx(["[Content_Types].xml": []]))
        case "zero-root-rels.docx": return Self.zip(Self.docx(["_rels/.rels": []]))
        case "zero-document-rels.docx": return Self.zip(Self.docx(["word/_rels/document.xml.rels": []]))
        case "zero-styles.docx": return Self.zip(Self.docx(["word/styles.xml": []]))
        case "zero-content.odt": return Self.zip(Self.odt(["content.xml": []]))
        case "zero-mimetype.odt": return Self.zip(Self.odt(["mimetype": []]))
        case "zero-manifest.odt": return Self.zip(Self.odt(["META-INF/manifest.xml": []]))
        case "zero-styles.odt": return Self.zip(Self.odt(["styles.xml": []]))

        // Names that are not UTF-8.
        case "name-ff-fe.docx":
            return Self.zip(Self.docx(add: [E(nameBytes: Self.utf8("word/") + [0xFF, 0xFE] + Self.utf8(".xml"), Self.utf8("<x/>")),
                                            E(nameBytes: [0xFE, 0xFF], Self.utf8("x"))]))
        case "name-ff-fe-utf8-flag.docx":
            return Self.zip(Self.docx(add: [E(nameBytes: Self.utf8("word/") + [0xFF, 0xFE] + Self.utf8(".xml"), Self.utf8("<x/>"), flags: 0x0800),
                                            E(nameBytes: Self.utf8("word/") + [0xC0, 0xAF] + Self.utf8("evil.xml"), Self.utf8("<x/>"), flags: 0x0800)]))
        case "name-ff-fe-document.docx":
            // The main part itself under a name that is not UTF-8, the relationship pointing at it percent-encoded.
            let renamed = docxOriginal.map { entry -> E in
                guard String(decoding: entry.name, as: UTF8.self) == "word/document.xml" else { return entry }
                return E(nameBytes: Self.utf8("word/doc") + [0xFF, 0xFE] + Self.utf8(".xml"), entry.data)
            }
            let rootRels = relationships([("rId1", "officeDocument", "word/doc%FF%FE.xml", false)])
            return Self.zip(Self.swap(renamed, "_rels/.rels", E("_rels/.rels", rootRels)))
        case "name-ff-fe.odt":
            return Self.zip(Self.odt(add: [E(nameBytes: [0xFF, 0xFE] + Self.utf8(".xml"), Self.utf8("<x/>"))]))

        // ODT mimetype.
        case "odt-no-mimetype.odt": return Self.zip(Self.odt(remove: ["mimetype"]))
        case "odt-wrong-mimetype.odt": return Self.zip(Self.odt(["mimetype": Self.utf8("application/vnd.oasis.opendocument.textx")]))
        case "odt-compressed-mimetype.odt":
            let value = Self.utf8("application/vnd.oasis.opendocument.text")
            return Self.zip(Self.swap(odtOriginal, "mimetype", .deflated("mimetype", Deflate.stored(value), crc: CRC32.checksum(value), size: UInt32(value.count))))
        case "odt-mimetype-not-first.odt":
            return Self.zip(Array(odtOriginal.dropFirst()) + [odtOriginal[0]])

        // Tender and data files.
        case "alias-bomb.yaml":
            var text = "versie: 1\na0: &a0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
            for level in 1...9 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
            return Self.utf8(text + "titel: *a9\n")
        case "merge-key-bomb.yaml":
            var text = "a0: &a0 {" + (0..<10).map { "k\($0): lol" }.joined(separator: ", ") + "}\n"
            for level in 1...9 {
                text += "a\(level): &a\(level)\n" + (0..<10).map { "  m\($0): {<<: *a\(level - 1)}\n" }.joined()
            }
            return Self.utf8(text + "titel: {<<: *a9}\n")
        case "deep-flow-20000.yaml":
            return Self.utf8("titel: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000) + "\n")
        case "deep-block-20000.yaml":
            return Self.utf8("titel:\n" + String(repeating: "- ", count: 20_000) + "x\n")
        case "deep-20000.json":
            return Self.utf8(String(repeating: "{\"a\":", count: 20_000) + "1" + String(repeating: "}", count: 20_000))
        case "huge-scalar.yaml":
            return Self.utf8("versie: 1\ntitel: \"") + noisyText(Self.sixtyMB, seed: 17) + Self.utf8("\"\n")
        case "huge-scalar-small-tender.yaml":
            // Just under the 4 MiB a tender may have: one 3.9 MB title.
            return Self.utf8("versie: 1\ntitel: ") + noisyText(3_900_000, seed: 19) + Self.utf8("\n")
        case "non-utf8.yaml":
            var bytes = Array((FileManager.default.contents(atPath: Self.tender) ?? Data()))
            if let colon = bytes.firstIndex(of: UInt8(ascii: ":")) { bytes.insert(contentsOf: [0x20, 0xFF, 0xFE, 0xC0, 0xAF], at: colon + 1) }
            return bytes
        case "utf16-bom.yaml":
            var bytes: [UInt8] = [0xFF, 0xFE]
            for unit in "versie: 1\ntitel: x\n".utf16 { bytes.le16(unit) }
            return bytes + [0x00, 0xD8, 0x41, 0x00]  // a lone high surrogate, then "A"
        case "nul-byte.yaml":
            return Self.utf8("versie: 1\ntitel: a") + [0] + Self.utf8("b\n")
        case "huge-number.json":
            return Self.utf8("{\"versie\": 1e999999999, \"titel\": 123456789012345678901234567890123456789012345678901234567890, \"x\": -0x7fffffffffffffffff, \"y\": .nan}")
        case "zero-length.yaml":
            return []

        // Evidence: PDF text is searched for content streams.
        case "pdf-30mb-of-s.pdf":
            return Self.utf8("%PDF-1.4\n") + [UInt8](repeating: UInt8(ascii: "s"), count: 30_000_000)
        case "pdf-streams-without-end.pdf":
            return Self.utf8("%PDF-1.4\n") + Array(repeating: Self.utf8("<<>>stream\n(x) Tj\n"), count: 1_000_000).flatMap { $0 }
        case "pdf-nested-parentheses.pdf":
            return Self.utf8("%PDF-1.4\n<<>>stream\n") + [UInt8](repeating: UInt8(ascii: "("), count: 20_000_000) + Self.utf8("\nendstream\n")
        default:
            throw CocoaError(.fileNoSuchFile)
        }
    }

    /// A minimal self-signed certificate for the key, made with swift-certificates through TestSupport's helpers.
    static func selfSignedCertificatePEM(_ key: P256.Signing.PrivateKey) throws -> String {
        let (caKey, ca) = try TestPKI.ca("Hostile Test CA")
        let certificate = try TestPKI.issue(Certificate.PublicKey(key.publicKey), cn: "Test Ondertekenaar", o: "Test B.V.", kvk: "12345678",
                                            from: TestPKI.date(2025, 1, 1), to: TestPKI.date(2030, 1, 1), ca: (caKey, ca))
        return try TestPKI.pem(certificate)
    }
}

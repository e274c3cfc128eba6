import DocModel
import DocReaders
import PackageIO
import Foundation
import Testing
import TestSupport

/// Input documents paired with their expected model dump (pandoc's x.docx + x.native), in
/// Tests/Fixtures/model:
///
/// - `<name>.fodt`: a flat ODT document, read as it is;
/// - `<name>.document.xml`: the main part of a DOCX package, packed with the project's own
///   ZipWriter into a package (TestDocx) together with `<name>.styles.xml`,
///   `<name>.numbering.xml`, `<name>.footnotes.xml`, `<name>.endnotes.xml` and
///   `<name>.comments.xml` when present;
///
/// and `<name>.dump`: `ModelDump.dump(document)`, as `dossier inspect --model` prints it.
/// `DOSSIER_UPDATE_SNAPSHOTS=1` (make snapshots) rewrites the .dump files.
@Suite struct ModelSnapshotTests {
    static let folder = Snapshot.projectRoot() + "/Tests/Fixtures/model"

    static let inputs: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { $0.hasSuffix(".fodt") || $0.hasSuffix(".document.xml") }.sorted()
    }()

    static func name(_ input: String) -> String {
        input.hasSuffix(".fodt") ? String(input.dropLast(".fodt".count)) : String(input.dropLast(".document.xml".count))
    }

    /// The document an input file stands for.
    static func read(_ input: String) throws -> Document {
        let path = "\(folder)/\(input)"
        if input.hasSuffix(".fodt") {
            return try DocumentReader.read(bytes: Array(try Data(contentsOf: URL(fileURLWithPath: path))))
        }
        return try TestDocx.fixture(path: "\(folder)/\(name(input))").read()
    }

    @Test(arguments: inputs)
    func dumpIsAsExpected(_ input: String) throws {
        let document = try Self.read(input)
        let failure = Snapshot.compare(ModelDump.dump(document), with: "\(Self.folder)/\(Self.name(input)).dump")
        #expect(failure == nil, "\(failure ?? "")")
    }

    /// Every dump has its input, and the folder is where the tests look.
    @Test func everyDumpHasItsInput() throws {
        #expect(Self.inputs.count >= 10, "\(Self.folder)")
        let dumps = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasSuffix(".dump") }
        #expect(Set(dumps) == Set(Self.inputs.map { Self.name($0) + ".dump" }) || Snapshot.updating)
    }
}

extension TestDocx {
    /// The package of a model fixture: `<base>.document.xml` (its body is taken) and the
    /// `<base>.<part>.xml` parts that exist.
    static func fixture(path base: String) throws -> TestDocx {
        let main = try String(contentsOfFile: base + ".document.xml", encoding: .utf8)
        let start = try #require(main.range(of: "<w:body>")), end = try #require(main.range(of: "</w:body>", options: .backwards))
        var docx = TestDocx(body: String(main[start.upperBound..<end.lowerBound]))
        func part(_ name: String) -> String? { try? String(contentsOfFile: "\(base).\(name).xml", encoding: .utf8) }
        docx.styles = part("styles")
        docx.numbering = part("numbering")
        docx.footnotes = part("footnotes")
        docx.endnotes = part("endnotes")
        docx.comments = part("comments")
        return docx
    }

    /// The package of Tests/Fixtures/model/<name>.document.xml (and its parts).
    static func fixture(_ name: String) throws -> TestDocx {
        try fixture(path: ModelSnapshotTests.folder + "/" + name)
    }
}

import Foundation
import DocModel
import Testing
import PackageIO
import DocReaders
import TestSupport

/// The real-world corpus beside the project (../shared/corpus), when it is there.
enum Corpus {
    static let projectRoot: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)]) }
        return path
    }()

    static let root = projectRoot + "/../shared/corpus"
    static var available: Bool { FileManager.default.fileExists(atPath: root + "/README.md") }

    static func files(_ folder: String, suffix: String) -> [String] {
        guard let subfolders = try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)") else { return [] }
        return subfolders.sorted().flatMap { sub -> [String] in
            let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(root)/\(folder)/\(sub)")) ?? []
            return names.filter { $0.hasSuffix(suffix) }.sorted().map { "\(folder)/\(sub)/\($0)" }
        }
    }

    struct Expected: Decodable {
        var headings: [[Heading]]
        var words: Int

        enum Heading: Decodable, Equatable {
            case level(Int)
            case text(String)

            init(from decoder: Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Int.self) { self = .level(number) } else { self = .text(try container.decode(String.self)) }
            }
        }

        var pairs: [[String]] {
            headings.map { pair in
                pair.map { value in
                    switch value {
                    case .level(let level): return String(level)
                    case .text(let text): return text
                    }
                }
            }
        }
    }

    static func expected(_ file: String) throws -> Expected {
        let parts = file.split(separator: "/")
        let path = "\(root)/expected/\(parts[0])/\(parts[1])/\(parts[2]).json"
        return try JSONDecoder().decode(Expected.self, from: Data(try FileBytes.read(path, limit: 1 << 20)))
    }

    static func knownDifferences() throws -> [String: [String: String]] {
        let bytes = try FileBytes.read(projectRoot + "/Tests/corpus-known-differences.json", limit: 1 << 20)
        let object = try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any] ?? [:]
        var result: [String: [String: String]] = [:]
        for (key, value) in object where !key.hasPrefix("_") {
            result[key] = value as? [String: String] ?? [:]
        }
        return result
    }
}

@Suite(.enabled(if: Corpus.available, "../shared/corpus not found beside the project: corpus tests skipped"))
struct CorpusTests {
    static let documents = Corpus.files("docx", suffix: ".docx") + Corpus.files("odt", suffix: ".odt")

    @Test func theCorpusIsThere() {
        #expect(Self.documents.count >= 40)
    }

    @Test(arguments: documents)
    func readsWithThePeerReadersHeadingsAndWords(_ file: String) throws {
        let document = try DocumentReader.read(path: "\(Corpus.root)/\(file)")
        let expected = try Corpus.expected(file)
        let known = try Corpus.knownDifferences()[file] ?? [:]
        let ours = headings(document)
        if known["headings"] == nil {
            #expect(ours == expected.pairs, "\(file): headings differ from the peer reader's")
        } else {
            #expect(ours != expected.pairs, "\(file): listed as a heading difference but now agrees; remove it from the list")
        }
        let words = Outline(document: document).totalWords
        let close = abs(words - expected.words) * 100 <= 5 * expected.words
        if known["words"] == nil {
            #expect(close, "\(file): \(words) words, peer reader \(expected.words)")
        } else {
            #expect(!close, "\(file): listed as a word-count difference but now agrees; remove it from the list")
        }
    }

    @Test(arguments: Corpus.files("signed", suffix: ".docx") + Corpus.files("signed", suffix: ".odt"))
    func signedPackagesReadAndShowTheirSignatureParts(_ file: String) throws {
        let document = try DocumentReader.read(path: "\(Corpus.root)/\(file)")
        if file.contains("unsigned") || file.contains("no-stream") || file.contains("empty-stream") {
            return
        }
        #expect(!document.package.signatureParts.isEmpty, "\(file): no signature part found")
        if file == "signed/odf/good.odt" {
            #expect(document.package.signatureParts == ["META-INF/documentsignatures.xml"])
        }
    }

    @Test func anODTPackageHasItsPartsWithManifestMediaTypes() throws {
        let document = try DocumentReader.read(path: "\(Corpus.root)/odt/odfdo/forms.odt")
        #expect(document.package.signatureParts.isEmpty && document.package.macroParts.isEmpty)
        #expect(document.package.parts.contains { $0.name == "content.xml" && $0.contentType == "text/xml" })
    }
}

/// Every hostile file ends with a result or a clear ReadError, quickly; the command-line tests
/// check the same files for exit status, a one-line message and peak memory.
@Suite(.enabled(if: Corpus.available, "../shared/corpus not found beside the project: hostile corpus tests skipped"))
struct HostileCorpusTests {
    static let files: [String] = {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: Corpus.root + "/hostile")) ?? []
        return names.sorted()
    }()

    /// The folder is read (with no files the test below would pass without running).
    @Test func theHostileFilesAreFound() {
        #expect(Self.files.count >= 10, "\(Corpus.root)/hostile: \(Self.files.count) files")
    }

    @Test(arguments: files)
    func endsWithAResultOrAClearError(_ name: String) {
        let cost = CPUCost.measure {
            do {
                _ = try DocumentReader.read(path: "\(Corpus.root)/hostile/\(name)")
            } catch let error as ReadError {
                let message = error.message(in: .nl)
                #expect(!message.isEmpty && !message.contains("\n"))
            } catch {
                Issue.record("\(name): unexpected error type \(error)")
            }
        }
        #expect(cost.cpuSeconds < 2, "\(name) took too long: \(cost)")
    }

    @Test func theKnownBadFilesAreRefusedForTheRightReason() throws {
        func kind(_ name: String) -> ReadError.Kind? {
            do {
                _ = try DocumentReader.read(path: "\(Corpus.root)/hostile/\(name)")
                return nil
            } catch let error as ReadError {
                return error.kind
            } catch {
                return nil
            }
        }
        #expect(kind("protected_agile.docx") == .encryptedOffice)
        #expect(kind("bug53475-password-is-pass.docx") == .encryptedOffice)
        #expect(kind("legacy-word97.doc") == .legacyWordBinary)
        #expect(kind("non-zip.odt") == .notAPackage)
        #expect(kind("ExternalEntityInText.docx") == .xmlDTDForbidden)
        guard case .damagedZip? = kind("truncated62886.docx") else { Issue.record("truncated zip not reported as damaged"); return }
    }
}

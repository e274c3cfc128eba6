import DocModel
import Testing
import TestSupport

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import PackageIO

/// The read limits of ZipArchive, against packages crafted here.
@Suite struct ReadLimitTests {
    private func kind(of body: () throws -> Void) -> ReadError.Kind? {
        do {
            try body()
            return nil
        } catch let error as ReadError {
            return error.kind
        } catch {
            Issue.record("not a ReadError: \(error)")
            return nil
        }
    }

    @Test func ratioBombIsStoppedQuickly() throws {
        var writer = ZipWriter()
        writer.add(name: "word/document.xml", bytes: [UInt8](repeating: 0, count: 20 << 20))
        let bomb = try writer.finish()
        #expect(bomb.count < 100_000)
        let archive = try ZipArchive(bytes: bomb)
        var caught: ReadError?
        let cost = CPUCost.measure {
            do { _ = try archive.read("word/document.xml") } catch let error as ReadError { caught = error } catch {}
        }
        #expect(caught?.kind == .compressionRatio(limit: ReadLimits.default.maxCompressionRatio))
        #expect(caught?.part == "word/document.xml")
        #expect(cost.cpuSeconds < 2, "\(cost)")
        // It stopped soon after the grace, not at the end of the entry.
        #expect(archive.bytesRead < 4 << 20)
    }

    @Test func tooManyEntries() throws {
        var limits = ReadLimits()
        limits.maxEntries = 100
        var writer = ZipWriter()
        for i in 0..<100 { writer.add(name: "e\(i)", bytes: [UInt8(i)]) }
        #expect(try ZipArchive(bytes: writer.finish(), limits: limits).entries.count == 100)
        writer.add(name: "e100", bytes: [1])
        let bytes = try writer.finish()
        #expect(kind { _ = try ZipArchive(bytes: bytes, limits: limits) } == .tooManyEntries(count: 101, limit: 100))
    }

    @Test func entryLargerThanTheLimit() throws {
        var limits = ReadLimits()
        limits.maxEntrySize = 1000
        var writer = ZipWriter()
        writer.add(name: "exact", bytes: noise(1000))
        writer.add(name: "over", bytes: noise(1001))
        let archive = try ZipArchive(bytes: writer.finish(), limits: limits)
        #expect(try archive.read("exact") == noise(1000))
        #expect(kind { _ = try archive.read("over") } == .entryTooLarge(limit: 1000))
    }

    /// Declared sizes are not trusted: an entry that says it is small but inflates to more
    /// than the limit is stopped while inflating.
    @Test func lyingDeclaredSizeIsCaughtWhileInflating() throws {
        var limits = ReadLimits()
        limits.maxEntrySize = 1000
        var writer = ZipWriter()
        writer.add(name: "liar", bytes: noise(100_000))
        var bytes = try writer.finish()
        let layout = try #require(ZipLayout(bytes))
        // Uncompressed size: local header offset 22, central header offset 24; keep them equal.
        bytes.setLE32(10, at: Int(layout.local[0].localOffset) + 22)
        let end = bytes.count - 22
        let centralStart = Int(bytes.le32(at: end + 16))
        bytes.setLE32(10, at: centralStart + 24)
        let archive = try ZipArchive(bytes: bytes, limits: limits)
        #expect(archive.entries[0].size == 10)
        let caught = kind { _ = try archive.read("liar") }
        #expect(caught == .entryTooLarge(limit: 1000))
    }

    @Test func packageTotalOverTheLimit() throws {
        var limits = ReadLimits()
        limits.maxEntrySize = 100_000
        limits.maxTotalSize = 250_000
        var writer = ZipWriter()
        for i in 0..<3 { writer.add(name: "part\(i)", bytes: noise(100_000, seed: UInt64(i))) }
        let archive = try ZipArchive(bytes: writer.finish(), limits: limits)
        #expect(try archive.read("part0").count == 100_000)
        #expect(try archive.read("part1").count == 100_000)
        #expect(kind { _ = try archive.read("part2") } == .packageTooLarge(limit: 250_000))
    }

    /// A ratio limit raised as far as it goes is a saturating product, not an overflow trap.
    @Test func hugeRatioLimitDoesNotTrap() throws {
        var limits = ReadLimits()
        limits.maxCompressionRatio = .max
        var writer = ZipWriter()
        writer.add(name: "zeros", bytes: [UInt8](repeating: 0, count: 3 << 20))
        let archive = try ZipArchive(bytes: writer.finish(), limits: limits)
        #expect(try archive.read("zeros").count == 3 << 20)
    }

    /// Bytes that are not a zip at all are still "not a package", not "damaged".
    @Test func nonZipIsNotAPackage() {
        #expect(kind { _ = try ZipArchive(bytes: Array("just some text, long enough to look at".utf8)) } == .notAPackage)
    }

    @Test func duplicateNames() throws {
        let zip = RawZip([
            .init("word/document.xml", Array("<a/>".utf8)),
            .init("word/document.xml", Array("<b/>".utf8)),
        ]).build()
        #expect(kind { _ = try ZipArchive(bytes: zip) } == .duplicateEntry)
    }

    /// Names that differ as bytes but are the same text in Swift (canonically equivalent:
    /// precomposed "é" and "e" + combining acute) are duplicates too.
    @Test func canonicallyEquivalentNamesAreDuplicates() throws {
        let zip = RawZip([
            .init(nameBytes: [0x63, 0x61, 0x66, 0xC3, 0xA9], [1], flags: 0x0800),
            .init(nameBytes: [0x63, 0x61, 0x66, 0x65, 0xCC, 0x81], [2], flags: 0x0800),
        ]).build()
        var caught: ReadError?
        do { _ = try ZipArchive(bytes: zip) } catch let error as ReadError { caught = error }
        #expect(caught?.kind == .duplicateEntry)
        #expect(caught?.part == "café")
    }

    /// A name flagged as UTF-8 that is not UTF-8 is refused by libzip as inconsistent.
    @Test func invalidUTF8NameIsADamagedZip() throws {
        let zip = RawZip([.init(nameBytes: [0x67, 0xC3, 0x28], [2], flags: 0x0800)]).build()
        guard case .damagedZip? = kind(of: { _ = try ZipArchive(bytes: zip) }) else {
            Issue.record("expected damagedZip")
            return
        }
    }

    @Test(arguments: ["name", "nameLength", "crc", "size"])
    func localHeaderDisagreeingWithCentralDirectory(what: String) throws {
        var entry = RawZip.Entry("word/document.xml", Array("<w:document/>".utf8))
        switch what {
        case "name": entry.localName = Array("word/documenx.xml".utf8)  // same length
        case "nameLength": entry.localName = Array("word/other.xml".utf8)
        case "crc": entry.localCRC = 0xDEAD_BEEF
        default: entry.localSize = 5
        }
        let good = RawZip([.init("mimetype", Array("x".utf8))] + [RawZip.Entry("word/document.xml", entry.data)]).build()
        #expect(try ZipArchive(bytes: good).read("word/document.xml") == entry.data)
        let bad = RawZip([.init("mimetype", Array("x".utf8)), entry]).build()
        guard case .damagedZip? = kind(of: { _ = try ZipArchive(bytes: bad) }) else {
            Issue.record("expected damagedZip for a mismatched \(what), got \(String(describing: kind(of: { _ = try ZipArchive(bytes: bad) })))")
            return
        }
    }

    /// The same damage read from disk (ZipArchive(path:)) is also a damaged zip.
    @Test func mismatchedHeadersOnDiskAreADamagedZip() throws {
        var entry = RawZip.Entry("word/document.xml", Array("<w:document/>".utf8))
        entry.localName = Array("word/other.xml".utf8)
        let path = "/tmp/dossier-mismatch-\(getpid()).docx"
        try AtomicFile.write(RawZip([entry]).build(), to: path, overwrite: true)
        defer { unlink(path) }
        guard case .damagedZip? = kind(of: { _ = try ZipArchive(path: path) }) else {
            Issue.record("expected damagedZip from a file")
            return
        }
    }

    @Test func pathLikeNamesAreJustNames() throws {
        let before = access("../evil", F_OK) == 0
        let zip = RawZip([
            .init("../evil", Array("boo".utf8)),
            .init("/abs", Array("abs".utf8)),
            .init(nameBytes: [0x66, 0xFF, 0xFE, 0x2E, 0x78], [1], flags: 0),  // CP437 when not flagged
            .init(nameBytes: [0x67, 0x80, 0x81], [2], flags: 0),
        ]).build()
        let archive = try ZipArchive(bytes: zip)
        #expect(archive.entries.count == 4)
        #expect(archive.contains("../evil"))
        #expect(archive.contains("/abs"))
        #expect(try archive.read("../evil") == Array("boo".utf8))
        #expect(try archive.read("/abs") == Array("abs".utf8))
        for entry in archive.entries { _ = try archive.read(entry) }
        // Undecodable names come back as text (not a trap), and are distinct.
        #expect(Set(archive.entries.map(\.name)).count == 4)
        #expect((access("../evil", F_OK) == 0) == before)
        #expect(access("/abs", F_OK) != 0)
    }
}

import DocModel
import Testing
import TestSupport

@Suite struct ZipWriterTests {
    static let mimetype = Array("application/vnd.oasis.opendocument.text".utf8)

    /// An ODT-shaped package with a bit of everything.
    static func sample() -> ZipWriter {
        var writer = ZipWriter()
        writer.add(name: "mimetype", bytes: mimetype, compressed: false)
        writer.add(name: "content.xml", bytes: Array(String(repeating: "<text:p>tekst</text:p>", count: 500).utf8))
        writer.add(name: "empty.txt", bytes: [])
        writer.add(name: "Pictures/", bytes: [])
        writer.add(name: "Pictures/noise.bin", bytes: noise(200_000))
        writer.add(name: "stored.bin", bytes: noise(1000, seed: 7), compressed: false)
        writer.add(name: "bijlage-é.xml", bytes: Array("<é/>".utf8))
        writer.add(name: "META-INF/manifest.xml", bytes: Array("<manifest/>".utf8))
        return writer
    }

    @Test func roundTripsEveryEntryInOrder() throws {
        let writer = Self.sample()
        let bytes = try writer.finish()
        let archive = try ZipArchive(bytes: bytes)
        #expect(archive.entries.map(\.name) == writer.names)
        let expected: [String: [UInt8]] = [
            "mimetype": Self.mimetype,
            "content.xml": Array(String(repeating: "<text:p>tekst</text:p>", count: 500).utf8),
            "empty.txt": [],
            "Pictures/": [],
            "Pictures/noise.bin": noise(200_000),
            "stored.bin": noise(1000, seed: 7),
            "bijlage-é.xml": Array("<é/>".utf8),
            "META-INF/manifest.xml": Array("<manifest/>".utf8),
        ]
        for entry in archive.entries {
            #expect(try archive.read(entry) == expected[entry.name], "\(entry.name)")
        }
        #expect(archive.entry(named: "mimetype")?.isStored == true)
        #expect(archive.entry(named: "stored.bin")?.isStored == true)
        #expect(archive.entry(named: "content.xml")?.isStored == false)
        #expect(archive.entry(named: "Pictures/")?.isDirectory == true)
        // Compressed entries really are deflated.
        let content = try #require(archive.entry(named: "content.xml"))
        #expect(content.compressedSize < content.size / 10)
    }

    @Test func mimetypeIsFirstAndStoredInTheRawBytes() throws {
        let bytes = try Self.sample().finish()
        // Local file header at offset 0.
        #expect(Array(bytes[0..<4]) == [0x50, 0x4B, 0x03, 0x04])
        #expect(bytes.le16(at: 8) == 0, "compression method must be 0 (stored)")
        #expect(bytes.le16(at: 26) == 8, "name length")
        #expect(bytes.le16(at: 28) == 0, "no extra field, so the content starts at offset 38")
        #expect(Array(bytes[30..<38]) == Array("mimetype".utf8))
        #expect(bytes.le32(at: 18) == UInt32(Self.mimetype.count), "compressed size")
        #expect(bytes.le32(at: 22) == UInt32(Self.mimetype.count), "uncompressed size")
        #expect(Array(bytes[38..<(38 + Self.mimetype.count)]) == Self.mimetype)
        #expect(bytes.le16(at: 6) & 0x0008 == 0, "no data descriptor")
    }

    @Test func headersAreFixedAndFreeOfExtraFields() throws {
        let bytes = try Self.sample().finish()
        let layout = try #require(ZipLayout(bytes))
        #expect(layout.central.count == 8)
        #expect(layout.central.map { String(decoding: $0.name, as: UTF8.self) } == Self.sample().names)
        #expect(layout.local.map(\.name) == layout.central.map(\.name))
        for header in layout.central + layout.local {
            let name = String(decoding: header.name, as: UTF8.self)
            #expect(header.extraLength == 0, "\(name): extra field")
            #expect(header.time == 0 && header.date == 0x21, "\(name): timestamp 1980-01-01 00:00")
        }
        for (header, compressed) in zip(layout.central, [false, true, true, false, true, false, true, true]) {
            let name = String(decoding: header.name, as: UTF8.self)
            #expect(header.method == (compressed ? 8 : 0), "\(name): method")
            #expect(header.madeBy >> 8 == 3, "\(name): made on Unix")
            let mode = header.externalAttributes >> 16
            #expect(mode == (name.hasSuffix("/") ? 0o040755 : 0o100644), "\(name): mode")
        }
        // A non-ASCII name is flagged as UTF-8 (bit 11).
        let accented = try #require(layout.central.first { $0.name == Array("bijlage-é.xml".utf8) })
        #expect(accented.flags & 0x0800 != 0)
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        let first = try Self.sample().finish()
        let second = try Self.sample().finish()
        #expect(first == second)
        // Also across a pause, so a clock-based timestamp would show.
        var other = ZipWriter()
        other.add(name: "a.txt", bytes: Array("x".utf8))
        let a = try other.finish()
        sleep(2)
        let b = try other.finish()
        #expect(a == b)
    }

    @Test func duplicateNameIsAnErrorNotATrap() {
        var writer = ZipWriter()
        writer.add(name: "a.xml", bytes: [1])
        writer.add(name: "a.xml", bytes: [2])
        #expect(throws: WriteError(.duplicateEntry, subject: "a.xml")) { try writer.finish() }
        let message = WriteError(.duplicateEntry, subject: "a.xml").message(in: .en)
        #expect(message == "a.xml: name occurs twice in the zip package")
    }

    @Test func emptyWriterGivesAnEmptyPackage() throws {
        let bytes = try ZipWriter().finish()
        #expect(bytes.count == 22)
        let archive = try ZipArchive(bytes: bytes)
        #expect(archive.entries.isEmpty)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
@testable import PackageIO

import DocModel
import Foundation
import Testing
import TestSupport
@testable import PackageIO

/// Regressions found by the hostile-file suite (DossierCLITests.HostileEveryCommand).
@Suite struct HostileRegressionTests {
    func kind(_ body: () throws -> Void) -> ReadError.Kind? {
        do { try body() } catch let error as ReadError { return error.kind } catch {}
        return nil
    }

    /// 200,000 entries took libzip over 2 s to parse before the count was checked: the count in
    /// the (zip64) end record is refused first, without reading the central directory.
    @Test func tooManyEntriesAreRefusedFromTheEndRecord() throws {
        let bytes = RawZip((0..<70_000).map { RawZip.Entry("e\($0)", []) }).build()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("entries-\(UUID().uuidString).zip").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let cost = CPUCost.measure {
            #expect(kind { _ = try ZipArchive(bytes: bytes) } == .tooManyEntries(count: 70_000, limit: 10_000))
            #expect(kind { _ = try ZipArchive(path: path) } == .tooManyEntries(count: 70_000, limit: 10_000))
        }
        #expect(cost.cpuSeconds < 0.5, "\(cost)")
        // Under the limit the same package opens (the zip64 end record is read right).
        var limits = ReadLimits()
        limits.maxEntries = 70_000
        #expect(try ZipArchive(bytes: bytes, limits: limits).entries.count == 70_000)
    }

    /// Fifield's overlapping entries: every checksum right, only the package total stops it.
    @Test func overlappingEntriesStopAtThePackageTotal() throws {
        let kernel = noise(1 << 20, seed: 9)
        let bytes = OverlapBomb.build(prefix: [], count: 200, kernel: Deflate.stored(kernel), kernelSize: kernel.count,
                                      kernelCRC: CRC32.checksum(kernel)) { "part\($0)" }
        #expect(bytes.count < 2 << 20)
        var limits = ReadLimits()
        limits.maxTotalSize = 50 << 20
        let archive = try ZipArchive(bytes: bytes, limits: limits)
        #expect(archive.entries.count == 200)
        // Each entry is whole and right (the checksums hold) until the total is passed.
        #expect(try archive.read(archive.entries[199]) == kernel)
        var caught: ReadError.Kind?
        for entry in archive.entries {
            if let error = kind({ _ = try archive.read(entry) }) { caught = error; break }
        }
        #expect(caught == .packageTooLarge(limit: 50 << 20))
    }

    /// A hand-made deflate stream of a long run: the ratio limit stops it past the grace.
    @Test func ratioBombStopsAtTheRatio() throws {
        let count = 20_000_000
        let entry = RawZip.Entry.deflated("bomb.xml", Deflate.run(UInt8(ascii: "a"), count: count),
                                          crc: CRC32.repeated(UInt8(ascii: "a"), count: count), size: UInt32(count))
        let archive = try ZipArchive(bytes: RawZip([entry]).build())
        #expect(kind { _ = try archive.read("bomb.xml") } == .compressionRatio(limit: 100))
        var limits = ReadLimits()
        limits.maxCompressionRatio = 1_000
        let trusting = try ZipArchive(bytes: RawZip([entry]).build(), limits: limits)
        #expect(try trusting.read("bomb.xml") == [UInt8](repeating: UInt8(ascii: "a"), count: count))
    }

    /// A declared size that is a lie: the part is read right and does not keep the reservation.
    @Test func aLyingDeclaredSizeIsNotKept() throws {
        var entry = RawZip.Entry.deflated("small", Deflate.stored(Array("klein".utf8)), crc: CRC32.checksum(Array("klein".utf8)), size: 5)
        entry.uncompressedSize = 40 << 20
        let bytes = RawZip([entry]).build()
        let archive = try ZipArchive(bytes: bytes)
        // The five bytes, in a buffer of their size (not the 40 MiB declared).
        let result = try archive.read("small")
        #expect(result == Array("klein".utf8))
        #expect(result.capacity < 2 << 20)
    }

    /// Untouched entries are copied as they are stored: same compressed bytes, same content.
    @Test func addCopyKeepsTheStoredBytes() throws {
        var source = ZipWriter()
        source.add(name: "stored.bin", bytes: noise(300_000, seed: 2), compressed: false)
        source.add(name: "deflated.xml", bytes: Array(String(repeating: "<p>tekst</p>", count: 20_000).utf8))
        let original = try ZipArchive(bytes: source.finish())
        var copy = ZipWriter()
        copy.add(name: "new.txt", bytes: Array("nieuw".utf8))
        for entry in original.entries { try copy.addCopy(of: entry, from: original) }
        let copied = try ZipArchive(bytes: copy.finish())
        #expect(copied.entries.map(\.name) == ["new.txt", "stored.bin", "deflated.xml"])
        for entry in original.entries {
            let twin = try #require(copied.entry(named: entry.name))
            #expect(twin.compressedSize == entry.compressedSize && twin.isStored == entry.isStored, "\(entry.name)")
            #expect(try copied.read(twin) == original.read(entry), "\(entry.name)")
        }
    }
}

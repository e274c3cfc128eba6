/// A tiny zip builder that writes exactly what it is told, including what libzip refuses to
/// write: duplicate names, arbitrary name bytes, local headers that disagree with the central
/// directory. Entries are stored (method 0).
struct RawZip {
    struct Entry {
        var name: [UInt8]
        var data: [UInt8]
        /// General-purpose flags; bit 11 (0x0800) marks the name as UTF-8.
        var flags: UInt16 = 0
        /// Overrides for the local header only, to make it disagree with the central directory.
        var localName: [UInt8]? = nil
        var localCRC: UInt32? = nil
        var localSize: UInt32? = nil

        init(_ name: String, _ data: [UInt8], flags: UInt16 = 0x0800) {
            self.name = Array(name.utf8)
            self.data = data
            self.flags = flags
        }

        init(nameBytes: [UInt8], _ data: [UInt8], flags: UInt16 = 0) {
            self.name = nameBytes
            self.data = data
            self.flags = flags
        }
    }

    var entries: [Entry] = []

    init(_ entries: [Entry] = []) { self.entries = entries }

    func build() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt32(out.count)
            let crc = CRC32.checksum(entry.data)
            let size = UInt32(entry.data.count)
            let localName = entry.localName ?? entry.name
            // Local file header.
            out.le32(0x0403_4B50)
            out.le16(20)  // version needed
            out.le16(entry.flags)
            out.le16(0)  // stored
            out.le16(0)  // time 00:00
            out.le16(0x21)  // date 1980-01-01
            out.le32(entry.localCRC ?? crc)
            out.le32(entry.localSize ?? size)
            out.le32(entry.localSize ?? size)
            out.le16(UInt16(localName.count))
            out.le16(0)
            out += localName
            out += entry.data
            // Central directory header.
            central.le32(0x0201_4B50)
            central.le16(0x031E)  // made by: Unix, 3.0
            central.le16(20)
            central.le16(entry.flags)
            central.le16(0)
            central.le16(0)
            central.le16(0x21)
            central.le32(crc)
            central.le32(size)
            central.le32(size)
            central.le16(UInt16(entry.name.count))
            central.le16(0)  // extra
            central.le16(0)  // comment
            central.le16(0)  // disk
            central.le16(0)  // internal attributes
            central.le32(0o100644 << 16)
            central.le32(offset)
            central += entry.name
        }
        let centralOffset = UInt32(out.count)
        out += central
        out.le32(0x0605_4B50)
        out.le16(0)
        out.le16(0)
        out.le16(UInt16(entries.count))
        out.le16(UInt16(entries.count))
        out.le32(UInt32(central.count))
        out.le32(centralOffset)
        out.le16(0)
        return out
    }
}

enum CRC32 {
    static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var c: UInt32 = 0xFFFF_FFFF
        for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
        return c ^ 0xFFFF_FFFF
    }
}

/// Reads the headers of a zip file the simple way (no zip64), to inspect what was written.
struct ZipLayout {
    struct Header: Equatable {
        var name: [UInt8]
        var method: UInt16
        var flags: UInt16
        var time: UInt16
        var date: UInt16
        var extraLength: UInt16
        var localOffset: UInt32
        var madeBy: UInt16
        var externalAttributes: UInt32
    }

    var central: [Header] = []
    var local: [Header] = []

    init?(_ bytes: [UInt8]) {
        guard bytes.count >= 22 else { return nil }
        let end = bytes.count - 22
        guard bytes.le32(at: end) == 0x0605_4B50 else { return nil }
        let count = Int(bytes.le16(at: end + 10))
        var at = Int(bytes.le32(at: end + 16))
        for _ in 0..<count {
            guard bytes.le32(at: at) == 0x0201_4B50 else { return nil }
            let nameLength = Int(bytes.le16(at: at + 28))
            let extraLength = Int(bytes.le16(at: at + 30))
            let commentLength = Int(bytes.le16(at: at + 32))
            central.append(Header(
                name: Array(bytes[(at + 46)..<(at + 46 + nameLength)]),
                method: bytes.le16(at: at + 10), flags: bytes.le16(at: at + 8),
                time: bytes.le16(at: at + 12), date: bytes.le16(at: at + 14),
                extraLength: UInt16(extraLength), localOffset: bytes.le32(at: at + 42),
                madeBy: bytes.le16(at: at + 4), externalAttributes: bytes.le32(at: at + 38)))
            at += 46 + nameLength + extraLength + commentLength
        }
        for header in central {
            let at = Int(header.localOffset)
            guard bytes.le32(at: at) == 0x0403_4B50 else { return nil }
            let nameLength = Int(bytes.le16(at: at + 26))
            local.append(Header(
                name: Array(bytes[(at + 30)..<(at + 30 + nameLength)]),
                method: bytes.le16(at: at + 8), flags: bytes.le16(at: at + 6),
                time: bytes.le16(at: at + 10), date: bytes.le16(at: at + 12),
                extraLength: bytes.le16(at: at + 28), localOffset: UInt32(at),
                madeBy: 0, externalAttributes: 0))
        }
    }
}

extension Array where Element == UInt8 {
    mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF)); append(UInt8(value >> 8))
    }

    mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    func le16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    func le32(at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(self[offset + $1]) << UInt32(8 * $1) }
    }

    mutating func setLE32(_ value: UInt32, at offset: Int) {
        for i in 0..<4 { self[offset + i] = UInt8((value >> UInt32(8 * i)) & 0xFF) }
    }
}

/// Bytes that deflate poorly (a fixed linear congruential sequence), so ratio checks stay quiet.
func noise(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return UInt8(truncatingIfNeeded: state >> 33)
    }
}

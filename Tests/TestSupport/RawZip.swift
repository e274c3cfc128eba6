/// A tiny zip builder that writes exactly what it is told, including what libzip refuses to
/// write: duplicate names, arbitrary name bytes, local headers that disagree with the central
/// directory, sizes and checksums that lie. Entries are stored (method 0) unless given
/// already-deflated data (method 8). More than 65,535 entries get a zip64 end record.
public struct RawZip: Sendable {
    public struct Entry: Sendable {
        public var name: [UInt8]
        /// The bytes as they are in the file (compressed when `method` is 8).
        public var data: [UInt8]
        /// 0 stored, 8 deflated.
        public var method: UInt16 = 0
        /// CRC-32 and size of the uncompressed data; computed from `data` for stored entries.
        public var crc: UInt32? = nil
        public var uncompressedSize: UInt32? = nil
        /// General-purpose flags; bit 11 (0x0800) marks the name as UTF-8.
        public var flags: UInt16 = 0
        /// Overrides for the local header only, to make it disagree with the central directory.
        public var localName: [UInt8]? = nil
        public var localCRC: UInt32? = nil
        public var localSize: UInt32? = nil

        public init(_ name: String, _ data: [UInt8], flags: UInt16 = 0x0800) {
            self.name = Array(name.utf8)
            self.data = data
            self.flags = flags
        }

        public init(nameBytes: [UInt8], _ data: [UInt8], flags: UInt16 = 0) {
            self.name = nameBytes
            self.data = data
            self.flags = flags
        }

        /// An entry whose data is a raw deflate stream of `size` bytes with checksum `crc`.
        public static func deflated(_ name: String, _ compressed: [UInt8], crc: UInt32, size: UInt32) -> Entry {
            var entry = Entry(name, compressed)
            entry.method = 8
            entry.crc = crc
            entry.uncompressedSize = size
            return entry
        }
    }

    public var entries: [Entry] = []

    public init(_ entries: [Entry] = []) { self.entries = entries }

    public func build() -> [UInt8] {
        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in entries {
            let offset = UInt32(out.count)
            let crc = entry.crc ?? CRC32.checksum(entry.data)
            let compressedSize = UInt32(entry.data.count)
            let size = entry.uncompressedSize ?? compressedSize
            let localName = entry.localName ?? entry.name
            // Local file header.
            out.le32(0x0403_4B50)
            out.le16(20)  // version needed
            out.le16(entry.flags)
            out.le16(entry.method)
            out.le16(0)  // time 00:00
            out.le16(0x21)  // date 1980-01-01
            out.le32(entry.localCRC ?? crc)
            out.le32(entry.localSize ?? compressedSize)
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
            central.le16(entry.method)
            central.le16(0)
            central.le16(0x21)
            central.le32(crc)
            central.le32(compressedSize)
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
        out.endOfCentralDirectory(central: central, count: entries.count)
        return out
    }
}

extension Array where Element == UInt8 {
    /// Appends the central directory and the end records (zip64 ones for more than 65,535 entries).
    mutating func endOfCentralDirectory(central: [UInt8], count: Int) {
        let centralOffset = UInt32(self.count)
        self += central
        if count > 0xFFFF {
            let zip64Offset = UInt64(self.count)
            le32(0x0606_4B50)
            le64(44)  // size of the rest of this record
            le16(45); le16(45)  // made by, needed
            le32(0); le32(0)  // disks
            le64(UInt64(count)); le64(UInt64(count))
            le64(UInt64(central.count)); le64(UInt64(centralOffset))
            le32(0x0706_4B50)  // locator
            le32(0)
            le64(zip64Offset)
            le32(1)
        }
        let shortCount = UInt16(Swift.min(count, 0xFFFF))
        le32(0x0605_4B50)
        le16(0)
        le16(0)
        le16(shortCount)
        le16(shortCount)
        le32(UInt32(central.count))
        le32(centralOffset)
        le16(0)
    }
}

public enum CRC32 {
    public static let table: [UInt32] = (0..<256).map { n in
        var c = UInt32(n)
        for _ in 0..<8 { c = c & 1 != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }

    public static func checksum(_ bytes: [UInt8]) -> UInt32 {
        update(0, bytes)
    }

    /// Continues a checksum (start with 0).
    public static func update(_ crc: UInt32, _ bytes: [UInt8]) -> UInt32 {
        table.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { bytes in
                var c = ~crc
                for b in bytes { c = table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8) }
                return ~c
            }
        }
    }

    /// The checksum of A followed by B, from the checksums of both and B's length (zlib's crc32_combine).
    public static func combine(_ crc1: UInt32, _ crc2: UInt32, _ length2: Int) -> UInt32 {
        guard length2 > 0 else { return crc1 }
        func times(_ matrix: [UInt32], _ vector: UInt32) -> UInt32 {
            var sum: UInt32 = 0, vector = vector, i = 0
            while vector != 0 {
                if vector & 1 != 0 { sum ^= matrix[i] }
                vector >>= 1
                i += 1
            }
            return sum
        }
        func square(_ matrix: [UInt32]) -> [UInt32] { (0..<32).map { times(matrix, matrix[$0]) } }
        var odd = [UInt32](repeating: 0, count: 32)
        odd[0] = 0xEDB8_8320
        var row: UInt32 = 1
        for n in 1..<32 { odd[n] = row; row <<= 1 }
        var even = square(odd)
        odd = square(even)
        var crc1 = crc1, length = length2
        repeat {
            even = square(odd)
            if length & 1 != 0 { crc1 = times(even, crc1) }
            length >>= 1
            if length == 0 { break }
            odd = square(even)
            if length & 1 != 0 { crc1 = times(odd, crc1) }
            length >>= 1
        } while length != 0
        return crc1 ^ crc2
    }

    /// The checksum of `count` copies of `byte`, without making them.
    public static func repeated(_ byte: UInt8, count: Int) -> UInt32 {
        var result: UInt32 = 0, resultLength = 0
        var power = checksum([byte]), powerLength = 1
        var remaining = count
        while remaining > 0 {
            if remaining & 1 != 0 {
                result = resultLength == 0 ? power : combine(result, power, powerLength)
                resultLength += powerLength
            }
            remaining >>= 1
            if remaining > 0 {
                power = combine(power, power, powerLength)
                powerLength *= 2
            }
        }
        return result
    }
}

/// Raw deflate streams made by hand: stored blocks, and fixed-Huffman blocks of long runs.
public enum Deflate {
    /// Stored blocks holding `bytes`; the last one is final when `final`.
    public static func stored(_ bytes: [UInt8], final: Bool = true) -> [UInt8] {
        var out: [UInt8] = []
        var start = 0
        repeat {
            let end = Swift.min(start + 65_535, bytes.count)
            let last = end == bytes.count
            out.append(last && final ? 1 : 0)
            let length = UInt16(end - start)
            out.le16(length)
            out.le16(~length)
            out += bytes[start..<end]
            start = end
        } while start < bytes.count
        return out
    }

    /// One final fixed-Huffman block: `prefix`, `count` copies of `byte` (as matches of 258 at
    /// distance 1: about 158:1), `suffix`.
    public static func run(prefix: [UInt8] = [], _ byte: UInt8, count: Int, suffix: [UInt8] = []) -> [UInt8] {
        var writer = BitWriter()
        writer.bits(1, 1)  // BFINAL
        writer.bits(1, 2)  // fixed Huffman
        func literal(_ value: UInt8) {
            if value < 144 { writer.code(0x30 + UInt32(value), 8) } else { writer.code(0x190 + UInt32(value) - 144, 9) }
        }
        prefix.forEach(literal)
        var left = count
        if left > 0 { literal(byte); left -= 1 }
        while left >= 258 {
            writer.code(0xC5, 8)  // length 258 (symbol 285)
            writer.code(0, 5)  // distance 1
            left -= 258
        }
        for _ in 0..<left { literal(byte) }
        suffix.forEach(literal)
        writer.code(0, 7)  // end of block (256)
        return writer.finish()
    }

    struct BitWriter {
        var out: [UInt8] = []
        var buffer: UInt64 = 0
        var used = 0

        /// LSB first, as deflate packs header fields and extra bits.
        mutating func bits(_ value: UInt32, _ count: Int) {
            buffer |= UInt64(value) << UInt64(used)
            used += count
            while used >= 8 {
                out.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                used -= 8
            }
        }

        /// A Huffman code, which deflate packs most significant bit first.
        mutating func code(_ value: UInt32, _ count: Int) {
            var reversed: UInt32 = 0
            for i in 0..<count where value & (1 << UInt32(i)) != 0 { reversed |= 1 << UInt32(count - 1 - i) }
            bits(reversed, count)
        }

        mutating func finish() -> [UInt8] {
            if used > 0 { out.append(UInt8(truncatingIfNeeded: buffer)) }
            return out
        }
    }
}

/// Reads the headers of a zip file the simple way (no zip64), to inspect what was written.
public struct ZipLayout {
    public struct Header: Equatable {
        public var name: [UInt8]
        public var method: UInt16
        public var flags: UInt16
        public var time: UInt16
        public var date: UInt16
        public var extraLength: UInt16
        public var localOffset: UInt32
        public var madeBy: UInt16
        public var externalAttributes: UInt32
    }

    public var central: [Header] = []
    public var local: [Header] = []

    public init?(_ bytes: [UInt8]) {
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
    public mutating func le16(_ value: UInt16) {
        append(UInt8(value & 0xFF)); append(UInt8(value >> 8))
    }

    public mutating func le32(_ value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }

    public mutating func le64(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { append(UInt8((value >> UInt64(shift)) & 0xFF)) }
    }

    public func le16(at offset: Int) -> UInt16 {
        UInt16(self[offset]) | UInt16(self[offset + 1]) << 8
    }

    public func le32(at offset: Int) -> UInt32 {
        (0..<4).reduce(0) { $0 | UInt32(self[offset + $1]) << UInt32(8 * $1) }
    }

    public mutating func setLE32(_ value: UInt32, at offset: Int) {
        for i in 0..<4 { self[offset + i] = UInt8((value >> UInt32(8 * i)) & 0xFF) }
    }
}

/// Bytes that deflate poorly (a fixed linear congruential sequence), so ratio checks stay quiet.
public func noise(_ count: Int, seed: UInt64 = 1) -> [UInt8] {
    var state = seed
    return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
        for i in 0..<count {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            buffer[i] = UInt8(truncatingIfNeeded: state >> 33)
        }
        initialized = count
    }
}

/// Letters and digits that deflate poorly (about 6 bits of entropy per byte): text for XML
/// that the ratio limit does not stop.
public func noisyText(_ count: Int, seed: UInt64 = 7) -> [UInt8] {
    let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
    var state = seed
    return [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
        alphabet.withUnsafeBufferPointer { alphabet in
            for i in 0..<count {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                buffer[i] = alphabet[Int((state >> 33) % 62)]
            }
        }
        initialized = count
    }
}

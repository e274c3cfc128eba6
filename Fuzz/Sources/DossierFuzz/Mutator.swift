import FuzzSupport
import PackageIO

// A structure-aware mutator. libzip checks every entry's CRC-32, so plain byte mutations of a
// package almost never reach the XML behind the zip layer: most mutants die as "checksum
// error". For a zip input this mutator, most of the time, opens the package, lets libFuzzer
// mutate the bytes of one entry (or drops, duplicates-under-a-new-name or renames an entry)
// and writes a valid zip again (entries stored, so later plain mutations can still touch the
// XML text). The rest of the time, and for inputs that are not zips (flat ODT, tender text),
// it is libFuzzer's own byte mutation, which keeps the zip layer itself under fire.

/// A small deterministic generator from libFuzzer's seed (SplitMix64).
struct SeededRandom {
    var state: UInt64
    init(_ seed: UInt32) { state = UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { n <= 1 ? 0 : Int(next() % UInt64(n)) }
}

/// Names a renamed entry may take: the parts readers look for.
let interestingNames = [
    "[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/_rels/document.xml.rels",
    "word/styles.xml", "word/numbering.xml", "word/footnotes.xml", "word/header1.xml",
    "word/settings.xml", "word/comments.xml", "docProps/core.xml", "mimetype", "content.xml",
    "styles.xml", "meta.xml", "META-INF/manifest.xml", "META-INF/documentsignatures.xml",
    "_xmlsignatures/sig1.xml", "_xmlsignatures/_rels/origin.sigs.rels", "_xmlsignatures/origin.sigs",
]

func byteMutate(_ bytes: [UInt8], maxSize: Int) -> [UInt8] {
    var buffer = bytes
    let capacity = max(maxSize, bytes.count, 1)
    buffer.append(contentsOf: [UInt8](repeating: 0, count: capacity - bytes.count))
    let size = buffer.withUnsafeMutableBufferPointer { LLVMFuzzerMutate($0.baseAddress!, bytes.count, capacity) }
    return Array(buffer.prefix(size))
}

func mutateZip(_ input: [UInt8], maxSize: Int, random: inout SeededRandom) -> [UInt8]? {
    guard input.starts(with: [0x50, 0x4B, 0x03, 0x04]),
          let archive = try? ZipArchive(bytes: input, limits: fuzzLimits), !archive.entries.isEmpty
    else { return nil }
    var entries: [(name: String, bytes: [UInt8])] = []
    for entry in archive.entries {
        guard let bytes = try? archive.read(entry) else { return nil }
        entries.append((entry.name, bytes))
    }
    let index = random.below(entries.count)
    switch random.below(16) {
    case 0 where entries.count > 1:
        entries.remove(at: index)
    case 1:
        entries[index].name = interestingNames[random.below(interestingNames.count)]
    case 2:
        // A second copy of an XML part under another name (a second header, a signature...).
        entries.append((interestingNames[random.below(interestingNames.count)], entries[index].bytes))
    default:
        // Room for the mutation to grow the entry, within what is left of maxSize.
        let others = entries.reduce(0) { $0 + $1.bytes.count + $1.name.utf8.count + 100 } - entries[index].bytes.count
        let room = max(maxSize - others, entries[index].bytes.count + 1)
        entries[index].bytes = byteMutate(entries[index].bytes, maxSize: min(room, entries[index].bytes.count * 2 + 256))
    }
    var writer = ZipWriter()
    var seen = Set<String>()
    for entry in entries where seen.insert(entry.name).inserted {
        writer.add(name: entry.name, bytes: entry.bytes, compressed: false)
    }
    guard let output = try? writer.finish(), output.count <= maxSize else { return nil }
    return output
}

@_cdecl("LLVMFuzzerCustomMutator")
public func customMutator(_ data: UnsafeMutablePointer<UInt8>, _ size: Int, _ maxSize: Int, _ seed: UInt32) -> Int {
    var random = SeededRandom(seed)
    if selectedTarget != .tender && selectedTarget != .espd, random.below(4) != 0 {
        let input = Array(UnsafeBufferPointer(start: data, count: size))
        if let output = mutateZip(input, maxSize: maxSize, random: &random) {
            output.withUnsafeBufferPointer { data.update(from: $0.baseAddress!, count: output.count) }
            return output.count
        }
    }
    return LLVMFuzzerMutate(data, size, maxSize)
}

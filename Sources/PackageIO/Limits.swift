/// Limits that bound the time and memory spent on one untrusted file.
/// Defaults are documented in the README (and docs/security.md); the command line can raise them.
public struct ReadLimits: Sendable, Equatable {
    /// Entries in one zip package.
    public var maxEntries = 10_000
    /// Uncompressed bytes of one entry that is read.
    public var maxEntrySize: Int64 = 64 << 20
    /// Uncompressed bytes read from one package in all.
    /// (96 MiB: a command that rewrites a package (sign, render, build) holds the new package
    /// twice while it is written, and must stay under 256 MiB of memory in all.)
    public var maxTotalSize: Int64 = 96 << 20
    /// Largest ratio of uncompressed to compressed size, checked once an entry passes `ratioGrace`.
    public var maxCompressionRatio: Int64 = 100
    public var ratioGrace: Int64 = 1 << 20
    /// Size of a file that is read whole (flat ODT, a compound file being identified).
    public var maxFileSize: Int64 = 64 << 20
    /// Element nesting in one XML part (libxml2 has its own limit of 256 without XML_PARSE_HUGE).
    public var maxXMLDepth = 256
    /// Elements and text nodes in one XML part; also bookmarks and tagged-structure elements
    /// visited in one PDF.
    public var maxXMLNodes = 2_000_000
    /// Pages of one PDF.
    public var maxPDFPages = 2_000
    /// UTF-8 bytes of text taken from one PDF.
    public var maxPDFText = 16 << 20
    /// CPU seconds and bytes of memory (data) the worker that reads one PDF may use.
    public var maxPDFSeconds = 10
    public var maxPDFMemory: Int64 = 1 << 30

    public init() {}

    public static let `default` = ReadLimits()
}

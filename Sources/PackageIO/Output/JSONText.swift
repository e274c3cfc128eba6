#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

/// The one JSON writer of every report and profile: pretty printed, sorted keys, slashes as they
/// are, one trailing newline, so the same value always gives the same bytes.
public enum JSONText {
    public static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + [0x0A]
    }

    /// As text; `{}` for a value that cannot be encoded (reports hold only strings and numbers).
    public static func string<T: Encodable>(_ value: T) -> String {
        guard let bytes = try? bytes(value) else { return "{}\n" }
        return String(decoding: bytes, as: UTF8.self)
    }
}

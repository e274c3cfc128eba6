#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import PackageIO
import DutchTime
@_spi(FixedExpiryValidationTime) import X509

/// Root certificates that a signer must chain to (`--trust PEM|DIR`).
public struct TrustAnchors: Sendable {
    public let certificates: [Certificate]

    public init(certificates: [Certificate]) {
        self.certificates = certificates
    }

    /// Reads a PEM file (one or more certificates) or every `.pem`, `.crt` and `.cer` file of a
    /// folder.
    public init(path: String) throws {
        var files: [String] = []
        var isDirectory = false
        var info = stat()
        guard stat(path, &info) == 0 else { throw ReadError(.fileNotFound, part: path) }
        isDirectory = (info.st_mode & S_IFMT) == S_IFDIR
        if isDirectory {
            guard let dir = opendir(path) else { throw ReadError(.fileUnreadable("folder"), part: path) }
            defer { closedir(dir) }
            while let entry = readdir(dir) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                    String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
                }
                let lower = name.lowercased()
                if lower.hasSuffix(".pem") || lower.hasSuffix(".crt") || lower.hasSuffix(".cer") {
                    files.append(path.hasSuffix("/") ? path + name : path + "/" + name)
                }
            }
            files.sort()
        } else {
            files = [path]
        }
        var certificates: [Certificate] = []
        for file in files {
            let bytes = try FileBytes.read(file, limit: 16 << 20)
            let text = String(decoding: bytes, as: UTF8.self)
            let found = Self.pemCertificates(text).compactMap { try? Certificate(derEncoded: $0) }
            if found.isEmpty, !isDirectory { throw ReadError(.fileUnreadable("no PEM certificate"), part: file) }
            certificates += found
        }
        if certificates.isEmpty { throw ReadError(.fileUnreadable("no PEM certificate"), part: path) }
        self.certificates = certificates
    }

    /// The DER bodies of every `CERTIFICATE` block of a PEM text.
    static func pemCertificates(_ text: String) -> [[UInt8]] {
        var result: [[UInt8]] = []
        var body: String?
        for line in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let trimmed = String(line).trimmingSpace
            if trimmed == "-----BEGIN CERTIFICATE-----" { body = ""; continue }
            if trimmed == "-----END CERTIFICATE-----" {
                if let body, let der = Base64.decode(body) { result.append(der) }
                body = nil
                continue
            }
            if body != nil { body! += trimmed }
        }
        return result
    }
}

/// The outcome of chaining a signer to trust anchors.
public struct TrustResult: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        /// No trust anchors were given: the signer is not verified.
        case notChecked
        case trusted
        case untrusted
    }
    public var state: State
    public var trusted: Bool { state == .trusted }
    /// The time the chain was validated at (the signing time the signature claims, else now).
    public var validatedAt: String?
    /// Why the chain was not accepted, in English technical terms (policy failure).
    public var detail: String?
    /// The subjects of the validated chain, signer first.
    public var chain: [String]
}

/// What chain validation needs of one signature.
struct TrustRequest {
    let signer: SignerCertificate?
    let intermediates: [SignerCertificate]
    /// The signing time the signature claims; the chain is validated at that time.
    let claimed: Date?
}

enum ChainValidation {
    /// Validates with swift-certificates' (asynchronous) Verifier.
    static func evaluate(_ request: TrustRequest, anchors: TrustAnchors?) async -> TrustResult {
        let prepared = prepare(request, anchors: anchors)
        guard case .ready(let leaf, let others, let roots, let time, let at) = prepared else {
            if case .done(let result) = prepared { return result }
            return TrustResult(state: .notChecked, chain: [])
        }
        var verifier = Verifier(rootCertificates: CertificateStore(roots)) {
            RFC5280Policy(fixedExpiryValidationTime: time)
        }
        let result = await verifier.validate(leaf: leaf, intermediates: CertificateStore(others))
        return outcome(result, at: at)
    }

    /// The same from synchronous code: blocks the calling thread until a detached task has
    /// validated. Not for use on a Swift concurrency thread (use the async form there).
    static func evaluateBlocking(_ request: TrustRequest, anchors: TrustAnchors?) -> TrustResult {
        let prepared = prepare(request, anchors: anchors)
        guard case .ready = prepared else {
            if case .done(let result) = prepared { return result }
            return TrustResult(state: .notChecked, chain: [])
        }
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        let sendable = SendableRequest(request: request)
        Task.detached {
            box.set(await evaluate(sendable.request, anchors: anchors))
            semaphore.signal()
        }
        semaphore.wait()
        return box.get() ?? TrustResult(state: .untrusted, detail: "validation did not finish", chain: [])
    }

    private enum Prepared {
        case done(TrustResult)
        case ready(leaf: Certificate, intermediates: [Certificate], roots: [Certificate], time: Date, at: String)
    }

    private static func prepare(_ request: TrustRequest, anchors: TrustAnchors?) -> Prepared {
        guard let anchors else { return .done(TrustResult(state: .notChecked, chain: [])) }
        let time = request.claimed ?? Date()
        let at = DutchTime.iso(time, in: DutchTime.utc)
        guard let signer = request.signer else {
            return .done(TrustResult(state: .untrusted, validatedAt: at, detail: "no signer certificate", chain: []))
        }
        guard let leaf = signer.x509 else {
            let bits = signer.key.bits.map { " (\(signer.key.algorithmName) \($0) bits)" } ?? ""
            return .done(TrustResult(state: .untrusted, validatedAt: at,
                                     detail: "certificate refused by the chain validator\(bits)", chain: []))
        }
        return .ready(leaf: leaf, intermediates: request.intermediates.compactMap(\.x509), roots: anchors.certificates, time: time, at: at)
    }

    private static func outcome(_ result: CertificateValidationResult, at: String) -> TrustResult {
        switch result {
        case .validCertificate(let chain):
            return TrustResult(state: .trusted, validatedAt: at, chain: chain.map { String(describing: $0.subject) })
        case .couldNotValidate(let failures):
            let reason = failures.first.map { String(describing: $0.policyFailureReason) } ?? "no chain to a trust anchor"
            return TrustResult(state: .untrusted, validatedAt: at, detail: reason, chain: [])
        }
    }

    private struct SendableRequest: @unchecked Sendable { let request: TrustRequest }

    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLockLike()
        private var value: TrustResult?
        func set(_ result: TrustResult) { lock.run { value = result } }
        func get() -> TrustResult? { lock.run { value } }
    }
}

/// A pthread mutex, to hand a result across threads without Foundation's NSLock.
final class NSLockLike: @unchecked Sendable {
    private var mutex = pthread_mutex_t()
    init() { pthread_mutex_init(&mutex, nil) }
    deinit { pthread_mutex_destroy(&mutex) }
    func run<T>(_ body: () -> T) -> T {
        pthread_mutex_lock(&mutex)
        defer { pthread_mutex_unlock(&mutex) }
        return body()
    }
}

enum Base64 {
    /// Decodes base64, ignoring whitespace; nil when anything else is malformed.
    static func decode(_ text: String) -> [UInt8]? {
        let cleaned = text.filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: cleaned) else { return nil }
        return Array(data)
    }

    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
    }
}

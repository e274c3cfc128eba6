import Foundation
import Testing
@testable import PackageSignatures
import TestSupport

/// Hostile-input regressions of the signature verifier (docs/security.md, "Fuzzing").
@Suite struct SignatureFuzzRegressionTests {
    /// The signer's key comes from the file. A 16384-bit modulus with an exponent as large
    /// kept the raw RSA check (pure-Swift s^e mod n) busy for minutes; keys beyond BoringSSL's
    /// bounds (16384-bit modulus, 33-bit exponent) are now reported as unsupported at once.
    @Test func hugeRSAExponentIsRefusedQuickly() {
        let modulus = [UInt8](repeating: 0xFF, count: 2048)
        let exponent = [UInt8](repeating: 0xFD, count: 2048)
        let signature = [UInt8](repeating: 0x7F, count: 2048)
        var result: SignatureValueCheck?
        let cost = CPUCost.measure {
            result = RawRSA.verify(signature: signature, modulus: modulus, exponent: exponent,
                                   digest: [UInt8](repeating: 0, count: 32), algorithm: .sha256)
        }
        #expect(result == .unsupportedKey)
        #expect(cost.cpuSeconds < 1, "\(cost)")
        let tooLong = RawRSA.verify(signature: [1], modulus: [UInt8](repeating: 0xFF, count: 2049), exponent: [1, 0, 1],
                                    digest: [], algorithm: .sha256)
        #expect(tooLong == .unsupportedKey)
        // 33 bits is still accepted as an exponent (it fails here only because the signature is wrong).
        let big = RawRSA.verify(signature: [2], modulus: [UInt8](repeating: 0xFF, count: 128), exponent: [1, 0, 0, 0, 1],
                                digest: [], algorithm: .sha256)
        #expect(big == .invalid)
    }
}

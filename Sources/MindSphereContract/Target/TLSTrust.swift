import HTTPTypes
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Which server certificates an HTTPS target trusts.
///
/// - `.system`: the operating system's trust store (the real gateway).
/// - `.certificateAuthority(pemFile:)`: additionally a given CA or self-signed certificate (a fake served over TLS).
///   On Apple platforms the kit evaluates the server trust against that anchor itself. On Linux, URLSession is
///   built on libcurl and offers no hook to add a trust anchor (swift-corelibs-foundation reads
///   `URLSessionCertificateAuthorityInfoFile` only on Android and ignores server-trust challenges); there the
///   certificate must be added to the system store (`/usr/local/share/ca-certificates/` + `update-ca-certificates`),
///   after which `.system` trusts it, and `.certificateAuthority` is refused with that instruction.
public enum TLSTrust: Sendable {
    /// The system trust store.
    case system
    /// The system trust store plus the certificate(s) in a PEM file.
    case certificateAuthority(pemFile: String)

    /// The PEM text of the extra anchors, or `nil` for the system store.
    /// - Throws: `ContractTransportError` when the file cannot be read, or on Linux (see above).
    func anchors() throws -> String? {
        switch self {
        case .system:
            return nil
        case .certificateAuthority(let pemFile):
            guard let text = try? String(contentsOfFile: pemFile, encoding: .utf8) else {
                throw ContractTransportError("the CA certificate file '\(pemFile)' cannot be read")
            }
            #if canImport(Security)
            return text
            #else
            _ = text
            throw ContractTransportError("""
                trusting a given certificate is not possible with URLSession on Linux; add '\(pemFile)' to the \
                system trust store (copy it to /usr/local/share/ca-certificates/<name>.crt and run \
                update-ca-certificates), then run without --ca-cert
                """)
            #endif
        }
    }
}


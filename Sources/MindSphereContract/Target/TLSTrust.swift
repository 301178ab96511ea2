import NIOSSL

/// Which server certificates an HTTPS target trusts.
///
/// - `.system`: the operating system's trust store (the real gateway).
/// - `.certificateAuthority(pemFile:)`: the system store plus the CA or self-signed certificate(s) in a PEM file
///   (a fake served over TLS with its own certificate). Host names are still verified against the certificate.
public enum TLSTrust: Sendable, Hashable {
    /// The system trust store.
    case system
    /// The system trust store plus the certificate(s) in a PEM file.
    case certificateAuthority(pemFile: String)

    /// The client TLS configuration for this trust.
    /// - Throws: `ContractTransportError` when the PEM file cannot be read or holds no certificate.
    func tlsConfiguration() throws -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if case .certificateAuthority(let pemFile) = self {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(pemFile)
            } catch {
                throw ContractTransportError("the CA certificate file '\(pemFile)' cannot be read as PEM certificates: \(error)")
            }
            guard !certificates.isEmpty else {
                throw ContractTransportError("the CA certificate file '\(pemFile)' holds no certificate")
            }
            configuration.additionalTrustRoots = [.certificates(certificates)]
        }
        return configuration
    }
}

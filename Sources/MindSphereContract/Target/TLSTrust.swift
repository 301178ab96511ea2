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

    func makeSession(configuration: URLSessionConfiguration) throws -> URLSession {
        switch self {
        case .system:
            return URLSession(configuration: configuration)
        case .certificateAuthority(let pemFile):
            guard FileManager.default.isReadableFile(atPath: pemFile) else {
                throw ContractTransportError("the CA certificate file '\(pemFile)' cannot be read")
            }
            #if canImport(Security)
            let delegate = try AnchorTrustDelegate(pemFile: pemFile)
            return URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
            #else
            throw ContractTransportError("""
                trusting a given certificate is not possible with URLSession on Linux; add '\(pemFile)' to the \
                system trust store (copy it to /usr/local/share/ca-certificates/<name>.crt and run \
                update-ca-certificates), then run without --ca-cert
                """)
            #endif
        }
    }
}

#if canImport(Security)
import Security

/// Accepts a server whose chain ends in the given anchor certificates (or in the system store).
final class AnchorTrustDelegate: NSObject, URLSessionDelegate, @unchecked Sendable {
    // @unchecked: `anchors` is set once in init and only read afterwards.
    private let anchors: [SecCertificate]

    init(pemFile: String) throws {
        let text = try String(contentsOfFile: pemFile, encoding: .utf8)
        var anchors: [SecCertificate] = []
        for block in text.components(separatedBy: "-----BEGIN CERTIFICATE-----").dropFirst() {
            guard let body = block.components(separatedBy: "-----END CERTIFICATE-----").first,
                  let der = Data(base64Encoded: body.filter { !$0.isWhitespace }),
                  let certificate = SecCertificateCreateWithData(nil, der as CFData) else { continue }
            anchors.append(certificate)
        }
        guard !anchors.isEmpty else { throw ContractTransportError("no PEM certificate found in '\(pemFile)'") }
        self.anchors = anchors
    }

    func urlSession(
        _ session: URLSession, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        guard challenge.protectionSpace.authenticationMethod == NSURLAuthenticationMethodServerTrust,
              let trust = challenge.protectionSpace.serverTrust else {
            completionHandler(.performDefaultHandling, nil)
            return
        }
        SecTrustSetAnchorCertificates(trust, anchors as CFArray)
        SecTrustSetAnchorCertificatesOnly(trust, false)
        if SecTrustEvaluateWithError(trust, nil) {
            completionHandler(.useCredential, URLCredential(trust: trust))
        } else {
            completionHandler(.cancelAuthenticationChallenge, nil)
        }
    }
}
#endif

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(Security)
import Security
#endif
import Synchronization

/// Answers URLSession's authentication challenges for the kit: HTTP authentication challenges are never answered
/// with credentials (the kit sends its own headers), and server trust is checked against extra anchors when given.
final class ChallengeDelegate: NSObject, URLSessionTaskDelegate, @unchecked Sendable {
    // @unchecked: `anchorPEM` is set once in init; `refused` is guarded by its Mutex.
    private let anchorPEM: String?
    private let refused = Mutex<[String: HTTPURLResponse]>([:])

    init(trust anchorPEM: String?) {
        self.anchorPEM = anchorPEM
    }

    /// The response head of a request whose 401 challenge was refused, once.
    func takeRefusedResponse(for url: URL) -> HTTPURLResponse? {
        refused.withLock { $0.removeValue(forKey: url.absoluteString) }
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, didReceive challenge: URLAuthenticationChallenge,
        completionHandler: @escaping (URLSession.AuthChallengeDisposition, URLCredential?) -> Void
    ) {
        #if canImport(Security)
        if challenge.protectionSpace.authenticationMethod == NSURLAuthenticationMethodServerTrust {
            let (disposition, credential) = serverTrustDisposition(challenge)
            completionHandler(disposition, credential)
            return
        }
        #endif
        if let response = challenge.failureResponse as? HTTPURLResponse, let url = task.originalRequest?.url {
            refused.withLock { $0[url.absoluteString] = response }
        }
        completionHandler(.cancelAuthenticationChallenge, nil)
    }

    #if canImport(Security)
    private func serverTrustDisposition(_ challenge: URLAuthenticationChallenge) -> (URLSession.AuthChallengeDisposition, URLCredential?) {
        guard let anchorPEM, let trust = challenge.protectionSpace.serverTrust else { return (.performDefaultHandling, nil) }
        var anchors: [SecCertificate] = []
        for block in anchorPEM.components(separatedBy: "-----BEGIN CERTIFICATE-----").dropFirst() {
            guard let body = block.components(separatedBy: "-----END CERTIFICATE-----").first,
                  let der = Data(base64Encoded: body.filter { !$0.isWhitespace }),
                  let certificate = SecCertificateCreateWithData(nil, der as CFData) else { continue }
            anchors.append(certificate)
        }
        SecTrustSetAnchorCertificates(trust, anchors as CFArray)
        SecTrustSetAnchorCertificatesOnly(trust, false)
        return SecTrustEvaluateWithError(trust, nil) ? (.useCredential, URLCredential(trust: trust)) : (.cancelAuthenticationChallenge, nil)
    }
    #endif
}

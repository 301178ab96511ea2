public import CryptoExtras
public import Foundation

/// An RSA key pair that signs tokens (RS256), with its `kid` and its public JWK as `/token_keys` serves it.
public struct SigningKey: Sendable {
    /// The key id in the JWT header and the key set.
    public let keyID: String
    /// The private key.
    public let privateKey: _RSA.Signing.PrivateKey
    /// The public key.
    public var publicKey: _RSA.Signing.PublicKey { privateKey.publicKey }

    /// Wraps an existing key.
    public init(keyID: String, privateKey: _RSA.Signing.PrivateKey) {
        self.keyID = keyID
        self.privateKey = privateKey
    }

    /// A fresh 2048-bit key.
    /// - Throws: when the crypto library cannot generate a key.
    public static func generate(keyID: String) throws -> SigningKey {
        SigningKey(keyID: keyID, privateKey: try _RSA.Signing.PrivateKey(keySize: .bits2048))
    }

    /// The key of a PEM text (`RSA PRIVATE KEY` or `PRIVATE KEY`), e.g. a key file the user keeps.
    /// - Throws: `SigningKeyError` when the text is no RSA private key of at least 2048 bits.
    public init(pemRepresentation pem: String, keyID: String) throws(SigningKeyError) {
        let key: _RSA.Signing.PrivateKey
        do {
            key = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
        } catch {
            throw SigningKeyError("not a PEM RSA private key (BEGIN RSA PRIVATE KEY or BEGIN PRIVATE KEY): \(error)")
        }
        guard key.keySizeInBits >= 2048 else {
            throw SigningKeyError("the RSA key has \(key.keySizeInBits) bits; RS256 clients need at least 2048")
        }
        self.init(keyID: keyID, privateKey: key)
    }

    /// The private key as PEM (`BEGIN RSA PRIVATE KEY`), to keep it in a file.
    public var privateKeyPEM: String { privateKey.pemRepresentation }

    /// One key per process, made on first use: generating RSA keys is slow, and many fakes may start in one test run.
    public static let processDefault: SigningKey = {
        do {
            return try generate(keyID: "key-id-1")
        } catch {
            fatalError("cannot generate an RSA signing key: \(error)")
        }
    }()

    /// RS256 signature (RSASSA-PKCS1-v1_5 with SHA-256) of `data`.
    /// - Throws: when signing fails.
    public func sign(_ data: some DataProtocol) throws -> Data {
        try privateKey.signature(for: data, padding: .insecurePKCS1v1_5).rawRepresentation
    }

    /// Whether `signature` is a valid RS256 signature of `data` by this key.
    public func verify(_ signature: Data, for data: some DataProtocol) -> Bool {
        publicKey.isValidSignature(_RSA.Signing.RSASignature(rawRepresentation: signature), for: data, padding: .insecurePKCS1v1_5)
    }

    /// The JWK as served by `/token_keys`: `kty`, `e`, `use`, `kid`, `alg`, `value` (PEM), `n`.
    public var publicJWK: JSONValue {
        let primitives = try? publicKey.getKeyPrimitives()
        return .object([
            "kty": .string("RSA"),
            "e": .string(primitives.map { Base64URL.encode($0.publicExponent) } ?? "AQAB"),
            "use": .string("sig"),
            "kid": .string(keyID),
            "alg": .string("RS256"),
            "value": .string(publicKey.pemRepresentation),
            "n": .string(primitives.map { Base64URL.encode($0.modulus) } ?? ""),
        ])
    }
}

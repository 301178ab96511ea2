import Foundation
public import MindSphereFake

/// The token-signing key on disk: a key file the user names, or one key generated once and kept in the user's
/// cache directory, so `serve` starts without generating an RSA key (tens of milliseconds to seconds) and
/// `/token_keys` stays the same across restarts (clients that cached the key set keep verifying tokens).
public enum SigningKeyFile {
    /// The `kid` of the fake's key.
    public static let keyID = "key-id-1"

    /// The key in the PEM file at `path`.
    /// - Throws: `SigningKeyError` naming the file when it cannot be read or holds no usable RSA key.
    public static func load(_ path: String, keyID: String = keyID) throws(SigningKeyError) -> SigningKey {
        let pem: String
        do {
            pem = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SigningKeyError("cannot read the signing key \(path): \(error.localizedDescription)")
        }
        do {
            return try SigningKey(pemRepresentation: pem, keyID: keyID)
        } catch {
            throw SigningKeyError("\(path): \(error.message)")
        }
    }

    /// The key kept at `path`: read when the file exists, else generated and written there (the directory made
    /// with mode 0700, the file with 0600, through a temporary file and a rename, so a reader never sees half a
    /// key; two fakes starting at once may both generate, and the last rename wins for later starts).
    /// - Throws: `SigningKeyError` when the file exists but is unusable, or a new key cannot be written.
    public static func cached(at path: String, keyID: String = keyID) throws(SigningKeyError) -> SigningKey {
        if FileManager.default.fileExists(atPath: path) { return try load(path, keyID: keyID) }
        let key: SigningKey
        do {
            key = try SigningKey.generate(keyID: keyID)
        } catch {
            throw SigningKeyError("cannot generate an RSA signing key: \(error)")
        }
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = path + ".\(getpid()).tmp"
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw SigningKeyError("cannot create the key cache directory \(directory): \(error.localizedDescription)")
        }
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: Data(key.privateKeyPEM.utf8),
                attributes: [.posixPermissions: 0o600]),
            rename(temporary, path) == 0
        else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw SigningKeyError("cannot write the signing key to \(path)")
        }
        return key
    }

    /// Where `serve` keeps its key by default: `$XDG_CACHE_HOME/mindsphere-fake/signing-key.pem`, else
    /// `$HOME/.cache/mindsphere-fake/signing-key.pem`; `nil` when neither variable is set to an absolute path.
    public static func defaultCachePath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") { return cache + "/mindsphere-fake/signing-key.pem" }
        if let home = environment["HOME"], home.hasPrefix("/") { return home + "/.cache/mindsphere-fake/signing-key.pem" }
        return nil
    }
}

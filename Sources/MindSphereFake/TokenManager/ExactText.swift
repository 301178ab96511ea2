/// Text compared and hashed by its UTF-8 bytes. Swift's `String ==` and `String` hashing work on canonical
/// equivalence, so U+212A KELVIN SIGN equals `K` and a decomposed `é` equals the composed one; a credential, token
/// or client-id lookup must instead match only the exact bytes that were configured or issued.
struct ExactText: Hashable, Sendable {
    /// The text.
    let text: String

    /// Wraps `text`.
    init(_ text: String) {
        self.text = text
    }

    static func == (lhs: ExactText, rhs: ExactText) -> Bool {
        equal(lhs.text, rhs.text)
    }

    func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }

    /// Whether `left` and `right` have the same UTF-8 bytes.
    static func equal(_ left: String, _ right: String) -> Bool {
        left.utf8.count == right.utf8.count && left.utf8.elementsEqual(right.utf8)
    }

    /// Whether `given` has the same UTF-8 bytes as `secret`, in a time that depends only on their lengths, not on
    /// where they first differ (for secrets and the control token).
    static func constantTimeEqual(_ given: String, _ secret: String) -> Bool {
        let given = Array(given.utf8)
        let secret = Array(secret.utf8)
        var difference = UInt8(given.count == secret.count ? 0 : 1)
        for index in 0..<max(given.count, secret.count) {
            let left = index < given.count ? given[index] : 0
            let right = index < secret.count ? secret[index] : 0
            difference |= left ^ right
        }
        return difference == 0
    }
}

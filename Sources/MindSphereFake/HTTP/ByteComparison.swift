#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Equality of byte buffers with `memcmp` (the generic `elementsEqual` goes byte by byte through iterators).
enum ByteComparison {
    /// Whether `left` and `right` hold the same bytes.
    static func equal(_ left: UnsafeRawBufferPointer, _ right: UnsafeRawBufferPointer) -> Bool {
        guard left.count == right.count else { return false }
        guard let leftBytes = left.baseAddress, let rightBytes = right.baseAddress else { return true }
        return memcmp(leftBytes, rightBytes, left.count) == 0
    }
}

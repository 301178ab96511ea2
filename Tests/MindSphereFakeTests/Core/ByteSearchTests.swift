import Testing

@testable import MindSphereFake

/// The request path's byte searches answer as the generic `firstIndex(of:)` and `contains(where:)` do, for every
/// length around the eight-byte steps and every position of the byte looked for.
@Suite struct ByteSearchTests {
    @Test func firstIndex_answersAsTheGenericSearch() {
        for length in 0...40 {
            for position in -1..<length {
                var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                if position >= 0 {
                    bytes[position] = UInt8(ascii: "/")
                    if position + 3 < length { bytes[position + 3] = UInt8(ascii: "/") }
                }
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(ByteSearch.firstIndex(of: UInt8(ascii: "/"), in: buffer) == buffer.firstIndex(of: UInt8(ascii: "/")))
                    let tail = UnsafeBufferPointer(rebasing: buffer[(length / 2)...])
                    #expect(ByteSearch.firstIndex(of: UInt8(ascii: "/"), in: tail) == tail.firstIndex(of: UInt8(ascii: "/")))
                }
            }
        }
    }

    @Test(arguments: [UInt8(0x80), 0xC3, 0xFF])
    func isASCII_answersAsTheGenericTest(high: UInt8) {
        for length in 0...40 {
            for position in -1..<length {
                var bytes = [UInt8](repeating: 0x7F, count: length)
                if position >= 0 { bytes[position] = high }
                bytes.withUnsafeBufferPointer { buffer in
                    #expect(ByteSearch.isASCII(buffer) == !buffer.contains { $0 >= 0x80 }, "length \(length), at \(position)")
                }
            }
        }
    }
}

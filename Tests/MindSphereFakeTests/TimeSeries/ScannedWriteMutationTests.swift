import Testing

@testable import MindSphereFake

/// Thousands of PUT bodies made by mutating valid ones byte by byte: the byte scanner and the general path must give
/// the same answers and leave the same stored series, whatever the mutation did to the body.
@Suite struct ScannedWriteMutationTests {
    /// Bytes a mutation puts in: JSON structure, number and literal characters, escapes, and non-ASCII lead bytes.
    private static let alphabet: [UInt8] = Array(#""{}[],:-+.eE0159ntfrulTRUEN\ "#.utf8) + [0x00, 0x0A, 0x7F, 0x80, 0xC3, 0xE2, 0xFF]

    @Test(arguments: 0..<8)
    func mutatedBodies_answerAndStoreLikeTheGeneralPath(round: Int) {
        mutate(round: round, comparison: ScanComparison(), bases: ScanBodies.scanned)
    }

    /// String-encoded values mutated, under both alternatives of `ts.strict-types`: under `strict` the scanner must
    /// decline every string in a number column and refuse like the general path.
    @Test(arguments: 0..<4, ["coerce", "strict"])
    func mutatedStringValues_answerAndStoreLikeTheGeneralPath(round: Int, alternative: String) throws {
        let choices = try AssumptionChoices(["ts.strict-types": alternative])
        mutate(
            round: round + 100, comparison: ScanComparison(choices: choices), bases: ScanBodies.coerced,
            minimumStored: alternative == "coerce" ? 10 : 0)
    }

    private func mutate(round: Int, comparison: ScanComparison, bases: [String], minimumStored: Int = 10) {
        var random = UInt64(round) &+ 1
        let seed = comparison.put("mixed", #"[{"_time":"2023-02-20T00:00:00Z","count":1,"level":2.5}]"#)
        #expect(seed.scanned == seed.general)
        var differences = 0
        var stored = 0
        for _ in 0..<250 {
            let base = bases[Int(Identifiers.splitMix(&random) % UInt64(bases.count))]
            let body = Self.mutate(Array(base.utf8), with: &random)
            let answers = comparison.put("mixed", bytes: body)
            if answers.scanned.hasPrefix("2") { stored += 1 }
            if answers.scanned != answers.general {
                differences += 1
                Issue.record("answers differ for body \(String(decoding: body, as: UTF8.self))\n\(answers.scanned)\n---\n\(answers.general)")
                if differences > 3 { break }
            }
        }
        // Enough mutants stay valid (a digit or a space changed) that the scanner's own reading is compared too.
        #expect(stored >= minimumStored, "only \(stored) of 250 mutated bodies were stored")
        let snapshots = comparison.snapshots
        #expect(snapshots.scanned == snapshots.general)
    }

    /// One to three random edits: change a digit; replace, insert or delete a byte; repeat a span; cut the body short.
    private static func mutate(_ body: [UInt8], with random: inout UInt64) -> [UInt8] {
        var bytes = body
        for _ in 0...(Identifiers.splitMix(&random) % 3) where !bytes.isEmpty {
            let position = Int(Identifiers.splitMix(&random) % UInt64(bytes.count))
            let byte = alphabet[Int(Identifiers.splitMix(&random) % UInt64(alphabet.count))]
            switch Identifiers.splitMix(&random) % 8 {
            case 5, 6, 7:
                // Gentle: a digit becomes another digit, so many such bodies stay valid with other values or times.
                guard let digit = bytes[position...].firstIndex(where: { (0x30...0x39).contains($0) }) else { continue }
                bytes[digit] = 0x30 + UInt8(Identifiers.splitMix(&random) % 10)
            case 0: bytes[position] = byte
            case 1: bytes.insert(byte, at: position)
            case 2: bytes.remove(at: position)
            case 3:
                let end = min(bytes.count, position + 1 + Int(Identifiers.splitMix(&random) % 24))
                bytes.insert(contentsOf: bytes[position..<end], at: end)
            default: bytes.removeSubrange(position...)
            }
        }
        return bytes
    }
}

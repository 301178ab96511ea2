import Foundation
import MindSphereFake

/// `mindsphere-fake-bench plant <scenario.yaml> [copies]`: resident bytes per stored record of the scenario's
/// generated 1-second series (records one second apart), each written `copies` times (default 20) into series of
/// its own, so the figure rests on millions of records rather than on the allocator's slack. The variables' types
/// are read from the records' values (a fraction is DOUBLE, a whole number LONG, text STRING). Prints one JSON line.
enum PlantBenchmark {
    static func run(path: String, copies: Int) throws {
        let reader = DiskFiles()
        let scenario = try ScenarioLoader(reader: reader).load(path: path)
        let series = scenario.timeSeries.filter(isOneSecond)
        guard !series.isEmpty else { fatalError("no 1-second series in \(path)") }
        let schemas = InferredSchemas(series.map(\.records))
        let store = TimeSeriesStore(schemas: schemas)
        let bodies = series.map { JSONValue.array($0.records.map(JSONValue.object)) }
        let residentBefore = TimeSeriesBenchmark.residentBytesAfterTrim()
        for copy in 0..<copies {
            for (index, body) in bodies.enumerated() {
                try store.write(
                    tenant: TimeSeriesBenchmark.tenant, assetID: InferredSchemas.assetID(series: index, copy: copy),
                    aspectName: InferredSchemas.aspectName, body: body, nowMilliseconds: 0)
            }
        }
        let residentAfter = TimeSeriesBenchmark.residentBytesAfterTrim()
        let records = store.recordCount()
        let bytesPerRecord = Double(residentAfter - residentBefore) / Double(max(1, records))
        print(
            """
            {"plantSeries":\(series.count),"plantCopies":\(copies),"plantRecords":\(records),\
            "plantVariables":"\(schemas.summary)","plantResidentBytesPerRecord":\(TimeSeriesBenchmark.rounded(bytesPerRecord))}
            """)
    }

    /// Whether the series' first two records are one second apart.
    static func isOneSecond(_ series: ScenarioTimeSeries) -> Bool {
        guard series.records.count > 1,
            let first = series.records[0]["_time"]?.stringValue.flatMap(Timestamp.parseMilliseconds),
            let second = series.records[1]["_time"]?.stringValue.flatMap(Timestamp.parseMilliseconds)
        else { return false }
        return second - first == 1000
    }
}

/// Reads scenario files from disk, paths resolved like the scenario loader resolves them.
private struct DiskFiles: ScenarioFileReader {
    func read(_ path: String, relativeTo includingFile: String?) throws -> ScenarioSourceFile {
        let resolved = InMemoryScenarioFiles.resolve(path, relativeTo: includingFile)
        return ScenarioSourceFile(path: resolved, text: try String(contentsOfFile: resolved, encoding: .utf8))
    }
}

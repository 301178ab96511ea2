import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct TimeSeriesValidationTests {
    private let time = "2023-02-20T02:01:01.001Z"

    private func putMixed(_ harness: TimeSeriesHarness, _ fields: String) -> FakeResponse {
        harness.put("mixed", #"[{"_time":"\#(time)",\#(fields)}]"#)
    }

    @Test(arguments: [
        (#""count":2147483648"#, "count"),  // INT above range
        (#""count":-2147483649"#, "count"),  // INT below range
        (#""count":1.5"#, "count"),  // INT given a fraction
        (#""count":"15.5""#, "count"),  // INT given a string that is no integer
        (#""total":9223372036854775808"#, "total"),  // LONG beyond Int64
        (#""total":true"#, "total"),
        (#""level":"fifteen""#, "level"),  // DOUBLE given a string that is no number
        (#""on":"yes""#, "on"),
        (#""on":1"#, "on"),
        (#""label":"abcdef""#, "label"),  // STRING longer than length 5
        (#""label":5"#, "label"),
        (#""notes":"01234567890""#, "notes"),  // BIG_STRING longer than length 10
        (#""seen":"2023-02-30T00:00:00Z""#, "seen"),  // TIMESTAMP invalid date
        (#""seen":1676851261001"#, "seen"),
        (#""count_qc":-1"#, "count_qc"),
        (#""count_qc":"good""#, "count_qc"),
        (#""count_qc":4294967296"#, "count_qc"),
    ])
    func put_valueNotFittingDataType_answers400NamingRecordAndField(_ fields: String, _ field: String) {
        let harness = TimeSeriesHarness()
        let response = putMixed(harness, fields)
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("record 0: field '\(field)'"))
        #expect(harness.store.recordCount() == 0)
    }

    @Test func put_everyTypeWithinRange_isStoredAndReadBack() {
        let harness = TimeSeriesHarness()
        let response = putMixed(
            harness,
            #"""
            "count":-2147483648,"count_qc":4294967295,"total":9223372036854775807,"level":7,"level_qc":0,\#
            "on":false,"label":"äöüßé","notes":"0123456789","seen":"2023-02-20T02:01:01Z"
            """#)
        #expect(response.status == .noContent)
        let record = harness.records(harness.get("mixed")).first
        #expect(record?.keys == ["_time", "count", "count_qc", "total", "level", "level_qc", "on", "label", "notes", "seen"])
        #expect(record?["count"] == .int(-2_147_483_648))
        #expect(record?["count_qc"] == .number(.integer(4_294_967_295)))
        #expect(record?["total"] == .number(.integer(.max)))
        #expect(record?["level"] == .double(7))
        #expect(record?["on"] == .bool(false))
        #expect(record?["label"] == .string("äöüßé"))
        #expect(record?["seen"] == .string("2023-02-20T02:01:01.000Z"))
    }

    @Test func put_nullValue_storesVariableAsAbsent() {
        let harness = TimeSeriesHarness()
        #expect(putMixed(harness, #""count":null,"total":3"#).status == .noContent)
        let record = harness.records(harness.get("mixed")).first
        #expect(record?.keys == ["_time", "total"])
    }

    @Test func put_unknownVariable_answers400ListingVariables() {
        let harness = TimeSeriesHarness()
        let response = harness.put("acceleration", #"[{"_time":"\#(time)","x":1,"w":2}]"#)
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("field 'w' is not a variable"))
        #expect(harness.message(response).contains("x, y, z"))
    }

    @Test func put_qualityCodeOfVariableWithoutQualityCode_answers400() {
        let harness = TimeSeriesHarness()
        let response = putMixed(harness, #""total":1,"total_qc":0"#)
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("'total' has no quality code"))
    }

    @Test func put_oneBadRecordAmongGood_storesNothing() {
        let harness = TimeSeriesHarness()
        let body = #"[{"_time":"2023-02-20T02:01:01.001Z","x":1},{"_time":"2023-02-20T02:01:02.001Z","x":"two"}]"#
        let response = harness.put("acceleration", body)
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("record 1: field 'x'"))
        #expect(harness.records(harness.get("acceleration")).isEmpty)
    }

    @Test func put_bodyNotArrayOrRecordNotObject_answers400() {
        let harness = TimeSeriesHarness()
        #expect(harness.put("acceleration", #"{"_time":"\#(time)"}"#).status == .badRequest)
        #expect(harness.put("acceleration", "[1]").status == .badRequest)
        #expect(harness.put("acceleration", "[]").status == .badRequest)
        #expect(harness.put("acceleration", "[{").status == .badRequest)
    }

    @Test func put_unknownAssetOrAspect_answers404InTimeSeriesShape() {
        let harness = TimeSeriesHarness()
        let unknownAsset = harness.put("acceleration", #"[{"_time":"\#(time)","x":1}]"#, asset: "0123456789abcdef0123456789abcdef")
        #expect(unknownAsset.status == .notFound)
        #expect(unknownAsset.bodyJSON?.objectValue?.keys == ["id", "message"])
        #expect(harness.put("nothere", #"[{"_time":"\#(time)","x":1}]"#).status == .notFound)
        #expect(harness.get("nothere").status == .notFound)
    }

    @Test func put_staticAspect_answers400() {
        let harness = TimeSeriesHarness()
        harness.schemas.add(
            TimeSeriesHarness.schema(
                "nameplate", [VariableDefinition(name: "serial", dataType: .string)],
                category: .static))
        let response = harness.put("nameplate", #"[{"_time":"\#(time)","serial":"A1"}]"#)
        #expect(response.status == .badRequest)
        #expect(harness.message(response).contains("static"))
    }

    @Test func put_moreThanOneMegabyte_answers413() {
        let harness = TimeSeriesHarness()
        let body = TimeSeriesHarness.accelerationBody(count: 20_000)
        #expect(body.utf8.count > 1_048_576)
        #expect(harness.put("acceleration", body).status == .contentTooLarge)
    }

    @Test func put_recordAtExistingTime_replacesWholeRecord() {
        let harness = TimeSeriesHarness()
        #expect(harness.put("acceleration", #"[{"_time":"\#(time)","x":1,"y":2,"z":3}]"#).status == .noContent)
        #expect(harness.put("acceleration", #"[{"_time":"\#(time)","y":5}]"#).status == .noContent)
        let records = harness.records(harness.get("acceleration", "from=2023-02-20T00:00:00Z&to=2023-02-21T00:00:00Z"))
        #expect(records.count == 1)
        #expect(records.first?.keys == ["_time", "y"])
        #expect(records.first?["y"] == .double(5))
    }

    @Test func put_sameTimeTwiceInOneRequest_keepsTheLater() {
        let harness = TimeSeriesHarness()
        let body = #"[{"_time":"\#(time)","x":1},{"_time":"\#(time)","z":9}]"#
        #expect(harness.put("acceleration", body).status == .noContent)
        let records = harness.records(harness.get("acceleration"))
        #expect(records.first?.keys == ["_time", "z"])
    }
}

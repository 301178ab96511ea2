import HTTPTypes
import Testing

@testable import MindSphereFake

@Suite struct TimeSeriesReadTests {
    /// 10 records at 2023-02-10T03:33:20.000Z + n seconds (n = 0...9), x = n + 0.5.
    private func harnessWithTenRecords() -> TimeSeriesHarness {
        let harness = TimeSeriesHarness()
        harness.put("acceleration", TimeSeriesHarness.accelerationBody(count: 10))
        return harness
    }

    private func xs(_ harness: TimeSeriesHarness, _ query: String) -> [Double] {
        harness.records(harness.get("acceleration", query)).compactMap {
            if case .number(let number)? = $0["x"] { return number.doubleValue }
            return nil
        }
    }

    private let from = "2023-02-10T03:33:20.000Z"  // time of record 0

    @Test func seedSnippet_putTwoRealLogRecords_readsThemBackUnchanged() {
        let harness = TimeSeriesHarness()
        let body = """
            [{"_time":"2023-02-20T02:01:01.001Z","activity_type":"started","machine_id":"machine_1","part_id":"100",\
            "queue":"queue 1","timestamp":"2023-02-20T02:01:01.001Z"},
            {"_time":"2023-02-20T02:02:01.001Z","activity_type":"finished","machine_id":"machine_1","part_id":"100",\
            "queue":"queue 1","timestamp":"2023-02-20T02:02:01.001Z"}]
            """
        let put = harness.put("real_log", body)
        #expect(put.status == .noContent)
        #expect(put.body.isEmpty)
        let get = harness.get("real_log", "from=2023-02-20T02:00:01.001Z&to=2023-02-20T02:02:01.001Z")
        #expect(get.status == .ok)
        #expect(get.header("Content-Type") == "application/json")
        #expect(get.bodyJSON == (try? JSONParser.parse(body)))
    }

    @Test func get_fromIsExclusiveAndToInclusive() {
        let harness = harnessWithTenRecords()
        #expect(xs(harness, "from=\(from)&to=2023-02-10T03:33:23.000Z") == [1.5, 2.5, 3.5])
    }

    @Test func get_withoutFromAndTo_answersTheSingleLatestRecord() {
        let harness = harnessWithTenRecords()
        #expect(xs(harness, "") == [9.5])
        #expect(harness.records(harness.get("acceleration", "limit=5")).count == 1)
    }

    @Test func get_noData_answersEmptyArray() {
        let harness = TimeSeriesHarness()
        #expect(harness.get("acceleration").bodyText == "[]")
        #expect(harness.get("acceleration", "from=2020-01-01T00:00:00Z&to=2020-01-02T00:00:00Z").bodyText == "[]")
    }

    @Test func get_onlyFrom_readsToTheEnd_onlyTo_readsFromTheStart() {
        let harness = harnessWithTenRecords()
        #expect(xs(harness, "from=2023-02-10T03:33:27.000Z") == [8.5, 9.5])
        #expect(xs(harness, "to=2023-02-10T03:33:21.000Z") == [0.5, 1.5])
    }

    @Test func get_limit_defaultsTo2000_andMaximumIs2000() {
        let harness = TimeSeriesHarness()
        harness.put("acceleration", TimeSeriesHarness.accelerationBody(count: 2001))
        let all = harness.get("acceleration", "from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z")
        #expect(harness.records(all).count == 2000)
        #expect(all.header("Link") != nil)
        #expect(harness.get("acceleration", "from=2000-01-01T00:00:00Z&limit=2000").status == .ok)
        let tooMany = harness.get("acceleration", "from=2000-01-01T00:00:00Z&limit=2001")
        #expect(tooMany.status == .badRequest)
        #expect(harness.message(tooMany).contains("'limit'"))
    }

    @Test(arguments: ["0", "-1", "abc", "1.5"])
    func get_badLimit_answers400(_ limit: String) {
        let harness = harnessWithTenRecords()
        #expect(harness.get("acceleration", "from=\(from)&limit=\(limit)").status == .badRequest)
    }

    @Test func get_badSortOrTimeOrFromAfterTo_answers400() {
        let harness = harnessWithTenRecords()
        #expect(harness.get("acceleration", "from=\(from)&sort=up").status == .badRequest)
        #expect(harness.get("acceleration", "from=2023-02-30T00:00:00Z").status == .badRequest)
        let reversed = harness.get("acceleration", "from=2023-02-11T00:00:00Z&to=2023-02-10T00:00:00Z")
        #expect(reversed.status == .badRequest)
        #expect(harness.message(reversed).contains("must not be after"))
        #expect(harness.get("acceleration", "latestValue=maybe").status == .badRequest)
    }

    @Test func get_sortDesc_answersNewestFirst() {
        let harness = harnessWithTenRecords()
        #expect(xs(harness, "from=\(from)&to=2023-02-10T03:33:23.000Z&sort=desc") == [3.5, 2.5, 1.5])
        #expect(xs(harness, "from=\(from)&to=2023-02-10T03:33:23.000Z&sort=asc") == [1.5, 2.5, 3.5])
    }

    @Test func get_select_keepsTimeAndNamedVariables() {
        let harness = harnessWithTenRecords()
        let records = harness.records(harness.get("acceleration", "from=\(from)&select=z,x"))
        #expect(records.count == 9)
        #expect(records.first?.keys == ["_time", "x", "z"])
        #expect(harness.get("acceleration", "select=w").status == .badRequest)
        let withQC = TimeSeriesHarness()
        withQC.put("mixed", #"[{"_time":"2023-01-01T00:00:00Z","count":1,"count_qc":3,"total":4}]"#)
        #expect(withQC.records(withQC.get("mixed", "select=count")).first?.keys == ["_time", "count", "count_qc"])
    }

    @Test func get_paging_linkCarriesNextFromAndRestOfQuery() {
        let harness = harnessWithTenRecords()
        let first = harness.get("acceleration", "from=\(from)&to=2023-02-10T03:33:29.000Z&limit=4&select=x")
        #expect(xs(harness, "from=\(from)&to=2023-02-10T03:33:29.000Z&limit=4") == [1.5, 2.5, 3.5, 4.5])
        let link = first.header("Link")
        let expected =
            "<http://127.0.0.1:8080/api/iottimeseries/v3/timeseries/\(TimeSeriesHarness.asset)/acceleration"
            + "?from=2023-02-10T03:33:24.000Z&to=2023-02-10T03:33:29.000Z&limit=4&select=x>; rel=\"next\""
        #expect(link == expected)
        var target = String(link?.dropFirst().prefix { $0 != ">" } ?? "")
        target = String(target.dropFirst("http://127.0.0.1:8080".count))
        var seen: [Double] = []
        var pages = 0
        while pages < 10 {
            let page = harness.send(.get, target)
            seen += harness.records(page).compactMap { if case .number(let n)? = $0["x"] { n.doubleValue } else { nil } }
            pages += 1
            guard let next = page.header("Link") else { break }
            target = String(next.dropFirst().prefix { $0 != ">" }.dropFirst("http://127.0.0.1:8080".count))
        }
        #expect(seen == [5.5, 6.5, 7.5, 8.5, 9.5])
        #expect(pages == 2)
    }

    @Test func get_pagingDescending_movesToBackwards() {
        let harness = harnessWithTenRecords()
        let first = harness.get("acceleration", "from=\(from)&sort=desc&limit=5")
        #expect(harness.records(first).count == 5)
        let link = first.header("Link") ?? ""
        #expect(link.contains("to=2023-02-10T03:33:24.999Z"))
        let target = String(link.dropFirst().prefix { $0 != ">" }.dropFirst("http://127.0.0.1:8080".count))
        let second = harness.send(.get, target)
        #expect(harness.records(second).count == 4)
        #expect(second.header("Link") == nil)
    }

    @Test func get_exactlyLimitRecords_hasNoLink() {
        let harness = harnessWithTenRecords()
        #expect(harness.get("acceleration", "from=\(from)&limit=9").header("Link") == nil)
    }

    @Test func get_latestValue_answersLatestValueOfEachVariableOlderThanFiveMinutes() {
        let harness = TimeSeriesHarness()
        let now = harness.clock.nowMilliseconds()
        func time(_ minutesAgo: Int64) -> String { Timestamp.format(milliseconds: now - minutesAgo * 60_000) }
        harness.put(
            "acceleration",
            """
            [{"_time":"\(time(30))","x":1,"y":1},{"_time":"\(time(20))","x":2},{"_time":"\(time(10))","z":3},\
            {"_time":"\(time(1))","x":99,"y":99,"z":99}]
            """)
        let records = harness.records(harness.get("acceleration", "latestValue=true"))
        #expect(records.count == 3)
        #expect(records.map(\.keys) == [["_time", "y"], ["_time", "x"], ["_time", "z"]])
        #expect(records[1]["x"] == .double(2))
        let selected = harness.records(harness.get("acceleration", "latestValue=True&select=y"))
        #expect(selected.map(\.keys) == [["_time", "y"]])
    }

    @Test func get_latestValue_takesTheQualityCodeOfTheChosenValue() {
        let harness = TimeSeriesHarness()
        let now = harness.clock.nowMilliseconds()
        func time(_ minutesAgo: Int64) -> String { Timestamp.format(milliseconds: now - minutesAgo * 60_000) }
        harness.put(
            "mixed",
            """
            [{"_time":"\(time(30))","count":1,"count_qc":5},{"_time":"\(time(20))","count_qc":7,"total":2}]
            """)
        let records = harness.records(harness.get("mixed", "latestValue=true&select=count"))
        #expect(records.count == 1)
        #expect(records.first?["count"] == .int(1))
        #expect(records.first?["count_qc"] == .int(5))
    }

    @Test func get_ingestionDelay_hidesRecordsUntilTheClockPassesIt() {
        let harness = TimeSeriesHarness()
        harness.store.ingestionDelayMilliseconds = 2000
        harness.put("acceleration", TimeSeriesHarness.accelerationBody(count: 3))
        #expect(harness.get("acceleration").bodyText == "[]")
        #expect(harness.store.recordCount() == 3)
        harness.clock.advance(milliseconds: 1999)
        #expect(harness.get("acceleration").bodyText == "[]")
        harness.clock.advance(milliseconds: 1)
        #expect(xs(harness, "") == [2.5])
    }
}

/// PUT bodies for the `mixed` aspect of `TimeSeriesHarness` (count INT+qc, total LONG, level DOUBLE+qc, on BOOLEAN,
/// label STRING(5), notes BIG_STRING(10), seen TIMESTAMP), grouped by how the byte scanner must treat them.
enum ScanBodies {
    private static let time = "2023-02-20T02:01:01.001Z"

    /// Valid bodies the scanner reads itself.
    static let scanned: [String] =
        [
            #"[{"_time":"\#(time)","count":1}]"#,
            #"[{"_time":"\#(time)","count":-2147483648,"count_qc":4294967295,"total":9223372036854775807,"level":7,"level_qc":0,"on":false,"label":"äöüßé","notes":"0123456789","seen":"2023-02-20T02:01:01Z"}]"#,
            #"[{"seen":"2023-02-20T02:01:01.5Z","on":true,"level":-1.5e-3,"_time":"\#(time)","total":-9223372036854775807}]"#,
            #"[{"_time":"\#(time)","count":null,"total":null,"level":null,"on":null,"label":null,"notes":null,"seen":null,"count_qc":null,"level_qc":null}]"#,
            #"[{"_time":"\#(time)","level":0.1},{"_time":"2023-02-20T02:01:00.999Z","level":1E+2},{"_time":"\#(time)","level":-0.0}]"#,
            #"[{"_time":"2023-02-20T02:01:01Z"},{"_time":"2023-02-20t02:01:01.100000000z","label":""}]"#,
            #"[{"_time":"2019-12-31T23:59:59.999Z","level":123456789012345678901234567890},{"_time":"2024-02-29T00:00:00.000Z","level":1.7976931348623157e308}]"#,
            " \n\t[ {\r\n \"_time\" : \"\(time)\" ,\n \"count\" : 5 , \"label\":\"a b\" } , {\"_time\":\"2023-02-20T02:01:02Z\",\"on\":false}\n] \n",
            #"[{"_time":"\#(time)","label":"日本語"},{"_time":"2023-02-20T02:01:03Z","notes":"\#u{1F600}"}]"#,
        ] + coerced + [
            "["
                + (0..<250).map { index in
                    #"{"_time":"2023-02-20T02:\#(10 + index % 50):\#(10 + index % 40).\#(100 + index)Z","count":\#(index - 125),"level":\#(index).25,"level_qc":\#(index % 3)}"#
                }.joined(separator: ",") + "]"
        ]

    /// Numbers and Booleans given as strings of their type (`ValueCoercion.coerce`, the default): the scanner reads
    /// them itself; under `.strict` both paths refuse each of them.
    static let coerced: [String] = [
        #"[{"_time":"\#(time)","count":"15","count_qc":"4294967295","total":"-9223372036854775808","level":"1.5","level_qc":"0","on":"true"}]"#,
        #"[{"_time":"\#(time)","count":"+7","total":"9223372036854775807","level":"1e3","on":"TRUE"}]"#,
        #"[{"_time":"\#(time)","count":" -2147483648 ","level":".5","on":"False"},{"_time":"2023-02-20T02:01:02Z","level":"-0","on":" false"}]"#,
        #"[{"_time":"\#(time)","level":"5.","count":"2147483647","label":"15"}]"#,
    ]

    /// Valid bodies the scanner leaves to the general path, which stores them.
    static let generalOnly: [String] = [
        #"[{"_time":"\#(time)","count":"\u0031\u0035"}]"#,
        #"[{"_time":"\#(time)","count":1,"count":2}]"#,
        #"[{"_time":"2023-02-20T02:01:00Z","_time":"\#(time)","level":3}]"#,
        #"[{"_time":"\#(time)","label":"a\"b"}]"#,
        #"[{"_time":"2023-02-20T02:01:01.001\u005a","level":1}]"#,
        "\u{FEFF}" + #"[{"_time":"\#(time)","level":1}]"#,
    ]

    /// Bodies the general path refuses.
    static let refused: [String] = [
        #"[{"_time":"2023-02-20 02:01:01","level":1}]"#,
        #"[{"_time":"2023-02-30T02:01:01Z","level":1}]"#,
        #"[{"_time":"2023-02-20T02:01:01.0011Z","level":1}]"#,
        #"[{"_time":"2023-02-20T02:01:01.Z","level":1}]"#,
        #"[{"_time":"2023-02-20T02:01:01.0123456789Z","level":1}]"#,
        #"[{"_time":"2023-02-20T02:01:01+01:00","level":1}]"#,
        #"[{"_time":1676858461001,"level":1}]"#,
        #"[{"_time":null,"level":1}]"#,
        #"[{"level":1}]"#,
        #"[{}]"#,
        #"[{"_time":"\#(time)","count":1.5}]"#,
        #"[{"_time":"\#(time)","count":2147483648}]"#,
        #"[{"_time":"\#(time)","count_qc":-1}]"#,
        #"[{"_time":"\#(time)","count_qc":4294967296}]"#,
        #"[{"_time":"\#(time)","total":9223372036854775808}]"#,
        #"[{"_time":"\#(time)","on":1}]"#,
        #"[{"_time":"\#(time)","count":"15.0"}]"#,
        #"[{"_time":"\#(time)","count":"1e3"}]"#,
        #"[{"_time":"\#(time)","count":""}]"#,
        #"[{"_time":"\#(time)","count":"2147483648"}]"#,
        #"[{"_time":"\#(time)","count":"0x10"}]"#,
        #"[{"_time":"\#(time)","total":"9223372036854775808"}]"#,
        #"[{"_time":"\#(time)","count_qc":"-1"}]"#,
        #"[{"_time":"\#(time)","level":"NaN"}]"#,
        #"[{"_time":"\#(time)","level":"Infinity"}]"#,
        #"[{"_time":"\#(time)","level":"1e999"}]"#,
        #"[{"_time":"\#(time)","level":"1.5d"}]"#,
        #"[{"_time":"\#(time)","level":"warm"}]"#,
        #"[{"_time":"\#(time)","level":""}]"#,
        #"[{"_time":"\#(time)","level":"."}]"#,
        #"[{"_time":"\#(time)","on":"yes"}]"#,
        #"[{"_time":"\#(time)","on":"1"}]"#,
        #"[{"_time":"\#(time)","on":"tRUE"}]"#,
        #"[{"_time":"\#(time)","label":"abcdef"}]"#,
        #"[{"_time":"\#(time)","label":5}]"#,
        #"[{"_time":"\#(time)","notes":"01234567890"}]"#,
        #"[{"_time":"\#(time)","seen":"2023-02-30T00:00:00Z"}]"#,
        #"[{"_time":"\#(time)","seen":1676851261001}]"#,
        #"[{"_time":"\#(time)","level":{"value":1}}]"#,
        #"[{"_time":"\#(time)","level":[1]}]"#,
        #"[{"_time":"\#(time)","unknown":1}]"#,
        #"[{"_time":"\#(time)","on_qc":1}]"#,
        #"[{"_time":"\#(time)","level":1},{"_time":"bad","level":2}]"#,
        #"[{"_time":"\#(time)","level":1},7]"#,
        #"[]"#,
        #"{}"#,
        #"null"#,
        "",
        "   ",
        #"[{"_time":"\#(time)","level":1}"#,
        #"[{"_time":"\#(time)","level":1},]"#,
        #"[{"_time":"\#(time)","level":1,}]"#,
        #"[{"_time":"\#(time)","level":1}] x"#,
        #"[{"_time":"\#(time)","level":01}]"#,
        #"[{"_time":"\#(time)","level":1.}]"#,
        #"[{"_time":"\#(time)","level":+1}]"#,
        #"[{"_time":"\#(time)","level":1e400}]"#,
        #"[{"_time":"\#(time)","on":tru}]"#,
        #"[{"_time":"\#(time)","on":nul}]"#,
        #"[{"_time":"\#(time)","level":1"#,
        #"[{"_time":"\#(time)","label":"tab\#there"}]"#,
        #"[{"_time":"\#(time)" "level":1}]"#,
        #"[{"_time" "\#(time)","level":1}]"#,
        #"[{_time:"\#(time)","level":1}]"#,
        "[" + (0..<99).map { #"{"_time":"2023-02-20T03:00:\#(10 + $0 % 50).\#(100 + $0)Z","level":\#($0)}"# }.joined(separator: ",")
            + #",{"_time":"2023-02-20T04:00:00Z","level":"last one is wrong"}]"#,
    ]

    /// Raw bodies that are not valid UTF-8, all refused by the general path.
    static let invalidUTF8: [[UInt8]] = [
        Array(#"[{"_time":"2023-02-20T02:01:01.001Z","label":""#.utf8) + [0xFF, 0xFE] + Array(#""}]"#.utf8),
        Array(#"[{"_time":"2023-02-20T02:01:01.001"#.utf8) + [0xC3] + Array(#""}]"#.utf8),
        Array(#"[{"_time":"2023-02-2"#.utf8) + [0xC3, 0xA4] + Array(#"T02:01:01.001Z"}]"#.utf8),
        Array(#"[{"_time":"2023-02-20T02:01:01.001Z","lab"#.utf8) + [0xE9] + Array(#"l":"x"}]"#.utf8),
    ]
}

import Foundation
import FuzzSupport

/// The gateway target's seed corpus, written by name through `SeedScript`: the calls of the README, the tests and
/// the contract kit, one to four requests each. Answers not given take the first option (bearer token, JSON).
enum GatewaySeeds {
    typealias Request = SeedScript.Answers

    static let timeSeries = "/api/iottimeseries/v3/timeseries/{asset}/{aspect}"
    static let asset = "/api/assetmanagement/v3/assets/{asset}"

    static let seeds: [String: [Request]] = [
        "token": [
            [
                "route": "/api/technicaltokenmanager/v3/oauth/token", "authorization": "space auth key",
                "body": GatewayVocabulary.tokenBody,
            ]
        ],
        "token-then-assets": [
            [
                "request count": "1", "route": "/api/technicaltokenmanager/v3/oauth/token",
                "authorization": "space auth key", "body": GatewayVocabulary.tokenBody,
            ],
            ["route": "/api/assetmanagement/v3/assets", "content type": "none"],
        ],
        "service-token": [
            [
                "route": "/oauth/token", "authorization": "basic service",
                "content type": "application/x-www-form-urlencoded", "body": "grant_type=client_credentials",
            ]
        ],
        "list-filtered": [
            [
                "route": "/api/assetmanagement/v3/assets", "query count": "1", "query name 1": "filter",
                "query value 1": #"{"typeId":{"startsWith":"iiotuxpc"}}"#,
            ]
        ],
        "read-asset": [["route": asset, "asset": GatewayVocabulary.machine]],
        "asset-details": [
            ["request count": "3", "route": "/api/assetmanagement/v3/assets/{asset}/aspects", "asset": GatewayVocabulary.phone],
            ["route": "/api/assetmanagement/v3/assets/{asset}/variables", "asset": GatewayVocabulary.root],
            [
                "route": "/api/assetmanagement/v3/assets/{asset}/location", "method": "PUT", "asset": GatewayVocabulary.machine,
                "if-match": "0", "body": #"{"country":"Germany","latitude":48.1,"longitude":11.6}"#,
            ],
            ["route": "/api/assetmanagement/v3/assets/root"],
        ],
        "asset-lifecycle": [
            [
                "request count": "3", "route": "/api/assetmanagement/v3/assets", "method": "POST",
                "body": #"{"name":"fuzzed","typeId":"iiotuxpc.station","parentId":"343a6a61f5ef48c899b13f9c1be45b07"}"#,
            ],
            ["route": asset, "asset": GatewayVocabulary.previous],
            [
                "route": asset, "method": "PATCH", "asset": GatewayVocabulary.previous, "if-match": "0",
                "content type": "application/merge-patch+json", "body": #"{"description":"patched","variables":[]}"#,
            ],
            ["route": asset, "method": "DELETE", "asset": GatewayVocabulary.previous, "if-match": "1"],
        ],
        "move": [
            [
                "route": "/api/assetmanagement/v3/assets/{asset}/move", "asset": GatewayVocabulary.device,
                "if-match": "0", "body": #"{"newParentId":"574fbc1ab7964fa3a6acf1173707a256"}"#,
            ]
        ],
        "types": [
            [
                "request count": "3", "route": "/api/assetmanagement/v3/aspecttypes/{aspectType}", "method": "PUT",
                "aspectType": "iiotuxpc.fuzzed",
                "body":
                    #"{"name":"fuzzed","category":"dynamic","scope":"private","variables":[{"name":"t","dataType":"DOUBLE","unit":"C","searchable":false,"qualityCode":true}]}"#,
            ],
            [
                "route": "/api/assetmanagement/v3/assettypes/{assetType}", "method": "PUT", "assetType": "iiotuxpc.fuzzed",
                "body": #"{"name":"fuzzed","parentTypeId":"core.basicasset","aspects":[{"name":"temps","aspectTypeId":"iiotuxpc.fuzzed"}]}"#,
            ],
            [
                "route": "/api/assetmanagement/v3/assettypes/{assetType}/variables", "assetType": "iiotuxpc.fuzzed",
                "if-match": "0", "content type": "application/merge-patch+json",
                "body": #"{"variables":[{"name":"serial","dataType":"STRING","length":20}]}"#,
            ],
            ["route": "/api/assetmanagement/v3/aspecttypes", "query count": "1", "query name 1": "sort", "query value 1": "name,desc"],
        ],
        "timeseries-write-read": [
            [
                "request count": "2", "route": timeSeries, "asset": GatewayVocabulary.machine, "aspect": "real_log",
                "body":
                    #"[{"_time":"2023-02-22T19:56:45Z","activity_type":"a","machine_id":"m","part_id":"1","queue":"q","timestamp":"2023-02-22T19:56:45Z"}]"#,
            ],
            [
                "route": timeSeries, "method": "GET", "asset": GatewayVocabulary.machine, "aspect": "real_log",
                "query count": "2", "query name 1": "from", "query value 1": "2023-02-22T19:56:44.000Z",
                "query name 2": "to", "query value 2": "2023-02-22T19:56:46Z",
            ],
            [
                "route": timeSeries, "method": "GET", "asset": GatewayVocabulary.phone, "aspect": "acceleration",
                "query count": "3", "query name 1": "limit", "query value 1": "2", "query name 2": "sort",
                "query value 2": "desc", "query name 3": "select", "query value 3": "x,y",
            ],
        ],
        "timeseries-acceleration": [
            [
                "route": timeSeries, "asset": GatewayVocabulary.phone, "aspect": "acceleration",
                "body": #"[{"_time":"2023-02-22T19:56:45.000Z","x":1.5,"y":2,"z":-3e2},{"_time":"2023-02-22T19:56:46.000Z","x":0}]"#,
            ]
        ],
        "timeseries-delete": [
            [
                "route": timeSeries, "method": "DELETE", "asset": GatewayVocabulary.phone,
                "aspect": "acceleration", "query count": "2", "query name 1": "from",
                "query value 1": "2023-02-22T19:56:44.000Z", "query name 2": "to",
                "query value 2": "2023-02-22T19:56:44.700Z",
            ]
        ],
        "timeseries-multi": [
            [
                "route": "/api/iottimeseries/v3/timeseries",
                "body":
                    #"{"timeseries":[{"entityId":"574fbc1ab7964fa3a6acf1173707a256","propertySetName":"acceleration","data":[{"_time":"2023-02-22T19:56:45Z","x":1}]}]}"#,
            ]
        ],
        "fault-then-put": [
            [
                "request count": "1", "route": "/_fake/faults", "method": "POST",
                "body": #"{"method":"PUT","path":"/api/iottimeseries/**","status":429,"retryAfterSeconds":5,"times":2}"#,
            ],
            [
                "route": timeSeries, "asset": GatewayVocabulary.phone, "aspect": "acceleration",
                "body": #"[{"_time":"2023-02-22T19:56:45.000Z","x":1.5}]"#,
            ],
        ],
        "clock-expires-token": [
            ["request count": "2", "route": "/_fake/clock", "method": "POST", "body": #"{"advanceSeconds":1801}"#],
            ["route": "/api/assetmanagement/v3/assets"],
            ["route": "/_fake/clock", "method": "GET"],
        ],
        "control-plane": [
            [
                "request count": "3", "route": "/_fake/scenario", "method": "POST", "content type": "application/yaml",
                "body":
                    "name: fuzzed\ninclude: shared/types.yaml\ntenants:\n  - name: iiotuxpc\n    appCredentials: [{appName: a, appVersion: v1.0.0, clientSecret: s}]\n",
            ],
            ["route": "/_fake/requests", "query count": "1", "query name 1": "status", "query value 1": "4xx"],
            ["route": "/_fake/state", "method": "GET"],
            ["route": "/_fake/ingestion-delay", "method": "POST", "body": #"{"milliseconds":2000}"#],
        ],
        "expire-tokens": [
            ["request count": "1", "route": "/_fake/tokens/expire", "content type": "none"],
            ["route": "/api/assetmanagement/v3"],
        ],
        "broken-tokens": [
            ["request count": "3", "route": "/api/assetmanagement/v3/assets", "authorization": "bearer flipped", "position": "x"],
            ["route": "/api/assetmanagement/v3/assets", "authorization": "bearer truncated", "cut": "\u{1}"],
            ["route": "/api/assetmanagement/v3/assets", "authorization": "none"],
            ["route": "/token_keys"],
        ],
        "wrong-method": [
            ["request count": "1", "route": "/api/assetmanagement/v3/assets/root", "method kind": "any", "method": "POST"],
            [
                "route": "/api/assetmanagement/v3/aspecttypes", "method kind": "any", "method": "HEAD", "header count": "2",
                "header name 1": "Origin", "header value 1": "http://evil.example", "header name 2": "Accept",
                "header value 2": "application/hal+json",
            ],
        ],
    ]

    /// Writes every seed into `directory` (one file per seed, named after it), after running it once.
    static func write(to directory: String, fixture: GatewayFixture) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        for (name, requests) in seeds.sorted(by: { $0.key < $1.key }) {
            var script = SeedScript(requests)
            fixture.run(&script, input: [])
            guard FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(script.recorded)) else {
                fatalError("cannot write \(directory)/\(name)")
            }
        }
    }
}

import FuzzSupport

/// The words the gateway target builds requests from: the real routes (as in the route tables of
/// `AssetManagementAPI`, `TimeSeriesAPI`, `TokenManagerAPI` and `ControlAPI`), the default scenario's ids, and
/// query names, header values and bodies its clients send. The first option of every list is the common case,
/// because decisions past the end of an input take it.
enum GatewayVocabulary {
    static let root = "343a6a61f5ef48c899b13f9c1be45b07"
    static let machine = "60bf86d1d051416f853b1e22f3714b8c"
    static let phone = "574fbc1ab7964fa3a6acf1173707a256"
    static let device = "9c722dc9893e44e4a522295ebf2879b5"

    /// A route: its path with `{placeholders}` and the methods it serves.
    struct Template {
        let path: String
        let methods: [String]
    }

    static let templates: [Template] = [
        Template(path: "/api/assetmanagement/v3/assets", methods: ["GET", "POST"]),
        Template(path: "/api/assetmanagement/v3/assets/{asset}", methods: ["GET", "PUT", "PATCH", "DELETE"]),
        Template(path: "/api/iottimeseries/v3/timeseries/{asset}/{aspect}", methods: ["PUT", "GET", "DELETE"]),
        Template(path: "/api/technicaltokenmanager/v3/oauth/token", methods: ["POST"]),
        Template(path: "/api/assetmanagement/v3", methods: ["GET"]),
        Template(path: "/api/assetmanagement/v3/aspecttypes", methods: ["GET"]),
        Template(path: "/api/assetmanagement/v3/aspecttypes/{aspectType}", methods: ["GET", "PUT", "PATCH", "DELETE"]),
        Template(path: "/api/assetmanagement/v3/assettypes", methods: ["GET"]),
        Template(path: "/api/assetmanagement/v3/assettypes/{assetType}", methods: ["GET", "PUT", "PATCH", "DELETE"]),
        Template(path: "/api/assetmanagement/v3/assettypes/{assetType}/variables", methods: ["PATCH"]),
        Template(path: "/api/assetmanagement/v3/assets/root", methods: ["GET"]),
        Template(path: "/api/assetmanagement/v3/assets/{asset}/move", methods: ["POST"]),
        Template(path: "/api/assetmanagement/v3/assets/{asset}/aspects", methods: ["GET"]),
        Template(path: "/api/assetmanagement/v3/assets/{asset}/variables", methods: ["GET"]),
        Template(path: "/api/assetmanagement/v3/assets/{asset}/location", methods: ["PUT", "DELETE"]),
        Template(path: "/api/iottimeseries/v3/timeseries", methods: ["PUT"]),
        Template(path: "/oauth/token", methods: ["POST"]),
        Template(path: "/token_keys", methods: ["GET"]),
        Template(path: "/_fake/health", methods: ["GET"]),
        Template(path: "/_fake/reset", methods: ["POST"]),
        Template(path: "/_fake/scenario", methods: ["POST", "GET"]),
        Template(path: "/_fake/state", methods: ["GET", "POST"]),
        Template(path: "/_fake/clock", methods: ["GET", "POST"]),
        Template(path: "/_fake/tokens/expire", methods: ["POST"]),
        Template(path: "/_fake/requests", methods: ["GET"]),
        Template(path: "/_fake/faults", methods: ["GET", "POST", "DELETE"]),
        Template(path: "/_fake/faults/{id}", methods: ["DELETE"]),
        Template(path: "/_fake/ingestion-delay", methods: ["GET", "POST"]),
        Template(path: "/api/assetmanagement/v4/assets", methods: ["GET"]),
        Template(path: "/_fake/nothing", methods: ["GET"]),
        Template(path: "/", methods: ["GET"]),
    ]

    static let methods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", rawOption]

    /// Values of each placeholder; `<previous>` is the `id` of the previous answer in the same input.
    static let previous = "<previous>"
    static let placeholders: [String: [String]] = [
        "asset": [machine, phone, root, device, previous, "root", "ffffffffffffffffffffffffffffffff", rawOption],
        "aspect": ["real_log", "acceleration", "connectivityStatus", "nothing", rawOption],
        "aspectType": [
            "iiotuxpc.real_log", "iiotuxpc.acceleration", "iiotuxpc.fuzzed", "core.connectivityStatus",
            previous, rawOption,
        ],
        "assetType": [
            "iiotuxpc.station", "iiotuxpc.mobilephone", "iiotuxpc.fuzzed", "core.basicasset", previous,
            rawOption,
        ],
        "id": [previous, rawOption],
    ]

    /// What happens to the path after the placeholders are filled.
    static let pathEdits = ["none", "trailing slash", "extra segment", "percent-encoded", "double slash", "replaced"]

    static let queryNames = [
        "filter", "size", "page", "sort", "from", "to", "limit", "select", "latestValue",
        "includeShared", "grant_type", "status", "method", "path", "times", rawOption,
    ]
    static let queryValues = [
        "2023-02-22T19:56:44.000Z", "2023-02-22T19:56:45Z", "0", "1", "5", "-1", "2000", "2001", "true", "True",
        "name,asc", "name,desc", "x,y", #"{"name":"machine"}"#, #"{"typeId":{"startsWith":"iiotuxpc"}}"#,
        #"{"hasType":"core.basicasset"}"#, #"{"or":[{"name":"a"},{"not":{"name":{"in":["b"]}}}]}"#,
        "client_credentials", "4xx", "PUT", "/api/**", rawOption,
    ]

    /// How the caller authenticates: the token the target fetched at start, a broken one, or none.
    static let authorizations = [
        "bearer", "none", "bearer raw", "bearer truncated", "bearer flipped", "space auth key",
        "basic service", "lowercase bearer", "raw",
    ]

    static let contentTypes = [
        "application/json", "none", "application/x-www-form-urlencoded",
        "application/merge-patch+json", "text/plain", "application/yaml", rawOption,
    ]
    static let ifMatches = ["none", "0", "1", "*", "\"0\"", "W/\"1\"", rawOption]
    static let headerNames = [
        "Host", "Origin", "Accept", "If-None-Match", "Content-Length", "X-SPACE-AUTH-KEY",
        "Authorization", rawOption,
    ]

    static let tokenBody =
        #"{"grant_type":"client_credentials","appName":"testdm","appVersion":"v1.0.0","hostTenant":"iiotuxpc","userTenant":"iiotuxpc"}"#

    /// Bodies by kind; `<raw>` takes free bytes, which is where most mutation happens.
    static let bodies = [
        "", rawOption, tokenBody,
        #"{"name":"fuzzed","typeId":"iiotuxpc.station","parentId":"343a6a61f5ef48c899b13f9c1be45b07"}"#,
        #"[{"_time":"2023-02-22T19:56:45.000Z","x":1.5,"y":2,"z":-3e2}]"#,
        #"[{"_time":"2023-02-22T19:56:45Z","activity_type":"a","machine_id":"m","part_id":"1","queue":"q","timestamp":"2023-02-22T19:56:45Z"}]"#,
        #"{"name":"fuzzed","category":"dynamic","scope":"private","variables":[{"name":"t","dataType":"DOUBLE","unit":"C","searchable":false,"qualityCode":true}]}"#,
        #"{"name":"fuzzed","parentTypeId":"core.basicasset","aspects":[{"name":"real_log","aspectTypeId":"iiotuxpc.real_log"}]}"#,
        #"{"timeseries":[{"entityId":"574fbc1ab7964fa3a6acf1173707a256","propertySetName":"acceleration","data":[{"_time":"2023-02-22T19:56:45Z","x":1}]}]}"#,
        #"{"method":"PUT","path":"/api/iottimeseries/**","status":429,"times":2}"#,
        #"{"advanceSeconds":1801}"#,
        #"{"frozen":true}"#,
        #"{"newParentId":"574fbc1ab7964fa3a6acf1173707a256"}"#,
        #"{"country":"Germany","latitude":48.1,"longitude":11.6}"#,
        #"{"milliseconds":2000}"#,
        "grant_type=client_credentials",
        "name: fuzzed\ntenants:\n  - name: other\n    appCredentials: [{appName: a, appVersion: v1.0.0, clientSecret: s}]\n",
    ]
}

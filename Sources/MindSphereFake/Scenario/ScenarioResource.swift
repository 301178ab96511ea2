/// One seeded resource of a scenario (aspect type, asset type or asset), written as the JSON body the API accepts.
public struct ScenarioResource: Sendable {
    /// The tenant it belongs to.
    public var tenant: String
    /// The id, when the scenario gives one (type ids, asset ids); else one is generated deterministically.
    public var id: String?
    /// The resource body as the API's PUT/POST would take it.
    public var body: JSONObject
    /// Where it was written, for error messages.
    public var origin: SourceLocation?

    /// A seeded resource.
    public init(tenant: String, id: String? = nil, body: JSONObject, origin: SourceLocation? = nil) {
        self.tenant = tenant
        self.id = id
        self.body = body
        self.origin = origin
    }
}

/// Time-series records seeded for one asset's aspect.
public struct ScenarioTimeSeries: Sendable {
    /// The tenant.
    public var tenant: String
    /// The asset id.
    public var assetID: String
    /// The aspect name.
    public var aspectName: String
    /// Records as the PUT API takes them (`_time` plus variables).
    public var records: [JSONObject]
    /// Where it was written, for error messages.
    public var origin: SourceLocation?

    /// Seeded records.
    public init(tenant: String, assetID: String, aspectName: String, records: [JSONObject], origin: SourceLocation? = nil) {
        self.tenant = tenant
        self.assetID = assetID
        self.aspectName = aspectName
        self.records = records
        self.origin = origin
    }
}

/// A place in a scenario file.
public struct SourceLocation: Sendable, Equatable, CustomStringConvertible {
    /// The file path as given.
    public var file: String
    /// The 1-based line.
    public var line: Int

    /// A location.
    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }

    /// `file:line`.
    public var description: String { "\(file):\(line)" }
}

/// Why a scenario cannot be loaded: the file, line and reason.
public struct ScenarioError: Error, Sendable, CustomStringConvertible {
    /// Where the problem is, when known.
    public var location: SourceLocation?
    /// What is wrong.
    public var reason: String

    /// An error.
    public init(_ reason: String, at location: SourceLocation? = nil) {
        self.reason = reason
        self.location = location
    }

    /// `file:line: reason`.
    public var description: String {
        if let location { return "\(location): \(reason)" }
        return reason
    }
}
